package vn.dinhdanh.icao.lds;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/**
 * Bouncy Castle decodes certificate extensions, times and CRL entries lazily; these helpers
 * touch every part the library later reads, so a malformed value fails at parse time with a
 * code instead of surfacing later as an unchecked exception.
 */
public final class Certificates {
    private Certificates() {
    }

    public static X509CertificateHolder checked(X509CertificateHolder c, IcaoErrorCode code) throws IcaoException {
        try {
            c.getNotBefore();
            c.getNotAfter();
            c.getSubject();
            c.getIssuer();
            c.getSubjectPublicKeyInfo().getAlgorithm();
            if (c.getExtensions() != null) {
                KeyUsage.fromExtensions(c.getExtensions());
                BasicConstraints.fromExtensions(c.getExtensions());
                AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(c.getExtensions());
                if (aki != null) {
                    aki.getKeyIdentifier();
                }
                SubjectKeyIdentifier.fromExtensions(c.getExtensions());
            }
            return c;
        } catch (RuntimeException e) {
            throw new IcaoException(code, "certificate field: " + e.getClass().getSimpleName(), e);
        }
    }

    public static X509CRLHolder checked(X509CRLHolder crl, IcaoErrorCode code) throws IcaoException {
        try {
            crl.getIssuer();
            crl.getThisUpdate();
            crl.getNextUpdate();
            for (Object o : crl.getRevokedCertificates()) {
                X509CRLEntryHolder e = (X509CRLEntryHolder) o;
                e.getSerialNumber();
                e.getRevocationDate();
            }
            return crl;
        } catch (RuntimeException e) {
            throw new IcaoException(code, "CRL field: " + e.getClass().getSimpleName(), e);
        }
    }
}

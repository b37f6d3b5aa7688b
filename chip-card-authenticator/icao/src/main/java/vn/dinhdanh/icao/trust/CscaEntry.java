package vn.dinhdanh.icao.trust;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A trusted CSCA certificate: a self-signed root, or a link certificate that was verified
 * at load time against another trusted CSCA.
 */
public final class CscaEntry {
    private final X509CertificateHolder certificate;
    private final PublicKey publicKey;
    private final boolean link;
    private final byte[] subjectKeyId;

    CscaEntry(X509CertificateHolder certificate, PublicKey publicKey, boolean link) {
        this.certificate = certificate;
        this.publicKey = publicKey;
        this.link = link;
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        this.subjectKeyId = ski == null ? null : ski.getKeyIdentifier();
    }

    public X509CertificateHolder certificate() {
        return certificate;
    }

    public X500Name subject() {
        return certificate.getSubject();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** True for a link certificate (new CSCA key certified by an older one). */
    public boolean isLink() {
        return link;
    }

    public Optional<byte[]> subjectKeyIdentifier() {
        return Optional.ofNullable(subjectKeyId).map(byte[]::clone);
    }

    boolean hasSubjectKeyId(byte[] keyId) {
        return subjectKeyId != null && Arrays.equals(subjectKeyId, keyId);
    }

    boolean hasSki() {
        return subjectKeyId != null;
    }

    static boolean hasExtension(X509CertificateHolder c, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        return c.getExtensions() != null && c.getExtensions().getExtension(oid) != null;
    }

    static final org.bouncycastle.asn1.ASN1ObjectIdentifier BASIC_CONSTRAINTS = Extension.basicConstraints;

    @Override
    public String toString() {
        return "CscaEntry[" + certificate.getSubject() + (link ? ", link" : "") + "]";
    }
}

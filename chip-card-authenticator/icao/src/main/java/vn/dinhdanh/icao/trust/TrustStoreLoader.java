package vn.dinhdanh.icao.trust;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Der;
import vn.dinhdanh.icao.lds.Limits;
import vn.dinhdanh.icao.verify.Crypto;

/**
 * Builds {@link TrustStore} snapshots from a folder or from bytes.
 *
 * <p>Folder layout: {@code *.der, *.cer, *.crt, *.pem} are CSCA certificates (DER or PEM);
 * {@code *.ml} are ICAO CSCA master lists (CMS SignedData, whose signer must chain to a
 * CSCA given as a certificate file); {@code *.crl} are CRLs (DER or PEM). Other files are
 * ignored. A file that fails is recorded as a {@link TrustStore.LoadIssue} and skipped; a
 * store with no usable CSCA fails with {@link IcaoErrorCode#TRUST_STORE_EMPTY}.
 */
public final class TrustStoreLoader {
    private static final int MAX_FILES = 10_000;
    private static final int MAX_LINK_DEPTH = 8;

    private final Clock clock;
    private final Limits limits;
    private final Predicate<X509CertificateHolder> refusedAnchor;

    private final Limits trustLimits;

    private TrustStoreLoader(Builder b) {
        this.clock = b.clock;
        this.limits = b.limits;
        this.refusedAnchor = b.refusedAnchor;
        // a real ICAO master list holds hundreds of certificates: the element count may grow with
        // the file size (which is itself capped); depth stays as strict as for chip data
        this.trustLimits = new Limits(b.limits.maxSodBytes(), b.limits.maxDataGroupBytes(), b.limits.maxDepth(),
                Math.max(b.limits.maxElements(), b.limits.maxTrustFileBytes() / 2), b.limits.maxCertificates(),
                b.limits.maxTrustFileBytes());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loader with the system clock and default limits. */
    public static TrustStoreLoader defaults() {
        return builder().build();
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Limits limits = Limits.DEFAULT;
        private Predicate<X509CertificateHolder> refusedAnchor = c -> false;

        /**
         * CSCA certificates this server must never trust (a demo or test CSCA in a production server): each one, in a
         * certificate file or a master list, is left out with a TRUST_ANCHOR_REFUSED load issue.
         */
        public Builder refuseAnchors(Predicate<X509CertificateHolder> refused) {
            this.refusedAnchor = Objects.requireNonNull(refused);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public TrustStoreLoader build() {
            return new TrustStoreLoader(this);
        }
    }

    /** Loads every certificate, master list and CRL file in {@code dir} (not recursive). */
    public TrustStore loadDirectory(Path dir) throws IcaoException {
        Map<String, byte[]> certs = new LinkedHashMap<>();
        Map<String, byte[]> mls = new LinkedHashMap<>();
        Map<String, byte[]> crls = new LinkedHashMap<>();
        List<TrustStore.LoadIssue> issues = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (files.size() >= MAX_FILES) {
                    throw new IcaoException(IcaoErrorCode.TRUST_STORE_IO, "too many files");
                }
                files.add(p);
            }
        } catch (IOException e) {
            throw new IcaoException(IcaoErrorCode.TRUST_STORE_IO, "cannot list trust folder", e);
        }
        files.sort(null);
        for (Path p : files) {
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            Map<String, byte[]> target;
            if (lower.endsWith(".der") || lower.endsWith(".cer") || lower.endsWith(".crt") || lower.endsWith(".pem")) {
                target = certs;
            } else if (lower.endsWith(".ml")) {
                target = mls;
            } else if (lower.endsWith(".crl")) {
                target = crls;
            } else {
                continue;
            }
            try {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                if (Files.size(p) > limits.maxTrustFileBytes()) {
                    issues.add(new TrustStore.LoadIssue(name, IcaoErrorCode.INPUT_TOO_LARGE, "file too large"));
                    continue;
                }
                target.put(name, Files.readAllBytes(p));
            } catch (IOException e) {
                issues.add(new TrustStore.LoadIssue(name, IcaoErrorCode.TRUST_STORE_IO, e.getClass().getSimpleName()));
            }
        }
        return build(certs, mls, crls, issues);
    }

    /** Builds a snapshot from in-memory files (name to bytes). */
    public TrustStore fromBytes(Map<String, byte[]> cscaCertificates, Map<String, byte[]> masterLists,
                                Map<String, byte[]> crls) throws IcaoException {
        return build(cscaCertificates, masterLists, crls, new ArrayList<>());
    }

    private TrustStore build(Map<String, byte[]> certFiles, Map<String, byte[]> mlFiles, Map<String, byte[]> crlFiles,
                             List<TrustStore.LoadIssue> issues) throws IcaoException {
        List<X509CertificateHolder> configured = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : certFiles.entrySet()) {
            try {
                X509CertificateHolder c = certificate(f.getValue());
                if (refusedAnchor.test(c)) {
                    issues.add(new TrustStore.LoadIssue(f.getKey(), IcaoErrorCode.TRUST_ANCHOR_REFUSED, "certificate skipped"));
                    continue;
                }
                configured.add(c);
            } catch (IcaoException e) {
                issues.add(new TrustStore.LoadIssue(f.getKey(), e.code(), "certificate skipped"));
            }
        }
        List<X509CertificateHolder> all = new ArrayList<>(configured);
        for (Map.Entry<String, byte[]> f : mlFiles.entrySet()) {
            try {
                for (X509CertificateHolder c : masterList(f.getValue(), configured)) {
                    if (refusedAnchor.test(c)) {
                        issues.add(new TrustStore.LoadIssue(f.getKey(), IcaoErrorCode.TRUST_ANCHOR_REFUSED, "master list entry skipped"));
                    } else {
                        all.add(c);
                    }
                }
            } catch (IcaoException e) {
                issues.add(new TrustStore.LoadIssue(f.getKey(), e.code(), "master list skipped"));
            }
        }
        List<CscaEntry> entries = classify(all, issues);
        if (entries.isEmpty()) {
            throw new IcaoException(IcaoErrorCode.TRUST_STORE_EMPTY);
        }
        List<X509CRLHolder> crls = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : crlFiles.entrySet()) {
            try {
                crls.add(crl(f.getValue()));
            } catch (IcaoException e) {
                issues.add(new TrustStore.LoadIssue(f.getKey(), e.code(), "CRL skipped"));
            }
        }
        return new TrustStore(entries, crls, issues, clock.instant());
    }

    /** Self-signed roots first, then link certificates that verify against an accepted entry. */
    private List<CscaEntry> classify(List<X509CertificateHolder> all, List<TrustStore.LoadIssue> issues) {
        Map<String, X509CertificateHolder> unique = new LinkedHashMap<>();
        for (X509CertificateHolder c : all) {
            try {
                unique.putIfAbsent(java.util.Base64.getEncoder().encodeToString(c.getEncoded()), c);
            } catch (IOException e) {
                issues.add(new TrustStore.LoadIssue(String.valueOf(c.getSubject()), IcaoErrorCode.TRUST_CERTIFICATE_MALFORMED, "encoding"));
            }
        }
        List<CscaEntry> accepted = new ArrayList<>();
        List<X509CertificateHolder> pending = new ArrayList<>();
        for (X509CertificateHolder c : unique.values()) {
            PublicKey key = key(c, issues);
            if (key == null) {
                continue;
            }
            if (c.getSubject().equals(c.getIssuer()) && Crypto.verifies(c, key)) {
                accepted.add(new CscaEntry(c, key, false));
            } else {
                // a link certificate (often self-issued: same name, new key, signed by the old key)
                pending.add(c);
            }
        }
        for (int round = 0; round < MAX_LINK_DEPTH && !pending.isEmpty(); round++) {
            List<X509CertificateHolder> still = new ArrayList<>();
            for (X509CertificateHolder c : pending) {
                boolean ok = false;
                for (CscaEntry issuer : isCa(c) ? List.copyOf(accepted) : List.<CscaEntry>of()) {
                    if (issuer.subject().equals(c.getIssuer()) && !issuer.publicKey().equals(key(c, issues))
                            && Crypto.verifies(c, issuer.publicKey())) {
                        ok = true;
                        break;
                    }
                }
                if (ok) {
                    accepted.add(new CscaEntry(c, key(c, issues), true));
                } else {
                    still.add(c);
                }
            }
            if (still.size() == pending.size()) {
                pending = still;
                break;
            }
            pending = still;
        }
        for (X509CertificateHolder c : pending) {
            issues.add(new TrustStore.LoadIssue(String.valueOf(c.getSubject()), IcaoErrorCode.TRUST_LINK_CERTIFICATE_UNVERIFIED, "not chained"));
        }
        return accepted;
    }

    /** Only CA certificates with keyCertSign can be link certificates. */
    private static boolean isCa(X509CertificateHolder c) {
        org.bouncycastle.asn1.x509.BasicConstraints bc = org.bouncycastle.asn1.x509.BasicConstraints.fromExtensions(c.getExtensions());
        org.bouncycastle.asn1.x509.KeyUsage ku = org.bouncycastle.asn1.x509.KeyUsage.fromExtensions(c.getExtensions());
        return bc != null && bc.isCA() && ku != null && ku.hasUsages(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign);
    }

    private static PublicKey key(X509CertificateHolder c, List<TrustStore.LoadIssue> issues) {
        try {
            return Crypto.publicKey(c.getSubjectPublicKeyInfo());
        } catch (GeneralSecurityException | RuntimeException e) {
            issues.add(new TrustStore.LoadIssue(String.valueOf(c.getSubject()), IcaoErrorCode.TRUST_CERTIFICATE_MALFORMED, "public key"));
            return null;
        }
    }

    private byte[] derOrPem(byte[] in, IcaoErrorCode malformed) throws IcaoException {
        if (in.length > 10 && in[0] == '-') {
            try (PemReader r = new PemReader(new InputStreamReader(new ByteArrayInputStream(in), StandardCharsets.US_ASCII))) {
                PemObject o = r.readPemObject();
                if (o == null) {
                    throw new IcaoException(malformed, "empty PEM");
                }
                return o.getContent();
            } catch (IOException | RuntimeException e) {
                throw new IcaoException(malformed, "PEM", e);
            }
        }
        return in;
    }

    /** Parses one DER or PEM certificate. */
    public X509CertificateHolder certificate(byte[] bytes) throws IcaoException {
        byte[] der = derOrPem(bytes, IcaoErrorCode.TRUST_CERTIFICATE_MALFORMED);
        ASN1Primitive p = Der.decode(der, limits.maxTrustFileBytes(), trustLimits, IcaoErrorCode.TRUST_CERTIFICATE_MALFORMED);
        try {
            return vn.dinhdanh.icao.lds.Certificates.checked(new X509CertificateHolder(Certificate.getInstance(p)),
                    IcaoErrorCode.TRUST_CERTIFICATE_MALFORMED);
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.TRUST_CERTIFICATE_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    /** Parses one DER or PEM CRL (its signature is checked against the CSCA at verification time). */
    public X509CRLHolder crl(byte[] bytes) throws IcaoException {
        byte[] der = derOrPem(bytes, IcaoErrorCode.CRL_MALFORMED);
        ASN1Primitive p = Der.decode(der, limits.maxTrustFileBytes(), trustLimits, IcaoErrorCode.CRL_MALFORMED);
        try {
            return vn.dinhdanh.icao.lds.Certificates.checked(new X509CRLHolder(CertificateList.getInstance(p)), IcaoErrorCode.CRL_MALFORMED);
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.CRL_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Verifies an ICAO CSCA master list and returns its certificates. The CMS signature must
     * verify with the signer certificate in the list, and that certificate must be signed by
     * one of {@code anchors} (CSCAs configured as files), never by a CSCA from the list itself.
     */
    public List<X509CertificateHolder> masterList(byte[] bytes, Collection<X509CertificateHolder> anchors) throws IcaoException {
        Der.decode(bytes, limits.maxTrustFileBytes(), trustLimits, IcaoErrorCode.MASTER_LIST_MALFORMED);
        try {
            return verifiedMasterList(bytes, anchors);
        } catch (RuntimeException e) {
            // Bouncy Castle parses CMS parts lazily; anything it throws late is a malformed list
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    private List<X509CertificateHolder> verifiedMasterList(byte[] bytes, Collection<X509CertificateHolder> anchors)
            throws IcaoException {
        CMSSignedData sd;
        CscaMasterList list;
        try {
            sd = new CMSSignedData(bytes);
            if (!ICAOObjectIdentifiers.id_icao_cscaMasterList.equals(sd.getSignedContent().getContentType())) {
                throw new IcaoException(IcaoErrorCode.MASTER_LIST_MALFORMED, "eContentType is not cscaMasterList");
            }
            list = CscaMasterList.getInstance(ASN1Primitive.fromByteArray((byte[]) sd.getSignedContent().getContent()));
        } catch (IcaoException e) {
            throw e;
        } catch (CMSException | IOException | RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_MALFORMED, e.getClass().getSimpleName(), e);
        }
        Collection<SignerInformation> signers = sd.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_MALFORMED, "signer count " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = sd.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_SIGNATURE_INVALID, "signer certificate absent");
        }
        X509CertificateHolder signerCert = matches.iterator().next();
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.provider()).build(signerCert))) {
                throw new IcaoException(IcaoErrorCode.MASTER_LIST_SIGNATURE_INVALID);
            }
        } catch (IcaoException e) {
            throw e;
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_SIGNATURE_INVALID, e.getClass().getSimpleName(), e);
        }
        boolean trusted = false;
        for (X509CertificateHolder anchor : anchors) {
            if (anchor.getSubject().equals(signerCert.getIssuer())) {
                try {
                    if (Crypto.verifies(signerCert, Crypto.publicKey(anchor.getSubjectPublicKeyInfo()))) {
                        trusted = true;
                        break;
                    }
                } catch (GeneralSecurityException e) {
                    // an anchor whose key cannot be decoded cannot have signed the master list signer
                    continue;
                }
            }
        }
        if (!trusted) {
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_SIGNER_UNTRUSTED);
        }
        List<X509CertificateHolder> out = new ArrayList<>();
        try {
            for (Certificate c : list.getCertStructs()) {
                out.add(vn.dinhdanh.icao.lds.Certificates.checked(new X509CertificateHolder(c), IcaoErrorCode.MASTER_LIST_MALFORMED));
            }
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.MASTER_LIST_MALFORMED, e.getClass().getSimpleName(), e);
        }
        return out;
    }
}

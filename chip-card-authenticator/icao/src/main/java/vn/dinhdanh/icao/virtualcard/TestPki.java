package vn.dinhdanh.icao.virtualcard;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.verify.Crypto;

/**
 * Test PKI for virtual cards: CSCA (RSA or EC), Document Signers, link certificates, CRLs
 * and signed master lists. Deterministic from the seed. Every subject contains "TEST";
 * nothing made here may be used as a production trust anchor.
 */
public final class TestPki {
    /** Fixed reference instants so that fixtures never depend on the wall clock. */
    public static final Instant CSCA_NOT_BEFORE = Instant.parse("2024-01-01T00:00:00Z");
    public static final Instant CSCA_NOT_AFTER = Instant.parse("2039-01-01T00:00:00Z");
    public static final Instant DS_NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant DS_NOT_AFTER = Instant.parse("2035-01-01T00:00:00Z");
    public static final Instant CRL_THIS_UPDATE = Instant.parse("2025-06-01T00:00:00Z");
    public static final Instant CRL_NEXT_UPDATE = Instant.parse("2035-01-01T00:00:00Z");

    private TestPki() {
    }

    /** Options for a CSCA certificate. Mutable fluent builder. */
    public static final class CscaOptions {
        KeySpec keySpec = KeySpec.EC_P256;
        SigAlg sigAlg;
        String digest = "SHA-256";
        String label = "VN";
        Instant notBefore = CSCA_NOT_BEFORE;
        Instant notAfter = CSCA_NOT_AFTER;
        boolean ca = true;
        boolean keyCertSign = true;
        boolean subjectKeyId = true;

        public CscaOptions keySpec(KeySpec k) { this.keySpec = k; return this; }
        public CscaOptions sigAlg(SigAlg a) { this.sigAlg = a; return this; }
        public CscaOptions digest(String d) { this.digest = d; return this; }
        public CscaOptions label(String l) { this.label = l; return this; }
        public CscaOptions validity(Instant from, Instant to) { this.notBefore = from; this.notAfter = to; return this; }
        public CscaOptions ca(boolean ca) { this.ca = ca; return this; }
        public CscaOptions keyCertSign(boolean k) { this.keyCertSign = k; return this; }
        public CscaOptions subjectKeyId(boolean s) { this.subjectKeyId = s; return this; }
    }

    /** Options for a Document Signer certificate. */
    public static final class DsOptions {
        KeySpec keySpec = KeySpec.EC_P256;
        SigAlg certSigAlg;
        String certDigest = "SHA-256";
        String label = "DS";
        Instant notBefore = DS_NOT_BEFORE;
        Instant notAfter = DS_NOT_AFTER;
        boolean digitalSignature = true;
        boolean ca;
        boolean authorityKeyId = true;
        byte[] wrongAuthorityKeyId;
        X500Name issuerOverride;
        KeyPair signWith;
        BigInteger serial;

        public DsOptions keySpec(KeySpec k) { this.keySpec = k; return this; }
        /** How the CSCA signs the DS certificate (default: CSCA's scheme). */
        public DsOptions certSigAlg(SigAlg a) { this.certSigAlg = a; return this; }
        public DsOptions certDigest(String d) { this.certDigest = d; return this; }
        public DsOptions label(String l) { this.label = l; return this; }
        public DsOptions validity(Instant from, Instant to) { this.notBefore = from; this.notAfter = to; return this; }
        public DsOptions digitalSignature(boolean d) { this.digitalSignature = d; return this; }
        public DsOptions ca(boolean ca) { this.ca = ca; return this; }
        public DsOptions authorityKeyId(boolean a) { this.authorityKeyId = a; return this; }
        public DsOptions wrongAuthorityKeyId(byte[] id) { this.wrongAuthorityKeyId = id; return this; }
        /** Issuer name to write instead of the CSCA's (an unknown CSCA). */
        public DsOptions issuer(X500Name name) { this.issuerOverride = name; return this; }
        /** Sign the DS certificate with this key instead of the CSCA's (chain signature fault). */
        public DsOptions signWith(KeyPair kp) { this.signWith = kp; return this; }
        public DsOptions serial(BigInteger s) { this.serial = s; return this; }
    }

    /** Options for a CRL. */
    public static final class CrlOptions {
        Instant thisUpdate = CRL_THIS_UPDATE;
        Instant nextUpdate = CRL_NEXT_UPDATE;
        final List<BigInteger> revoked = new ArrayList<>();
        KeyPair signWith;

        public CrlOptions thisUpdate(Instant t) { this.thisUpdate = t; return this; }
        /** null: no nextUpdate field. */
        public CrlOptions nextUpdate(Instant t) { this.nextUpdate = t; return this; }
        public CrlOptions revoke(BigInteger serial) { this.revoked.add(serial); return this; }
        public CrlOptions signWith(KeyPair kp) { this.signWith = kp; return this; }
    }

    public static X500Name cscaName(String label) {
        return new X500Name("C=VN,O=dinhdanh TEST,OU=TEST only - not a trust anchor,CN=TEST CSCA " + label);
    }

    /** A self-signed CSCA. */
    public static Credential csca(String seed, CscaOptions o) {
        KeyPair kp = o.keySpec.generate(seed, "csca-" + o.label);
        X500Name name = cscaName(o.label);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(seed, "csca" + o.label),
                    Date.from(o.notBefore), Date.from(o.notAfter), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, o.ca ? new BasicConstraints(0) : new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(o.keyCertSign ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.cRLSign | KeyUsage.digitalSignature));
            if (o.subjectKeyId) {
                b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            }
            SigAlg alg = o.sigAlg == null ? SigAlg.defaultFor(o.keySpec) : o.sigAlg;
            return new Credential(b.build(signer(alg, o.digest, kp.getPrivate(), seed)), kp, o.keySpec);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue test CSCA", e);
        }
    }

    /** A link certificate: {@code newCsca}'s name and key, certified by {@code oldCsca}. */
    public static Credential link(String seed, Credential oldCsca, Credential newCsca) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(oldCsca.certificate().getSubject(),
                    serial(seed, "link"), Date.from(CSCA_NOT_BEFORE), Date.from(CSCA_NOT_AFTER),
                    newCsca.certificate().getSubject(), newCsca.keyPair().getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(newCsca.keyPair().getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(oldCsca.keyPair().getPublic()));
            return new Credential(b.build(signer(SigAlg.defaultFor(oldCsca.keySpec()), "SHA-256", oldCsca.keyPair().getPrivate(), seed)),
                    newCsca.keyPair(), newCsca.keySpec());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue link certificate", e);
        }
    }

    /** A Document Signer certificate issued by {@code csca}. */
    public static Credential documentSigner(String seed, Credential csca, DsOptions o) {
        KeyPair kp = o.keySpec.generate(seed, "ds-" + o.label);
        X500Name subject = new X500Name("C=VN,O=dinhdanh TEST,OU=TEST only,CN=TEST Document Signer " + o.label);
        X500Name issuer = o.issuerOverride != null ? o.issuerOverride : csca.certificate().getSubject();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            BigInteger serial = o.serial != null ? o.serial : serial(seed, "ds" + o.label);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(o.notBefore), Date.from(o.notAfter), subject, kp.getPublic());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(o.digitalSignature ? KeyUsage.digitalSignature : KeyUsage.keyEncipherment));
            if (o.ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            }
            if (o.wrongAuthorityKeyId != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(o.wrongAuthorityKeyId));
            } else if (o.authorityKeyId) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(csca.keyPair().getPublic()));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            KeyPair signing = o.signWith != null ? o.signWith : csca.keyPair();
            SigAlg alg = o.certSigAlg != null ? o.certSigAlg
                    : signing.getPublic().getAlgorithm().startsWith("RSA") ? SigAlg.RSA_PKCS1 : SigAlg.ECDSA;
            return new Credential(b.build(signer(alg, o.certDigest, signing.getPrivate(), seed)), kp, o.keySpec);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue test DS", e);
        }
    }

    /** A DER CRL issued by {@code csca}. */
    public static byte[] crl(String seed, Credential csca, CrlOptions o) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(csca.certificate().getSubject(), Date.from(o.thisUpdate));
            if (o.nextUpdate != null) {
                b.setNextUpdate(Date.from(o.nextUpdate));
            }
            for (BigInteger s : o.revoked) {
                b.addCRLEntry(s, Date.from(o.thisUpdate), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(csca.keyPair().getPublic()));
            KeyPair signing = o.signWith != null ? o.signWith : csca.keyPair();
            SigAlg alg = signing.getPublic().getAlgorithm().startsWith("RSA") ? SigAlg.RSA_PKCS1 : SigAlg.ECDSA;
            X509CRLHolder crl = b.build(signer(alg, "SHA-256", signing.getPrivate(), seed));
            return crl.getEncoded();
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue test CRL", e);
        }
    }

    /**
     * A signed ICAO CSCA master list holding {@code certificates}, signed by a master list
     * signer certificate that {@code signerCsca} issues.
     */
    public static byte[] masterList(String seed, Credential signerCsca, List<X509CertificateHolder> certificates) {
        try {
            KeyPair kp = KeySpec.EC_P256.generate(seed, "mlsigner");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(signerCsca.certificate().getSubject(),
                    serial(seed, "mls"), Date.from(DS_NOT_BEFORE), Date.from(DS_NOT_AFTER),
                    new X500Name("C=VN,O=dinhdanh TEST,CN=TEST Master List Signer"), kp.getPublic());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(signerCsca.keyPair().getPublic()));
            X509CertificateHolder mlSigner = b.build(signer(SigAlg.defaultFor(signerCsca.keySpec()), "SHA-256",
                    signerCsca.keyPair().getPrivate(), seed));
            Certificate[] certs = new Certificate[certificates.size()];
            for (int i = 0; i < certs.length; i++) {
                certs[i] = certificates.get(i).toASN1Structure();
            }
            byte[] content = new CscaMasterList(certs).getEncoded(ASN1Encoding.DER);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            ContentSigner cs = signer(SigAlg.ECDSA, "SHA-256", kp.getPrivate(), seed);
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.provider()).build()).build(cs, mlSigner));
            gen.addCertificates(new JcaCertStore(List.of()));
            gen.addCertificate(mlSigner);
            return gen.generate(new CMSProcessableByteArray(ICAOObjectIdentifiers.id_icao_cscaMasterList, content), true)
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("cannot issue test master list", e);
        }
    }

    static ContentSigner signer(SigAlg alg, String digest, PrivateKey key, String seed) throws OperatorCreationException {
        return new JcaContentSignerBuilder(alg.jcaName(digest)).setProvider(Crypto.provider())
                .setSecureRandom(new DeterministicRandom(seed + "|sign|" + digest)).build(key);
    }

    static BigInteger serial(String seed, String label) {
        byte[] h = Algorithms.hash("SHA-256", (seed + "|serial|" + label).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new BigInteger(1, java.util.Arrays.copyOf(h, 12));
    }

    /** Subject key identifier of a key, as the issuer writes it. */
    public static byte[] keyId(PublicKey key) {
        try {
            SubjectKeyIdentifier ski = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key);
            return ski.getKeyIdentifier();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.dinhdanh.icao.virtualcard;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.lds.Dg14;
import vn.dinhdanh.icao.lds.Mrz;
import vn.dinhdanh.icao.verify.Crypto;

/**
 * Issues virtual cards: EF.COM, DG1 (TD1 MRZ), DG13 (Vietnam layout), DG14, DG15 and an
 * EF.SOD signed by a test Document Signer. Deterministic from the seed.
 */
public final class VirtualCardIssuer {
    /** Test OID written into DG13 (the real value is not public; readers ignore it). */
    public static final ASN1ObjectIdentifier DG13_TEST_OID = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.13");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final String seed;
    private final Credential ds;

    public VirtualCardIssuer(String seed, Credential documentSigner) {
        this.seed = seed;
        this.ds = documentSigner;
    }

    public Credential documentSigner() {
        return ds;
    }

    public VirtualCard issue(Citizen citizen) {
        return issue(citizen, CardOptions.defaults());
    }

    public VirtualCard issue(Citizen citizen, CardOptions o) {
        try {
            String cardSeed = seed + "|" + citizen.idNumber();
            KeyPair aa = o.aaKey.generate(seed, o.aaKeyLabel);
            KeyPair clone = o.aaKey.generate(seed, o.aaKeyLabel + "-clone");
            Map<Integer, byte[]> dgs = new TreeMap<>();
            dgs.put(1, dg1(o.mrzOverride != null ? o.mrzOverride : mrz(o.dg1Citizen != null ? o.dg1Citizen : citizen)));
            dgs.put(13, dg13(citizen));
            if (o.includeDg14) {
                dgs.put(14, dg14(aa, o));
            }
            if (o.includeDg15) {
                dgs.put(15, dg15(aa));
            }
            dgs.putAll(o.dgOverrides);
            byte[] com = com(dgs.keySet());
            byte[] sod = sod(dgs, o, cardSeed);
            return new VirtualCard(com, dgs, sod, aa, clone, o, cardSeed);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue virtual card", e);
        }
    }

    // ------------------------------------------------------------------ data groups

    /** TD1 MRZ of a Vietnamese card: document number = last 9 digits of the ID number. */
    public static String mrz(Citizen c) {
        return mrz(c, c.idNumber().substring(3));
    }

    /** TD1 MRZ with an explicit 9-character document number. */
    public static String mrz(Citizen c, String docNumber) {
        String line1 = "IDVNM" + docNumber + Mrz.checkDigit(docNumber) + pad(c.idNumber(), 15);
        String dob = c.dateOfBirth().format(YYMMDD);
        String exp = c.dateOfExpiry().format(YYMMDD);
        String line2a = dob + Mrz.checkDigit(dob) + c.sex() + exp + Mrz.checkDigit(exp) + "VNM" + pad("", 11);
        String composite = line1.substring(5, 30) + line2a.substring(0, 7) + line2a.substring(8, 15) + line2a.substring(18, 29);
        String line2 = line2a + Mrz.checkDigit(composite);
        return line1 + line2 + pad(mrzName(c.fullName()), 30);
    }

    static String mrzName(String fullName) {
        String ascii = Normalizer.normalize(fullName.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "").strip();
        String[] parts = ascii.split("\\s+");
        StringBuilder sb = new StringBuilder(parts[0]).append("<<");
        for (int i = 1; i < parts.length; i++) {
            sb.append(i > 1 ? "<" : "").append(parts[i]);
        }
        String s = sb.toString();
        return s.length() > 30 ? s.substring(0, 30) : s;
    }

    private static String pad(String s, int len) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < len) {
            sb.append('<');
        }
        return sb.substring(0, len);
    }

    static byte[] appWrapImplicit(int tagNo, ASN1Encodable... children) throws IOException {
        return new DERTaggedObject(false, BERTags.APPLICATION, tagNo, new DERSequence(children)).getEncoded(ASN1Encoding.DER);
    }

    static byte[] appWrapExplicit(int tagNo, ASN1Encodable child) throws IOException {
        return new DERTaggedObject(true, BERTags.APPLICATION, tagNo, child).getEncoded(ASN1Encoding.DER);
    }

    static DERTaggedObject appPrimitive(int tagNo, byte[] content) {
        return new DERTaggedObject(false, BERTags.APPLICATION, tagNo, new DEROctetString(content));
    }

    public static byte[] dg1(String mrz) throws IOException {
        return appWrapImplicit(1, appPrimitive(0x1F, mrz.getBytes(StandardCharsets.US_ASCII)));
    }

    public static byte[] com(Iterable<Integer> dgs) throws IOException {
        java.io.ByteArrayOutputStream tags = new java.io.ByteArrayOutputStream();
        for (int n : dgs) {
            tags.write(vn.dinhdanh.icao.lds.DataGroups.tagOf(n));
        }
        return appWrapImplicit(0, appPrimitive(1, "0107".getBytes(StandardCharsets.US_ASCII)),
                appPrimitive(0x36, "040000".getBytes(StandardCharsets.US_ASCII)),
                appPrimitive(0x1C, tags.toByteArray()));
    }

    private static DERSequence field(int n, ASN1Encodable... values) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(n));
        for (ASN1Encodable e : values) {
            v.add(e);
        }
        return new DERSequence(v);
    }

    public static byte[] dg13(Citizen c) throws IOException {
        List<ASN1Encodable> f = new ArrayList<>();
        f.add(field(1, new DERUTF8String(c.idNumber())));
        f.add(field(2, new DERUTF8String(c.fullName())));
        f.add(field(3, new DERUTF8String(c.dateOfBirth().format(DMY))));
        f.add(field(4, new DERUTF8String(c.sex() == 'M' ? "Nam" : "Nữ")));
        f.add(field(5, new DERUTF8String("Việt Nam")));
        f.add(field(6, new DERUTF8String("Kinh")));
        f.add(field(7, new DERUTF8String("Không")));
        f.add(field(8, new DERUTF8String(c.placeOfOrigin() == null ? "" : c.placeOfOrigin())));
        f.add(field(9, new DERUTF8String(c.placeOfResidence() == null ? "" : c.placeOfResidence())));
        f.add(field(10, new DERUTF8String("Không")));
        f.add(field(11, new DERUTF8String(c.dateOfIssue().format(DMY))));
        f.add(field(12, new DERUTF8String(c.dateOfExpiry().format(DMY))));
        f.add(field(13, new DERSequence(new ASN1Encodable[] {
            new DERUTF8String(c.fatherName() == null ? "" : c.fatherName()),
            new DERUTF8String(c.motherName() == null ? "" : c.motherName())})));
        f.add(field(16, new DERUTF8String("")));
        DERSequence body = new DERSequence(new ASN1Encodable[] {
            new ASN1Integer(1), DG13_TEST_OID, new DLSet(f.toArray(new ASN1Encodable[0]))});
        return appWrapExplicit(13, body);
    }

    private static byte[] dg14(KeyPair aa, CardOptions o) throws IOException {
        ASN1EncodableVector infos = new ASN1EncodableVector();
        // a Chip Authentication info, as real cards carry (not used by this library)
        infos.add(new DERSequence(new ASN1Encodable[] {
            new ASN1ObjectIdentifier("0.4.0.127.0.7.2.2.3.2.1"), new ASN1Integer(1)}));
        if (!(aa.getPublic() instanceof RSAPublicKey) && o.aaInfoInDg14) {
            ASN1ObjectIdentifier alg = switch (o.aaEcDigest) {
                case "SHA-1" -> BSIObjectIdentifiers.ecdsa_plain_SHA1;
                case "SHA-224" -> BSIObjectIdentifiers.ecdsa_plain_SHA224;
                case "SHA-384" -> BSIObjectIdentifiers.ecdsa_plain_SHA384;
                case "SHA-512" -> BSIObjectIdentifiers.ecdsa_plain_SHA512;
                default -> BSIObjectIdentifiers.ecdsa_plain_SHA256;
            };
            infos.add(new DERSequence(new ASN1Encodable[] {Dg14.AA_PROTOCOL, new ASN1Integer(1), alg}));
        }
        return appWrapExplicit(14, new DERSet(infos));
    }

    private static byte[] dg15(KeyPair aa) throws IOException {
        return appWrapExplicit(15, org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(aa.getPublic().getEncoded()));
    }

    // ------------------------------------------------------------------ EF.SOD

    private byte[] sod(Map<Integer, byte[]> dgs, CardOptions o, String cardSeed) throws IOException, GeneralSecurityException {
        java.util.Set<SodFault> f = o.faults;
        String digest = o.digest;
        String ldsDigest = o.ldsDigest != null ? o.ldsDigest : digest;
        AlgorithmIdentifier digestId = new AlgorithmIdentifier(Algorithms.digestOid(digest), DERNull.INSTANCE);
        AlgorithmIdentifier ldsDigestId = f.contains(SodFault.LDS_UNKNOWN_HASH)
                ? new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4.5"))
                : new AlgorithmIdentifier(Algorithms.digestOid(ldsDigest), DERNull.INSTANCE);

        // LDSSecurityObject
        ASN1EncodableVector hashes = new ASN1EncodableVector();
        for (Map.Entry<Integer, byte[]> dg : dgs.entrySet()) {
            int n = dg.getKey();
            if (o.omitHashes.contains(n)) {
                continue;
            }
            byte[] h = Algorithms.hash(ldsDigest, dg.getValue());
            if (o.corruptHashes.contains(n)) {
                h[0] ^= 0x01;
            }
            if (f.contains(SodFault.LDS_BAD_HASH_LENGTH) && n == 1) {
                h = java.util.Arrays.copyOf(h, h.length - 1);
            }
            hashes.add(new DERSequence(new ASN1Encodable[] {new ASN1Integer(n), new DEROctetString(h)}));
        }
        if (f.contains(SodFault.LDS_DUPLICATE_DG)) {
            hashes.add(new DERSequence(new ASN1Encodable[] {new ASN1Integer(1), new DEROctetString(Algorithms.hash(ldsDigest, dgs.get(1)))}));
        }
        if (f.contains(SodFault.LDS_DG_NUMBER_17)) {
            hashes.add(new DERSequence(new ASN1Encodable[] {new ASN1Integer(17), new DEROctetString(Algorithms.hash(ldsDigest, new byte[1]))}));
        }
        ASN1EncodableVector lds = new ASN1EncodableVector();
        int ldsVersion = f.contains(SodFault.LDS_VERSION_2) ? 2 : f.contains(SodFault.LDS_VERSION_1_WITHOUT_INFO) ? 1 : 0;
        lds.add(new ASN1Integer(ldsVersion));
        lds.add(ldsDigestId);
        lds.add(new DERSequence(hashes));
        byte[] eContent = new DERSequence(lds).getEncoded(ASN1Encoding.DER);

        ASN1ObjectIdentifier eContentType = f.contains(SodFault.WRONG_ECONTENT_TYPE) ? CMSObjectIdentifiers.data
                : ICAOObjectIdentifiers.id_icao_ldsSecurityObject;

        // signed attributes
        ASN1EncodableVector attrs = new ASN1EncodableVector();
        if (!f.contains(SodFault.DROP_CONTENT_TYPE_ATTR)) {
            ASN1ObjectIdentifier ct = f.contains(SodFault.WRONG_CONTENT_TYPE_ATTR) ? CMSObjectIdentifiers.data : eContentType;
            attrs.add(f.contains(SodFault.MULTI_VALUED_CONTENT_TYPE)
                    ? new Attribute(CMSAttributes.contentType, new DERSet(new ASN1Encodable[] {ct, CMSObjectIdentifiers.data}))
                    : new Attribute(CMSAttributes.contentType, new DERSet(ct)));
        }
        if (!f.contains(SodFault.DROP_MESSAGE_DIGEST_ATTR)) {
            byte[] md = Algorithms.hash(digest, eContent);
            if (f.contains(SodFault.WRONG_MESSAGE_DIGEST)) {
                md[md.length - 1] ^= 0x01;
            }
            ASN1Encodable value = f.contains(SodFault.MESSAGE_DIGEST_NOT_OCTETS) ? new ASN1Integer(new BigInteger(1, md)) : new DEROctetString(md);
            attrs.add(new Attribute(CMSAttributes.messageDigest, new DERSet(value)));
        }
        if (f.contains(SodFault.DUPLICATE_SIGNED_ATTR)) {
            attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new DERUTCTime("250601000000Z"))));
            attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new DERUTCTime("250602000000Z"))));
        } else if (f.contains(SodFault.SIGNING_TIME_ATTR)) {
            attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new DERUTCTime("250601000000Z"))));
        }
        DERSet signedAttrs = new DERSet(attrs);

        // signature
        boolean rsa = ds.keyPair().getPublic() instanceof RSAPublicKey;
        SigAlg alg = o.sodSigAlg != null ? o.sodSigAlg : rsa ? SigAlg.RSA_PKCS1 : SigAlg.ECDSA;
        AlgorithmIdentifier sigAlgId = signatureAlgorithmId(alg, digest, f);
        byte[] toSign = f.contains(SodFault.NO_SIGNED_ATTRIBUTES) ? eContent : signedAttrs.getEncoded(ASN1Encoding.DER);
        KeyPair signing = f.contains(SodFault.SIGNED_BY_OTHER_KEY) ? ds.keySpec().generate(seed, "other-ds") : ds.keyPair();
        String signDigest = f.contains(SodFault.SIGNATURE_DIGEST_MISMATCH) ? "SHA-512"
                : f.contains(SodFault.WEAK_SIGNATURE_OID) ? "SHA-1" : digest;
        Signature s;
        if (alg == SigAlg.RSA_PSS) {
            s = Signature.getInstance("RSASSA-PSS", Crypto.provider());
            s.setParameter(new PSSParameterSpec(signDigest, "MGF1", new MGF1ParameterSpec(signDigest),
                    Algorithms.digestLength(signDigest), 1));
        } else {
            s = Signature.getInstance(alg.jcaName(signDigest).replace("andMGF1", ""), Crypto.provider());
        }
        s.initSign(signing.getPrivate(), new DeterministicRandom(cardSeed + "|sod"));
        s.update(toSign);
        byte[] sig = s.sign();
        if (f.contains(SodFault.BAD_SIGNATURE)) {
            sig[sig.length / 2] ^= 0x10;
        }
        if (f.contains(SodFault.TRUNCATED_SIGNATURE)) {
            sig = java.util.Arrays.copyOf(sig, sig.length - 8);
        }

        // signer identifier
        ASN1Encodable sid;
        boolean ski = f.contains(SodFault.SIGNER_SKI) || f.contains(SodFault.SIGNER_SKI_WRONG);
        if (ski) {
            byte[] keyId = TestPki.keyId(ds.keyPair().getPublic());
            if (f.contains(SodFault.SIGNER_SKI_WRONG)) {
                keyId[0] ^= 0x01;
            }
            sid = new DERTaggedObject(false, 0, new DEROctetString(keyId));
        } else {
            X500Name issuer = f.contains(SodFault.SIGNER_ISSUER_WRONG) ? new X500Name("C=VN,CN=TEST nobody")
                    : ds.certificate().getIssuer();
            BigInteger serial = ds.certificate().getSerialNumber();
            if (f.contains(SodFault.SIGNER_SERIAL_WRONG)) {
                serial = serial.add(BigInteger.ONE);
            }
            sid = new IssuerAndSerialNumber(issuer, serial);
        }
        int siVersion = ski ? 3 : 1;
        if (f.contains(SodFault.SIGNER_INFO_VERSION_WRONG)) {
            siVersion = ski ? 1 : 3;
        }
        ASN1EncodableVector si = new ASN1EncodableVector();
        si.add(new ASN1Integer(siVersion));
        si.add(sid);
        si.add(f.contains(SodFault.UNKNOWN_DIGEST_ALGORITHM) ? new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4.6")) : digestId);
        if (!f.contains(SodFault.NO_SIGNED_ATTRIBUTES)) {
            si.add(new DERTaggedObject(false, 0, signedAttrs));
        }
        si.add(sigAlgId);
        si.add(new DEROctetString(sig));
        DERSequence signerInfo = new DERSequence(si);

        // SignedData
        ASN1EncodableVector sd = new ASN1EncodableVector();
        sd.add(new ASN1Integer(f.contains(SodFault.SIGNED_DATA_VERSION_1) ? 1 : 3));
        if (f.contains(SodFault.EMPTY_DIGEST_ALGORITHMS)) {
            sd.add(new DERSet());
        } else if (f.contains(SodFault.UNDECLARED_DIGEST)) {
            String other = digest.equals("SHA-512") ? "SHA-384" : "SHA-512";
            sd.add(new DERSet(new AlgorithmIdentifier(Algorithms.digestOid(other), DERNull.INSTANCE)));
        } else {
            sd.add(new DERSet(digestId));
        }
        ASN1EncodableVector encap = new ASN1EncodableVector();
        encap.add(eContentType);
        if (!f.contains(SodFault.NO_ECONTENT)) {
            encap.add(new DERTaggedObject(true, 0, new DEROctetString(eContent)));
        }
        sd.add(new DERSequence(encap));
        if (!f.contains(SodFault.NO_DS_CERTIFICATE)) {
            ASN1Encodable cert = f.contains(SodFault.CSCA_INSTEAD_OF_DS_CERTIFICATE)
                    ? TestPki.csca(seed + "-other", new TestPki.CscaOptions().label("OTHER")).certificate().toASN1Structure()
                    : ds.certificate().toASN1Structure();
            sd.add(new DERTaggedObject(false, 0, new DERSet(cert)));
        }
        if (f.contains(SodFault.NO_SIGNER_INFOS)) {
            sd.add(new DERSet());
        } else if (f.contains(SodFault.TWO_SIGNER_INFOS)) {
            sd.add(new DERSet(new ASN1Encodable[] {signerInfo, signerInfo.toASN1Primitive() == null ? signerInfo : modified(signerInfo)}));
        } else {
            sd.add(new DERSet(signerInfo));
        }
        ASN1ObjectIdentifier ciType = f.contains(SodFault.WRONG_CONTENT_INFO_TYPE) ? CMSObjectIdentifiers.envelopedData : CMSObjectIdentifiers.signedData;
        DERSequence contentInfo = new DERSequence(new ASN1Encodable[] {ciType, new DERTaggedObject(true, 0, new DERSequence(sd))});
        return appWrapExplicit(23, contentInfo);
    }

    private static DERSequence modified(DERSequence signerInfo) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (int i = 0; i < signerInfo.size(); i++) {
            ASN1Encodable e = signerInfo.getObjectAt(i);
            v.add(i == signerInfo.size() - 1 ? new DEROctetString(new byte[] {1, 2, 3}) : e);
        }
        return new DERSequence(v);
    }

    private AlgorithmIdentifier signatureAlgorithmId(SigAlg alg, String digest, java.util.Set<SodFault> f) {
        if (f.contains(SodFault.UNKNOWN_SIGNATURE_ALGORITHM)) {
            return new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4.7"));
        }
        if (f.contains(SodFault.ECDSA_OID_WITH_RSA_KEY)) {
            return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        }
        if (f.contains(SodFault.RSA_OID_WITH_EC_KEY)) {
            return new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        }
        String sigDigest = f.contains(SodFault.SIGNATURE_DIGEST_MISMATCH) ? "SHA-512"
                : f.contains(SodFault.WEAK_SIGNATURE_OID) ? "SHA-1" : digest;
        AlgorithmIdentifier h = new AlgorithmIdentifier(Algorithms.digestOid(sigDigest), DERNull.INSTANCE);
        switch (alg) {
            case RSA_PKCS1:
                if (f.contains(SodFault.RSA_ENCRYPTION_OID)) {
                    return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
                }
                return new AlgorithmIdentifier(switch (sigDigest) {
                    case "MD5" -> PKCSObjectIdentifiers.md5WithRSAEncryption;
                    case "SHA-1" -> PKCSObjectIdentifiers.sha1WithRSAEncryption;
                    case "SHA-384" -> PKCSObjectIdentifiers.sha384WithRSAEncryption;
                    case "SHA-512" -> PKCSObjectIdentifiers.sha512WithRSAEncryption;
                    default -> PKCSObjectIdentifiers.sha256WithRSAEncryption;
                }, DERNull.INSTANCE);
            case RSA_PSS:
                if (f.contains(SodFault.PSS_NO_PARAMS)) {
                    return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS);
                }
                AlgorithmIdentifier mgfHash = f.contains(SodFault.PSS_MGF_HASH_MISMATCH)
                        ? new AlgorithmIdentifier(Algorithms.digestOid(sigDigest.equals("SHA-512") ? "SHA-256" : "SHA-512"), DERNull.INSTANCE) : h;
                int salt = Algorithms.digestLength(sigDigest) + (f.contains(SodFault.PSS_WRONG_SALT) ? 1 : 0);
                return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new RSASSAPSSparams(h,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, mgfHash), new ASN1Integer(salt),
                        new ASN1Integer(f.contains(SodFault.PSS_TRAILER_2) ? 2 : 1)));
            default:
                return new AlgorithmIdentifier(switch (sigDigest) {
                    case "SHA-1" -> X9ObjectIdentifiers.ecdsa_with_SHA1;
                    case "SHA-384" -> X9ObjectIdentifiers.ecdsa_with_SHA384;
                    case "SHA-512" -> X9ObjectIdentifiers.ecdsa_with_SHA512;
                    default -> X9ObjectIdentifiers.ecdsa_with_SHA256;
                });
        }
    }
}

package vn.dinhdanh.icao.virtualcard;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Knobs for one virtual card: algorithms, which data groups to write, and faults for the
 * negative suite. Mutable fluent builder (test fixture API).
 */
public final class CardOptions {
    SigAlg sodSigAlg;
    String digest = "SHA-256";
    String ldsDigest;
    KeySpec aaKey = KeySpec.EC_P256;
    String aaEcDigest = "SHA-256";
    String aaRsaDigest = "SHA-1";
    boolean aaInfoInDg14 = true;
    boolean includeDg14 = true;
    boolean includeDg15 = true;
    final Set<SodFault> faults = EnumSet.noneOf(SodFault.class);
    final Set<Integer> corruptHashes = new HashSet<>();
    final Set<Integer> omitHashes = new HashSet<>();
    final Map<Integer, byte[]> dgOverrides = new HashMap<>();
    String mrzOverride;
    Citizen dg1Citizen;
    AaBehaviour aaBehaviour = AaBehaviour.GENUINE;
    String aaKeyLabel = "aa";

    public static CardOptions defaults() {
        return new CardOptions();
    }

    /** Signature scheme of EF.SOD (default: PKCS#1 v1.5 for RSA DS keys, ECDSA for EC). */
    public CardOptions sodSignature(SigAlg a) { this.sodSigAlg = a; return this; }
    /** Digest of the SignerInfo and (unless {@link #ldsDigest}) of the LDSSecurityObject. */
    public CardOptions digest(String d) { this.digest = d; return this; }
    public CardOptions ldsDigest(String d) { this.ldsDigest = d; return this; }
    public CardOptions aaKey(KeySpec k) { this.aaKey = k; return this; }
    public CardOptions aaEcDigest(String d) { this.aaEcDigest = d; return this; }
    /** RSA AA hash: SHA-1 uses the implicit 0xBC trailer, others the explicit 0x..CC trailer. */
    public CardOptions aaRsaDigest(String d) { this.aaRsaDigest = d; return this; }
    public CardOptions aaInfoInDg14(boolean b) { this.aaInfoInDg14 = b; return this; }
    public CardOptions includeDg14(boolean b) { this.includeDg14 = b; return this; }
    public CardOptions includeDg15(boolean b) { this.includeDg15 = b; return this; }
    public CardOptions fault(SodFault f) { this.faults.add(f); return this; }
    /** Write a wrong hash for DG n into EF.SOD. */
    public CardOptions corruptHash(int dg) { this.corruptHashes.add(dg); return this; }
    /** Leave DG n out of EF.SOD (the card still carries it). */
    public CardOptions omitHash(int dg) { this.omitHashes.add(dg); return this; }
    /** Use these bytes for DG n (hashed into EF.SOD as given). */
    public CardOptions dataGroup(int dg, byte[] bytes) { this.dgOverrides.put(dg, bytes.clone()); return this; }
    /** Write this 90-character MRZ into DG1. */
    public CardOptions mrz(String mrz90) { this.mrzOverride = mrz90; return this; }
    /** Write DG1 for another citizen than DG13 (disagreement faults). */
    public CardOptions dg1Citizen(Citizen c) { this.dg1Citizen = c; return this; }
    public CardOptions aaBehaviour(AaBehaviour b) { this.aaBehaviour = b; return this; }
    /** Label of the AA key (cards with different labels have different keys). */
    public CardOptions aaKeyLabel(String l) { this.aaKeyLabel = l; return this; }
}

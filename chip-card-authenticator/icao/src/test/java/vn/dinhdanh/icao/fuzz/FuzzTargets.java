package vn.dinhdanh.icao.fuzz;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;
import vn.dinhdanh.icao.Fixtures;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Dg13;
import vn.dinhdanh.icao.lds.Dg14;
import vn.dinhdanh.icao.lds.Dg15;
import vn.dinhdanh.icao.lds.EfCom;
import vn.dinhdanh.icao.lds.EfSod;
import vn.dinhdanh.icao.lds.LdsSecurityObjectInfo;
import vn.dinhdanh.icao.lds.Limits;
import vn.dinhdanh.icao.lds.Mrz;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.verify.ActiveAuthenticator;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * One fuzz entry point for every parser and the verifier. The first byte selects the target,
 * the rest is its input. Contract under test: only {@link IcaoException} (with a code) may
 * escape a parser, and the verifier never throws at all.
 */
public final class FuzzTargets {
    public static final int TARGETS = 13;
    private static VirtualCard ecCard;
    private static VirtualCard rsaCard;
    private static CardVerifier verifier;

    private FuzzTargets() {
    }

    private static synchronized void init() {
        if (ecCard == null) {
            ecCard = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
            rsaCard = Fixtures.ec().issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().aaKey(KeySpec.RSA_1024));
            verifier = Fixtures.verifier(Fixtures.ec());
        }
    }

    public static VirtualCard ecCard() {
        init();
        return ecCard;
    }

    public static void run(byte[] data) {
        if (data.length == 0) {
            return;
        }
        init();
        int target = (data[0] & 0xFF) % TARGETS;
        byte[] in = Arrays.copyOfRange(data, 1, data.length);
        try {
            switch (target) {
                case 0 -> {
                    EfSod sod = EfSod.parse(in);
                    if (sod.eContent().isPresent()) {
                        LdsSecurityObjectInfo.parse(sod.eContent().get(), Limits.DEFAULT);
                    }
                }
                case 1 -> EfCom.parse(in);
                case 2 -> Mrz.parseDg1(in);
                case 3 -> Dg13.parse(in);
                case 4 -> Dg14.parse(in);
                case 5 -> Dg15.parse(in);
                case 6 -> TrustStoreLoader.defaults().masterList(in, List.of(Fixtures.ec().csca().certificate()));
                case 7 -> TrustStoreLoader.defaults().crl(in);
                case 8 -> TrustStoreLoader.defaults().certificate(in);
                case 9 -> check(verifier.verify(evidence(ecCard, in, null, null)));
                case 10 -> check(verifier.verify(evidence(ecCard, null, in, null)));
                case 11 -> ActiveAuthenticator.verifyRsa((RSAPublicKey) rsaCard.aaKeyPair().getPublic(), Fixtures.CHALLENGE, in);
                default -> ActiveAuthenticator.verifyEc((ECPublicKey) ecCard.aaKeyPair().getPublic(),
                        BSIObjectIdentifiers.ecdsa_plain_SHA256, Fixtures.CHALLENGE, in);
            }
        } catch (IcaoException e) {
            Objects.requireNonNull(e.code(), "every IcaoException has a code");
        }
    }

    private static CardEvidence evidence(VirtualCard card, byte[] sod, byte[] dg13, byte[] signature) {
        CardEvidence.Builder b = CardEvidence.builder().sod(sod != null ? sod : card.sod()).com(card.com())
                .challenge(Fixtures.CHALLENGE).aaSignature(signature != null ? signature : card.respondToChallenge(Fixtures.CHALLENGE));
        card.dataGroups().forEach(b::dataGroup);
        if (dg13 != null) {
            b.dataGroup(13, dg13);
        }
        return b.build();
    }

    private static void check(VerificationResult r) {
        if (r.errorCodes().contains(vn.dinhdanh.icao.IcaoErrorCode.INTERNAL_ERROR)) {
            throw new IllegalStateException("verifier hit an internal error: " + r.toJson(false));
        }
    }
}

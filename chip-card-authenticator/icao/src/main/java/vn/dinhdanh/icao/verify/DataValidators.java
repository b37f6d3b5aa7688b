package vn.dinhdanh.icao.verify;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Dg13;
import vn.dinhdanh.icao.lds.Dg14;
import vn.dinhdanh.icao.lds.Dg15;
import vn.dinhdanh.icao.lds.EfCom;
import vn.dinhdanh.icao.lds.Mrz;

/** Data group content checks (EF.COM, DG1, DG13, DG14, DG15) and Active Authentication. */
final class DataValidators {
    private DataValidators() {
    }

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    static List<Validator> all() {
        return List.of(
                Validator.of(Check.EF_COM, Set.of(Check.LDS_SECURITY_OBJECT), DataValidators::efCom),
                Validator.of(Check.DG1_MRZ, Set.of(), DataValidators::dg1),
                Validator.of(Check.DG13_CITIZEN, Set.of(), DataValidators::dg13),
                Validator.of(Check.CITIZEN_CONSISTENCY, Set.of(Check.DG1_MRZ, Check.DG13_CITIZEN), DataValidators::consistency),
                Validator.of(Check.DOCUMENT_EXPIRY, Set.of(), DataValidators::expiry),
                Validator.of(Check.DG14_SECURITY_INFOS, Set.of(), DataValidators::dg14),
                Validator.of(Check.DG15_AA_KEY, Set.of(), DataValidators::dg15),
                Validator.of(Check.ACTIVE_AUTHENTICATION, Set.of(), DataValidators::activeAuthentication));
    }

    private static CheckOutcome efCom(VerificationContext ctx) throws IcaoException {
        byte[] com = ctx.evidence.comUnsafe();
        if (com == null) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        EfCom parsed = EfCom.parse(com, ctx.config.limits());
        for (int dg : parsed.dataGroups()) {
            if (!ctx.lds.hashes().containsKey(dg)) {
                throw new IcaoException(IcaoErrorCode.COM_SOD_MISMATCH, "DG " + dg);
            }
        }
        return CheckOutcome.PASSED;
    }

    private static CheckOutcome dg1(VerificationContext ctx) throws IcaoException {
        byte[] dg1 = ctx.evidence.dataGroups().get(1);
        if (dg1 == null) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        Mrz mrz = Mrz.parseDg1(dg1, ctx.config.limits());
        Optional<String> state = ctx.config.expectedIssuingState();
        if (state.isPresent() && !state.get().equals(mrz.issuingState())) {
            throw new IcaoException(IcaoErrorCode.DG1_ISSUER_UNEXPECTED);
        }
        ctx.mrz = mrz;
        return CheckOutcome.PASSED;
    }

    private static CheckOutcome dg13(VerificationContext ctx) throws IcaoException {
        byte[] dg13 = ctx.evidence.dataGroups().get(13);
        if (dg13 == null) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        Dg13 parsed = Dg13.parse(dg13, ctx.config.limits());
        String id = parsed.idNumber().orElseThrow(() -> new IcaoException(IcaoErrorCode.DG13_ID_NUMBER_MISSING));
        if (!idNumberConsistent(id, parsed.dateOfBirth().orElse(null), parsed.sexCode().orElse(null))) {
            throw new IcaoException(IcaoErrorCode.CITIZEN_ID_NUMBER_INVALID);
        }
        ctx.dg13 = parsed;
        return CheckOutcome.PASSED;
    }

    /**
     * 12 digits; when known, digit 4 (century and sex) and digits 5-6 (year) agree with the
     * date of birth and sex (Decree 137/2015).
     */
    static boolean idNumberConsistent(String id, LocalDate dob, Character sex) {
        if (id.length() != 12 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int centuryDigit = id.charAt(3) - '0';
        if (dob != null) {
            int century = dob.getYear() / 100 - 19;
            if (century < 0 || century > 4 || centuryDigit / 2 != century) {
                return false;
            }
            if (Integer.parseInt(id.substring(4, 6)) != dob.getYear() % 100) {
                return false;
            }
        }
        if (sex != null && (sex == 'M' || sex == 'F')) {
            return (centuryDigit % 2 == 1) == (sex == 'F');
        }
        return true;
    }

    private static CheckOutcome consistency(VerificationContext ctx) throws IcaoException {
        Mrz mrz = ctx.mrz;
        Dg13 dg13 = ctx.dg13;
        String id = dg13.idNumber().orElseThrow();
        String opt = mrz.optionalData1();
        if (opt.length() >= 12 && opt.substring(0, 12).chars().allMatch(Character::isDigit)) {
            if (!opt.substring(0, 12).equals(id)) {
                throw new IcaoException(IcaoErrorCode.CITIZEN_ID_MISMATCH);
            }
        }
        if (!id.endsWith(mrz.documentNumber())) {
            throw new IcaoException(IcaoErrorCode.CITIZEN_DOCUMENT_NUMBER_MISMATCH);
        }
        Optional<LocalDate> dob = dg13.dateOfBirth();
        if (dob.isEmpty() || !dob.get().format(YYMMDD).equals(mrz.dateOfBirthRaw())) {
            throw new IcaoException(IcaoErrorCode.CITIZEN_BIRTH_DATE_MISMATCH);
        }
        Optional<Character> sex = dg13.sexCode();
        if (sex.isPresent() && mrz.sex() != '<' && sex.get() != mrz.sex()) {
            throw new IcaoException(IcaoErrorCode.CITIZEN_SEX_MISMATCH);
        }
        return CheckOutcome.PASSED;
    }

    private static CheckOutcome expiry(VerificationContext ctx) throws IcaoException {
        LocalDate expiry = expiryDate(ctx);
        if (expiry == null) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        LocalDate today = ctx.now.atZone(ZoneOffset.UTC).toLocalDate();
        if (ctx.config.rejectExpiredDocument() && today.isAfter(expiry)) {
            throw new IcaoException(IcaoErrorCode.DOCUMENT_EXPIRED);
        }
        return CheckOutcome.PASSED;
    }

    static LocalDate expiryDate(VerificationContext ctx) {
        if (ctx.mrz != null) {
            return ctx.mrz.expiryDate().orElse(null);
        }
        if (ctx.dg13 != null) {
            return ctx.dg13.dateOfExpiry().orElse(null);
        }
        return null;
    }

    private static CheckOutcome dg14(VerificationContext ctx) throws IcaoException {
        byte[] dg14 = ctx.evidence.dataGroups().get(14);
        if (dg14 == null) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        ctx.dg14 = Dg14.parse(dg14, ctx.config.limits());
        return CheckOutcome.PASSED;
    }

    private static CheckOutcome dg15(VerificationContext ctx) throws IcaoException {
        byte[] dg15 = ctx.evidence.dataGroups().get(15);
        if (dg15 == null) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        // decoded keys are memoised per trust snapshot: decoding (and validating) an EC point
        // costs as much as a signature check, and a returning card presents the same bytes
        Object v = ctx.trust.cached(CacheKey.of("dg15", dg15.clone()), k -> {
            try {
                return Dg15.parse(dg15, ctx.config.limits());
            } catch (IcaoException e) {
                return e.code();
            }
        });
        if (v instanceof IcaoErrorCode code) {
            throw new IcaoException(code);
        }
        ctx.dg15 = (Dg15) v;
        return CheckOutcome.PASSED;
    }

    private static CheckOutcome activeAuthentication(VerificationContext ctx) throws IcaoException {
        byte[] challenge = ctx.evidence.challengeUnsafe();
        byte[] signature = ctx.evidence.aaSignatureUnsafe();
        boolean presented = challenge != null || signature != null;
        if (!presented && !ctx.config.requireActiveAuthentication()) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        if (!ctx.evidence.dataGroups().containsKey(15)) {
            throw new IcaoException(IcaoErrorCode.AA_DG15_MISSING);
        }
        if (challenge == null || signature == null) {
            throw new IcaoException(IcaoErrorCode.AA_SIGNATURE_MISSING);
        }
        if (challenge.length != ActiveAuthenticator.CHALLENGE_LENGTH) {
            throw new IcaoException(IcaoErrorCode.AA_CHALLENGE_INVALID);
        }
        boolean paPassed = ctx.results.values().stream()
                .filter(r -> r.check().isPassiveAuthentication())
                .allMatch(r -> r.outcome() == CheckOutcome.PASSED || r.outcome() == CheckOutcome.NOT_APPLICABLE);
        if (!paPassed || !ctx.verifiedDataGroups.contains(15) || ctx.dg15 == null) {
            throw new IcaoException(IcaoErrorCode.AA_DG15_NOT_VALIDATED);
        }
        if (!ctx.dg15.isRsa()) {
            if (ctx.dg14 == null || !ctx.verifiedDataGroups.contains(14) || ctx.dg14.activeAuthenticationInfo().isEmpty()) {
                throw new IcaoException(IcaoErrorCode.AA_ALGORITHM_MISSING);
            }
        }
        ActiveAuthenticator.verify(ctx.dg15.publicKey(),
                ctx.dg14 == null ? null : ctx.dg14.activeAuthenticationInfo().map(Dg14.AaInfo::signatureAlgorithm).orElse(null),
                challenge, signature);
        return CheckOutcome.PASSED;
    }
}

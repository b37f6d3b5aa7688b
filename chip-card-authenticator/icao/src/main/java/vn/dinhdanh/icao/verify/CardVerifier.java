package vn.dinhdanh.icao.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Dg13;
import vn.dinhdanh.icao.lds.Mrz;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreSource;

/**
 * Verifies card evidence: Passive Authentication (EF.SOD, DS, CSCA, CRL, data group hashes),
 * data group content, and Active Authentication. Thread-safe and stateless apart from the
 * trust snapshot's chain cache; never throws for bad card data (every problem is a failed
 * check in the result).
 */
public final class CardVerifier {
    private final TrustStoreSource trust;
    private final VerifierConfig config;
    private final List<Validator> validators;

    public CardVerifier(TrustStoreSource trust, VerifierConfig config) {
        this(trust, config, allValidators());
    }

    /** With other validators: for tests of the rules that join them. */
    CardVerifier(TrustStoreSource trust, VerifierConfig config, List<Validator> validators) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.config = Objects.requireNonNull(config, "config");
        this.validators = List.copyOf(validators);
    }

    private static List<Validator> allValidators() {
        List<Validator> v = new ArrayList<>(PassiveValidators.all());
        v.addAll(DataValidators.all());
        return v;
    }

    public VerifierConfig config() {
        return config;
    }

    /** Runs every check against the current trust snapshot. */
    public VerificationResult verify(CardEvidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        TrustStore snapshot = trust.current();
        VerificationContext ctx = new VerificationContext(config, snapshot, evidence);
        for (Validator v : validators) {
            ctx.results.put(v.check(), run(v, ctx));
        }
        List<CheckResult> ordered = new ArrayList<>(ctx.results.values());
        boolean valid = ordered.stream().allMatch(r -> r.outcome() == CheckOutcome.PASSED || r.outcome() == CheckOutcome.NOT_APPLICABLE);
        Mrz mrz = ctx.passed(Check.DG1_MRZ) && ctx.verifiedDataGroups.contains(1) ? ctx.mrz : null;
        Dg13 dg13 = ctx.passed(Check.DG13_CITIZEN) && ctx.verifiedDataGroups.contains(13) ? ctx.dg13 : null;
        CitizenIdentity citizen = valid ? citizen(mrz, dg13) : null;
        java.time.LocalDate expiry = mrz != null ? mrz.expiryDate().orElse(null)
                : dg13 != null ? dg13.dateOfExpiry().orElse(null) : null;
        return new VerificationResult(ordered, ctx.now, citizen, mrz == null ? null : mrz.documentNumber(), expiry,
                ctx.verifiedDataGroups);
    }

    private static CheckResult run(Validator v, VerificationContext ctx) {
        CheckResult r = attempt(v, ctx);
        if (r.outcome() == CheckOutcome.NOT_APPLICABLE && !ctx.config.mayBeNotApplicable().contains(v.check())) {
            return new CheckResult(v.check(), CheckOutcome.FAILED, IcaoErrorCode.CHECK_NOT_MADE, IcaoErrorCode.CHECK_NOT_MADE.description());
        }
        return r;
    }

    private static CheckResult attempt(Validator v, VerificationContext ctx) {
        boolean notApplicable = false;
        for (Check req : v.requires()) {
            CheckResult r = ctx.results.get(req);
            if (r == null || r.outcome() == CheckOutcome.FAILED || r.outcome() == CheckOutcome.SKIPPED) {
                return new CheckResult(v.check(), CheckOutcome.SKIPPED, null, "requires " + req);
            }
            if (r.outcome() == CheckOutcome.NOT_APPLICABLE) {
                notApplicable = true;
            }
        }
        if (notApplicable) {
            return new CheckResult(v.check(), CheckOutcome.NOT_APPLICABLE, null, null);
        }
        try {
            CheckOutcome o = v.validate(ctx);
            return new CheckResult(v.check(), o, null, null);
        } catch (IcaoException e) {
            return new CheckResult(v.check(), CheckOutcome.FAILED, e.code(), e.code().description());
        } catch (RuntimeException e) {
            return new CheckResult(v.check(), CheckOutcome.FAILED, IcaoErrorCode.INTERNAL_ERROR, e.getClass().getSimpleName());
        }
    }

    private static CitizenIdentity citizen(Mrz mrz, Dg13 dg13) {
        if (mrz == null && dg13 == null) {
            return null;
        }
        String id = dg13 != null ? dg13.idNumber().orElse(null)
                : mrz.optionalData1().length() >= 12 ? mrz.optionalData1().substring(0, 12) : null;
        String name = dg13 != null && dg13.fullName().isPresent() ? dg13.fullName().get()
                : mrz == null ? null : (mrz.primaryIdentifier() + " " + mrz.secondaryIdentifier()).strip();
        java.time.LocalDate dob = dg13 != null && dg13.dateOfBirth().isPresent() ? dg13.dateOfBirth().get()
                : mrz == null ? null : mrz.birthDate().orElse(null);
        char sex = mrz != null ? mrz.sex() : dg13.sexCode().orElse('<');
        String nationality = dg13 != null && dg13.field(Dg13.NATIONALITY).isPresent() ? dg13.field(Dg13.NATIONALITY).get()
                : mrz == null ? null : mrz.nationality();
        java.time.LocalDate expiry = mrz != null ? mrz.expiryDate().orElse(null) : dg13.dateOfExpiry().orElse(null);
        return new CitizenIdentity(id, name, dob, sex, nationality, mrz == null ? null : mrz.documentNumber(), expiry,
                dg13 == null ? java.util.Optional.empty() : dg13.field(Dg13.PLACE_OF_ORIGIN),
                dg13 == null ? java.util.Optional.empty() : dg13.field(Dg13.PLACE_OF_RESIDENCE),
                dg13 == null ? java.util.Optional.empty() : dg13.dateOfIssue(),
                dg13 == null ? java.util.Optional.empty() : dg13.field(Dg13.OLD_ID_NUMBER));
    }
}

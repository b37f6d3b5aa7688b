package vn.dinhdanh.icao.verify;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.dinhdanh.icao.lds.Limits;

/** Immutable verification policy, built with {@link #builder()}. Defaults fail closed. */
public final class VerifierConfig {

    /** What to do when the CSCA of a Document Signer has no CRL in the trust store. */
    public enum MissingCrlPolicy {
        /** Fail with CRL_MISSING (default). */
        FAIL,
        /** Mark the revocation check NOT_APPLICABLE and go on. */
        ALLOW
    }

    private final Clock clock;
    private final boolean allowSha1;
    private final int minRsaBits;
    private final int minEcBits;
    private final MissingCrlPolicy missingCrlPolicy;
    private final boolean requireActiveAuthentication;
    private final boolean requireCitizenData;
    private final boolean rejectExpiredDocument;
    private final String expectedIssuingState;
    private final Limits limits;
    private final Set<Check> mayBeNotApplicable;

    private VerifierConfig(Builder b) {
        this.clock = b.clock;
        this.allowSha1 = b.allowSha1;
        this.minRsaBits = b.minRsaBits;
        this.minEcBits = b.minEcBits;
        this.missingCrlPolicy = b.missingCrlPolicy;
        this.requireActiveAuthentication = b.requireActiveAuthentication;
        this.requireCitizenData = b.requireCitizenData;
        this.rejectExpiredDocument = b.rejectExpiredDocument;
        this.expectedIssuingState = b.expectedIssuingState;
        this.limits = b.limits;
        this.mayBeNotApplicable = waivable();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static VerifierConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.clock = clock;
        b.allowSha1 = allowSha1;
        b.minRsaBits = minRsaBits;
        b.minEcBits = minEcBits;
        b.missingCrlPolicy = missingCrlPolicy;
        b.requireActiveAuthentication = requireActiveAuthentication;
        b.requireCitizenData = requireCitizenData;
        b.rejectExpiredDocument = rejectExpiredDocument;
        b.expectedIssuingState = expectedIssuingState;
        b.limits = limits;
        return b;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether SHA-1 is accepted in EF.SOD and certificates (default false; MD5 never). */
    public boolean allowSha1() {
        return allowSha1;
    }

    /** Minimum RSA modulus for DS and CSCA keys (default 2048; AA keys are exempt). */
    public int minRsaBits() {
        return minRsaBits;
    }

    /** Minimum EC field size for DS and CSCA keys (default 224). */
    public int minEcBits() {
        return minEcBits;
    }

    public MissingCrlPolicy missingCrlPolicy() {
        return missingCrlPolicy;
    }

    /** Whether an Active Authentication signature is required (default true). */
    public boolean requireActiveAuthentication() {
        return requireActiveAuthentication;
    }

    /** Whether DG1 or DG13 must be presented (default true, as a login needs them). */
    public boolean requireCitizenData() {
        return requireCitizenData;
    }

    /** Whether an expired card fails (default true). */
    public boolean rejectExpiredDocument() {
        return rejectExpiredDocument;
    }

    /** Issuing state the MRZ must name, e.g. "VNM"; empty accepts any. */
    public Optional<String> expectedIssuingState() {
        return Optional.ofNullable(expectedIssuingState);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * The checks this policy lets end NOT_APPLICABLE: the optional data groups (their absence is judged by
     * REQUIRED_DATA_GROUPS and ACTIVE_AUTHENTICATION), and a check this policy waives. Any other check that cannot be
     * made, directly or because a check it depends on was not made, fails with CHECK_NOT_MADE: nothing passes for
     * want of being tried.
     */
    public Set<Check> mayBeNotApplicable() {
        return mayBeNotApplicable;
    }

    private Set<Check> waivable() {
        Set<Check> allowed = EnumSet.of(Check.EF_COM, Check.DG1_MRZ, Check.DG13_CITIZEN, Check.CITIZEN_CONSISTENCY,
                Check.DG14_SECURITY_INFOS, Check.DG15_AA_KEY);
        if (missingCrlPolicy == MissingCrlPolicy.ALLOW) {
            allowed.add(Check.DS_REVOCATION);
        }
        if (!requireCitizenData) {
            allowed.add(Check.REQUIRED_DATA_GROUPS);
            allowed.add(Check.DOCUMENT_EXPIRY);
        }
        if (!rejectExpiredDocument) {
            allowed.add(Check.DOCUMENT_EXPIRY);
        }
        if (!requireActiveAuthentication) {
            allowed.add(Check.ACTIVE_AUTHENTICATION);
        }
        return Set.copyOf(allowed);
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean allowSha1;
        private int minRsaBits = 2048;
        private int minEcBits = 224;
        private MissingCrlPolicy missingCrlPolicy = MissingCrlPolicy.FAIL;
        private boolean requireActiveAuthentication = true;
        private boolean requireCitizenData = true;
        private boolean rejectExpiredDocument = true;
        private String expectedIssuingState;
        private Limits limits = Limits.DEFAULT;

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder allowSha1(boolean allow) {
            this.allowSha1 = allow;
            return this;
        }

        public Builder minRsaBits(int bits) {
            if (bits < 1024) {
                throw new IllegalArgumentException("minRsaBits < 1024");
            }
            this.minRsaBits = bits;
            return this;
        }

        public Builder minEcBits(int bits) {
            this.minEcBits = bits;
            return this;
        }

        public Builder missingCrlPolicy(MissingCrlPolicy policy) {
            this.missingCrlPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder requireActiveAuthentication(boolean require) {
            this.requireActiveAuthentication = require;
            return this;
        }

        public Builder requireCitizenData(boolean require) {
            this.requireCitizenData = require;
            return this;
        }

        public Builder rejectExpiredDocument(boolean reject) {
            this.rejectExpiredDocument = reject;
            return this;
        }

        public Builder expectedIssuingState(String state) {
            this.expectedIssuingState = state;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public VerifierConfig build() {
            return new VerifierConfig(this);
        }
    }
}

package vn.dinhdanh.icao.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.dinhdanh.icao.IcaoErrorCode;

/**
 * Immutable outcome of a verification: every check with its outcome, the citizen data
 * (present only when all checks passed), the card's document number and expiry.
 * {@link #toString()} and {@link #toJson(boolean)} (with false) carry no personal data.
 */
public final class VerificationResult {
    private final List<CheckResult> checks;
    private final Instant checkedAt;
    private final CitizenIdentity citizen;
    private final String documentNumber;
    private final LocalDate documentExpiry;
    private final Set<Integer> verifiedDataGroups;

    VerificationResult(List<CheckResult> checks, Instant checkedAt, CitizenIdentity citizen, String documentNumber,
                       LocalDate documentExpiry, Set<Integer> verifiedDataGroups) {
        this.checks = List.copyOf(checks);
        this.checkedAt = checkedAt;
        this.citizen = citizen;
        this.documentNumber = documentNumber;
        this.documentExpiry = documentExpiry;
        this.verifiedDataGroups = Set.copyOf(verifiedDataGroups);
    }

    /** All checks in execution order. */
    public List<CheckResult> checks() {
        return checks;
    }

    public Optional<CheckResult> check(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst();
    }

    public CheckOutcome outcome(Check check) {
        return check(check).map(CheckResult::outcome).orElse(CheckOutcome.SKIPPED);
    }

    /** True when no check failed or was skipped. */
    public boolean isValid() {
        return checks.stream().allMatch(c -> c.outcome() == CheckOutcome.PASSED || c.outcome() == CheckOutcome.NOT_APPLICABLE);
    }

    /** True when every Passive Authentication check passed (or was waived by policy). */
    public boolean passiveAuthenticationPassed() {
        return checks.stream().filter(c -> c.check().isPassiveAuthentication())
                .allMatch(c -> c.outcome() == CheckOutcome.PASSED || c.outcome() == CheckOutcome.NOT_APPLICABLE);
    }

    public boolean activeAuthenticationPassed() {
        return outcome(Check.ACTIVE_AUTHENTICATION) == CheckOutcome.PASSED;
    }

    /** The first failure in check order: the primary reason. */
    public Optional<IcaoErrorCode> failureCode() {
        return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAILED).map(CheckResult::code).findFirst();
    }

    /** All failure codes in check order. */
    public List<IcaoErrorCode> errorCodes() {
        List<IcaoErrorCode> out = new ArrayList<>();
        for (CheckResult c : checks) {
            if (c.code() != null) {
                out.add(c.code());
            }
        }
        return out;
    }

    /** Citizen data, present only when the result is valid. */
    public Optional<CitizenIdentity> citizen() {
        return Optional.ofNullable(citizen);
    }

    /** Document number from the hash-verified DG1 (present when DG1 verified). */
    public Optional<String> documentNumber() {
        return Optional.ofNullable(documentNumber);
    }

    public Optional<LocalDate> documentExpiry() {
        return Optional.ofNullable(documentExpiry);
    }

    /** Data group numbers whose hash matched EF.SOD. */
    public Set<Integer> verifiedDataGroups() {
        return verifiedDataGroups;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    /** JSON verdict. With {@code includePersonalData} false it holds no personal data. */
    public String toJson(boolean includePersonalData) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n  \"valid\": ").append(isValid());
        sb.append(",\n  \"passiveAuthentication\": ").append(passiveAuthenticationPassed());
        sb.append(",\n  \"activeAuthentication\": ").append(activeAuthenticationPassed());
        sb.append(",\n  \"checkedAt\": ").append(q(checkedAt.toString()));
        sb.append(",\n  \"failureCode\": ").append(failureCode().map(c -> q(c.name())).orElse("null"));
        sb.append(",\n  \"documentExpiry\": ").append(documentExpiry == null ? "null" : q(documentExpiry.toString()));
        if (includePersonalData) {
            sb.append(",\n  \"documentNumber\": ").append(documentNumber == null ? "null" : q(documentNumber));
            if (citizen != null) {
                sb.append(",\n  \"citizen\": {\"idNumber\": ").append(q(citizen.idNumber()))
                        .append(", \"fullName\": ").append(q(citizen.fullName()))
                        .append(", \"dateOfBirth\": ").append(citizen.dateOfBirth() == null ? "null" : q(citizen.dateOfBirth().toString()))
                        .append(", \"sex\": ").append(q(String.valueOf(citizen.sex()))).append('}');
            }
        }
        sb.append(",\n  \"checks\": [");
        for (int i = 0; i < checks.size(); i++) {
            CheckResult c = checks.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"check\": ").append(q(c.check().name()))
                    .append(", \"outcome\": ").append(q(c.outcome().name()))
                    .append(", \"code\": ").append(c.code() == null ? "null" : q(c.code().name()))
                    .append(", \"detail\": ").append(c.detail() == null ? "null" : q(c.detail())).append('}');
        }
        sb.append("\n  ]\n}");
        return sb.toString();
    }

    private static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        return "VerificationResult[valid=" + isValid() + ", failure=" + failureCode().orElse(null) + "]";
    }
}

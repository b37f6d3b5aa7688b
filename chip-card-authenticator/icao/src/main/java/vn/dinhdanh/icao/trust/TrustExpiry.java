package vn.dinhdanh.icao.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * What in a trust snapshot runs out soon: a CSCA certificate whose validity ends within the CSCA horizon (its cards
 * stop verifying once the Document Signers it issued are past it), and a CRL whose next update is due within the CRL
 * horizon (after it, every card of that CSCA fails with CRL_STALE until a fresh CRL is in the trust folder).
 */
public final class TrustExpiry {

    /** Stable codes of the warnings. */
    public enum Code {
        CSCA_EXPIRED, CSCA_EXPIRING, CRL_OVERDUE, CRL_DUE_SOON
    }

    /** One warning: what ({@code subject} of the CSCA, {@code issuer} of the CRL) and when it runs out. */
    public record Warning(Code code, String name, Instant at) {
    }

    private final Duration cscaHorizon;
    private final Duration crlHorizon;

    public TrustExpiry(Duration cscaHorizon, Duration crlHorizon) {
        this.cscaHorizon = Objects.requireNonNull(cscaHorizon);
        this.crlHorizon = Objects.requireNonNull(crlHorizon);
    }

    /** The warnings of this snapshot at {@code now}, soonest first. */
    public List<Warning> warnings(TrustStore trust, Instant now) {
        List<Warning> out = new ArrayList<>();
        for (CscaEntry csca : trust.cscas()) {
            Instant notAfter = csca.certificate().getNotAfter().toInstant();
            if (now.isAfter(notAfter)) {
                out.add(new Warning(Code.CSCA_EXPIRED, csca.subject().toString(), notAfter));
            } else if (now.plus(cscaHorizon).isAfter(notAfter)) {
                out.add(new Warning(Code.CSCA_EXPIRING, csca.subject().toString(), notAfter));
            }
        }
        for (X509CRLHolder crl : trust.crls()) {
            if (crl.getNextUpdate() == null) {
                continue;
            }
            Instant next = crl.getNextUpdate().toInstant();
            if (now.isAfter(next)) {
                out.add(new Warning(Code.CRL_OVERDUE, crl.getIssuer().toString(), next));
            } else if (now.plus(crlHorizon).isAfter(next)) {
                out.add(new Warning(Code.CRL_DUE_SOON, crl.getIssuer().toString(), next));
            }
        }
        out.sort(Comparator.comparing(Warning::at));
        return out;
    }
}

package vn.dinhdanh.icao.verify;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a reader (mobile app) presents: EF.SOD, data groups by number, optionally EF.COM,
 * and the Active Authentication challenge and signature. Immutable; arrays are copied.
 */
public final class CardEvidence {
    private final byte[] sod;
    private final Map<Integer, byte[]> dataGroups;
    private final byte[] com;
    private final byte[] challenge;
    private final byte[] aaSignature;

    private CardEvidence(Builder b) {
        this.sod = copy(b.sod);
        Map<Integer, byte[]> m = new TreeMap<>();
        b.dataGroups.forEach((k, v) -> m.put(k, copy(v)));
        this.dataGroups = Collections.unmodifiableMap(m);
        this.com = copy(b.com);
        this.challenge = copy(b.challenge);
        this.aaSignature = copy(b.aaSignature);
    }

    private static byte[] copy(byte[] b) {
        return b == null ? null : b.clone();
    }

    /** Evidence for PA + AA. {@code challenge} and {@code aaSignature} may be null. */
    public static CardEvidence of(byte[] sod, Map<Integer, byte[]> dataGroups, byte[] challenge, byte[] aaSignature) {
        Builder b = builder().sod(sod).challenge(challenge).aaSignature(aaSignature);
        dataGroups.forEach(b::dataGroup);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public byte[] sod() {
        return copy(sod);
    }

    byte[] sodUnsafe() {
        return sod;
    }

    /** Data groups by number (arrays are internal: do not modify). */
    public Map<Integer, byte[]> dataGroups() {
        return dataGroups;
    }

    public Optional<byte[]> com() {
        return Optional.ofNullable(copy(com));
    }

    byte[] comUnsafe() {
        return com;
    }

    public Optional<byte[]> challenge() {
        return Optional.ofNullable(copy(challenge));
    }

    byte[] challengeUnsafe() {
        return challenge;
    }

    public Optional<byte[]> aaSignature() {
        return Optional.ofNullable(copy(aaSignature));
    }

    byte[] aaSignatureUnsafe() {
        return aaSignature;
    }

    public static final class Builder {
        private byte[] sod;
        private final Map<Integer, byte[]> dataGroups = new TreeMap<>();
        private byte[] com;
        private byte[] challenge;
        private byte[] aaSignature;

        public Builder sod(byte[] sod) {
            this.sod = sod;
            return this;
        }

        public Builder dataGroup(int number, byte[] bytes) {
            if (bytes != null) {
                dataGroups.put(number, bytes);
            }
            return this;
        }

        public Builder com(byte[] com) {
            this.com = com;
            return this;
        }

        public Builder challenge(byte[] challenge) {
            this.challenge = challenge;
            return this;
        }

        public Builder aaSignature(byte[] aaSignature) {
            this.aaSignature = aaSignature;
            return this;
        }

        public CardEvidence build() {
            return new CardEvidence(this);
        }
    }
}

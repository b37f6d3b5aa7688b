package vn.dinhdanh.icao.virtualcard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import vn.dinhdanh.icao.lds.Algorithms;

/**
 * A reproducible random source (SHA-256 in counter mode over a seed) for test fixtures.
 * NOT for production keys: everything the virtual-card issuer makes is a test artefact.
 */
public final class DeterministicRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;
    private long counter;
    private final byte[] block = new byte[32];
    private int available;

    public DeterministicRandom(String seed) {
        super(new byte[0]);
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (available == 0) {
                MessageDigest md = Algorithms.digest("SHA-256");
                md.update(seed);
                long c = counter++;
                for (int s = 56; s >= 0; s -= 8) {
                    md.update((byte) (c >>> s));
                }
                byte[] d = md.digest();
                System.arraycopy(d, 0, block, 0, 32);
                available = 32;
            }
            out[i] = block[32 - available--];
        }
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] b = new byte[numBytes];
        nextBytes(b);
        return b;
    }

    @Override
    public void setSeed(long ignored) {
        // deliberately ignored: the stream depends on the constructor seed only
    }

    @Override
    public synchronized void setSeed(byte[] ignored) {
        // deliberately ignored: the stream depends on the constructor seed only
    }

    @Override
    public String getAlgorithm() {
        return "DeterministicTestRandom";
    }
}

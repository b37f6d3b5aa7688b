package vn.dinhdanh.icao.verify;

import java.nio.ByteBuffer;

/**
 * Key of an entry in a trust snapshot's cache: a kind ("ds", "chain", "crl", "dg15") over
 * exact bytes; the content hash is computed once.
 */
record CacheKey(String kind, ByteBuffer der, int hash) {
    static CacheKey of(String kind, byte[] bytes) {
        // hash the length and the last 32 bytes (a signature or key: high entropy); equality
        // still compares every byte, so the hash only spreads buckets
        int h = bytes.length;
        for (int i = Math.max(0, bytes.length - 32); i < bytes.length; i++) {
            h = 31 * h + bytes[i];
        }
        return new CacheKey(kind, ByteBuffer.wrap(bytes), h);
    }

    CacheKey as(String otherKind) {
        return new CacheKey(otherKind, der, hash);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey k && k.hash == hash && k.kind.equals(kind) && k.der.equals(der);
    }
}

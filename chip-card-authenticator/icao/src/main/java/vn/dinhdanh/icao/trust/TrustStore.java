package vn.dinhdanh.icao.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * An immutable snapshot of trust anchors: CSCA certificates (roots and verified link
 * certificates) and CRLs. Built by {@link TrustStoreLoader}; swapped atomically by
 * {@link ReloadableTrustStore}. Each snapshot owns a bounded cache of verified
 * CSCA-to-DS chains, so a reload drops every cached verdict at once.
 */
public final class TrustStore implements TrustStoreSource {
    private static final int MAX_CACHE = 4096;

    private final List<CscaEntry> cscas;
    private final List<X509CRLHolder> crls;
    private final List<LoadIssue> issues;
    private final Instant loadedAt;
    private final ConcurrentMap<Object, Object> cache = new ConcurrentHashMap<>();

    /** A file or entry that was skipped at load time, with the reason. */
    public record LoadIssue(String source, vn.dinhdanh.icao.IcaoErrorCode code, String detail) {
    }

    TrustStore(List<CscaEntry> cscas, List<X509CRLHolder> crls, List<LoadIssue> issues, Instant loadedAt) {
        this.cscas = List.copyOf(cscas);
        this.crls = List.copyOf(crls);
        this.issues = List.copyOf(issues);
        this.loadedAt = loadedAt;
    }

    @Override
    public TrustStore current() {
        return this;
    }

    public List<CscaEntry> cscas() {
        return cscas;
    }

    public List<X509CRLHolder> crls() {
        return crls;
    }

    public List<LoadIssue> issues() {
        return issues;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** Trusted CSCAs whose subject equals {@code issuer}. */
    public List<CscaEntry> cscasBySubject(X500Name issuer) {
        List<CscaEntry> out = new ArrayList<>(2);
        for (CscaEntry e : cscas) {
            if (e.subject().equals(issuer)) {
                out.add(e);
            }
        }
        return out;
    }

    /** CRLs whose issuer equals {@code issuer}. */
    public List<X509CRLHolder> crlsByIssuer(X500Name issuer) {
        List<X509CRLHolder> out = new ArrayList<>(1);
        for (X509CRLHolder c : crls) {
            if (c.getIssuer().equals(issuer)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Snapshot-scoped memo for time-independent verdicts (signature checks). Bounded: when
     * full it is cleared, never grown.
     */
    @SuppressWarnings("unchecked")
    public <K, V> V cached(K key, Function<K, V> compute) {
        Object v = cache.get(key);
        if (v == null) {
            if (cache.size() >= MAX_CACHE) {
                cache.clear();
            }
            v = compute.apply(key);
            cache.putIfAbsent(key, v);
        }
        return (V) v;
    }
}

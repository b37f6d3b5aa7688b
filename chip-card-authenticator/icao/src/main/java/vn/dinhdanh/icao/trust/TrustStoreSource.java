package vn.dinhdanh.icao.trust;

/** Gives the current trust snapshot; a {@link TrustStore} is its own source. */
@FunctionalInterface
public interface TrustStoreSource {
    TrustStore current();
}

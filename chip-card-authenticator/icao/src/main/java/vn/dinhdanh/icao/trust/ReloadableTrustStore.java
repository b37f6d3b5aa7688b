package vn.dinhdanh.icao.trust;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import vn.dinhdanh.icao.IcaoException;

/**
 * A trust store backed by a folder that can be reloaded without a restart: {@link #reload()}
 * builds a new immutable snapshot and swaps it in atomically; verifications already running
 * keep the snapshot they started with. A failed reload keeps the previous snapshot.
 */
public final class ReloadableTrustStore implements TrustStoreSource {
    private final Path directory;
    private final TrustStoreLoader loader;
    private final AtomicReference<TrustStore> current = new AtomicReference<>();

    public ReloadableTrustStore(Path directory, TrustStoreLoader loader) throws IcaoException {
        this.directory = Objects.requireNonNull(directory);
        this.loader = Objects.requireNonNull(loader);
        current.set(loader.loadDirectory(directory));
    }

    public ReloadableTrustStore(Path directory) throws IcaoException {
        this(directory, TrustStoreLoader.builder().clock(Clock.systemUTC()).build());
    }

    @Override
    public TrustStore current() {
        return current.get();
    }

    /** Re-reads the folder and swaps the snapshot; on failure the old one stays. */
    public TrustStore reload() throws IcaoException {
        TrustStore fresh = loader.loadDirectory(directory);
        current.set(fresh);
        return fresh;
    }
}

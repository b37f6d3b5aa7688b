package vn.dinhdanh.registry.importer;

/** Called every N rows read, and once at the end, with the counts so far. */
@FunctionalInterface
public interface ImportProgress {

    void onProgress(ImportSummary soFar);
}

package vn.dinhdanh.registry.importer;

/** Called every N rows read and at the end (once per row count), with the counts so far. */
@FunctionalInterface
public interface ImportProgress {

    void onProgress(ImportSummary soFar);
}

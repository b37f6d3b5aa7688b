package vn.dinhdanh.registry.importer;

import java.util.List;

/**
 * Receives each batch of valid rows. The sink owns the transaction: one per batch (JTA inside Keycloak,
 * RESOURCE_LOCAL offline). An exception thrown here stops the import.
 */
@FunctionalInterface
public interface BatchSink {

    void write(List<CitizenRecord> batch);
}

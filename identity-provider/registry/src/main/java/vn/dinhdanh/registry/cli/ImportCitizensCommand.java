package vn.dinhdanh.registry.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.CitizenRecord;
import vn.dinhdanh.registry.importer.ImportSummary;
import vn.dinhdanh.registry.importer.InvalidCsvHeaderException;
import vn.dinhdanh.registry.jpa.RegistryChangelog;
import vn.dinhdanh.registry.jpa.RegistryPersistence;
import vn.dinhdanh.registry.jpa.RegistryWriter;

/**
 * Offline import of citizens into the population registry database:
 *
 * <pre>
 * java -cp "keycloak-26.7.3/lib/lib/main/*:dinhdanh-registry.jar" vn.dinhdanh.registry.cli.ImportCitizensCommand \
 *     --jdbc-url jdbc:h2:file:./data/registry/population-registry [--user U] [--password P] \
 *     --file citizens.csv [--errors errors.csv] [--batch-size 1000]
 * </pre>
 *
 * Updates the schema (Liquibase, the version in Keycloak's lib/lib/main), then imports with one RESOURCE_LOCAL transaction per batch. Progress goes to stderr, the
 * summary line to stdout. Exit code 0 when every row was imported, 1 when some rows were rejected (see the error
 * report), 2 on a usage error, 3 on a failure. The password may also come from the environment variable
 * {@code REGISTRY_DB_PASSWORD}.
 */
public final class ImportCitizensCommand {

    static final String USAGE = "usage: ImportCitizensCommand --jdbc-url URL [--user U] [--password P] "
            + "--file citizens.csv [--errors errors.csv] [--batch-size 1000]";

    private ImportCitizensCommand() {
    }

    public static void main(String[] args) {
        quietenLogging();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts;
        try {
            opts = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String url = opts.get("--jdbc-url");
        String user = opts.get("--user");
        String password = opts.getOrDefault("--password", System.getenv("REGISTRY_DB_PASSWORD"));
        Path file = Path.of(opts.get("--file"));
        Path errorsFile = opts.containsKey("--errors") ? Path.of(opts.get("--errors"))
                : file.resolveSibling(file.getFileName() + ".errors.csv");
        int batchSize;
        try {
            batchSize = Integer.parseInt(opts.getOrDefault("--batch-size", "1000"));
            if (batchSize < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            err.println("--batch-size must be a positive integer");
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println("Cannot read " + file);
            return 2;
        }
        try {
            ImportSummary summary = importFile(url, user, password, file, errorsFile, batchSize, err);
            out.printf("Imported citizens: %d rows read, %d written, %d rejected in %.1f s (%.0f rows/s)%s%n",
                    summary.rowsRead(), summary.rowsWritten(), summary.rowsRejected(),
                    summary.duration().toMillis() / 1000.0, summary.rowsPerSecond(),
                    summary.rowsRejected() > 0 ? "; rejected rows by code " + summary.rejectionsByCode()
                            + ", details in " + errorsFile : "");
            return summary.rowsRejected() > 0 ? 1 : 0;
        } catch (InvalidCsvHeaderException e) {
            err.println("Invalid CSV: " + e.getMessage());
            return 3;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("Import failed: " + describe(e));
            if (Boolean.getBoolean("registry.debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run with -Dregistry.debug=true for the stack trace; it may contain personal data)");
            }
            return 3;
        }
    }

    /**
     * Exception classes and SQL states only: driver messages can quote row values (personal data). Messages of
     * file-system errors are kept, they name only paths.
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sb.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            if (t instanceof java.nio.file.FileSystemException) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }

    static ImportSummary importFile(String url, String user, String password, Path file, Path errorsFile,
            int batchSize, PrintStream err) throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            int applied = RegistryChangelog.update(c);
            err.printf("Registry schema is current (%d change set(s) applied)%n", applied);
        }
        try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, user, password, true, batchSize,
                Map.of());
                EntityManager em = emf.createEntityManager();
                Writer errors = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(errorsFile), StandardCharsets.UTF_8))) {
            RegistryWriter writer = new RegistryWriter(em);
            CitizenCsvImport csvImport = CitizenCsvImport.builder()
                    .batchSize(batchSize)
                    .progressEvery(Math.max(batchSize, 10_000))
                    .onProgress(p -> err.printf("... %d rows read, %d written, %d rejected (%.0f rows/s)%n",
                            p.rowsRead(), p.rowsWritten(), p.rowsRejected(), p.rowsPerSecond()))
                    .build();
            return csvImport.importFile(file, batch -> writeBatch(em, writer, batch), errors);
        }
    }

    private static void writeBatch(EntityManager em, RegistryWriter writer, List<CitizenRecord> batch) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            writer.upsertAll(batch);
            tx.commit();
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        }
    }

    static Map<String, String> parse(String[] args) {
        List<String> valued = List.of("--jdbc-url", "--user", "--password", "--file", "--errors", "--batch-size");
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException("Imports citizens from a CSV file into the registry database.");
            }
            String key = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Missing value for " + a);
            }
            if (!valued.contains(key)) {
                throw new IllegalArgumentException("Unknown option " + key);
            }
            opts.put(key, value);
        }
        for (String required : List.of("--jdbc-url", "--file")) {
            if (!opts.containsKey(required)) {
                throw new IllegalArgumentException("Missing " + required);
            }
        }
        return opts;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ImportCitizensCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Hibernate's INFO start-up lines would drown the progress output: unless the caller configured logging, JUL
     * (which jboss-logging uses here) only shows warnings.
     */
    private static void quietenLogging() {
        if (System.getProperty("java.util.logging.manager") == null && isPresent("org.jboss.logmanager.LogManager")) {
            // Keycloak's lib/lib/boot is on the class path: let its log manager own JUL, as it does in the server
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            String config = "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n"
                    + "java.util.logging.ConsoleHandler.level=WARNING\n"
                    + "org.hibernate.orm.connections.pooling.level=SEVERE\n";
            try {
                java.util.logging.LogManager.getLogManager().readConfiguration(
                        new java.io.ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                System.err.println("Could not configure logging: " + e.getMessage());
            }
        }
    }
}

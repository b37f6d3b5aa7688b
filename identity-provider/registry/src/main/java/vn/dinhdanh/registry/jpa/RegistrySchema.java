package vn.dinhdanh.registry.jpa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Versioned schema of the population registry. The scripts {@code db/registry/V<n>__<description>.sql} listed in
 * {@code db/registry/migrations.txt} are applied in order, each once, and recorded in
 * {@code registry_schema_version}. {@link #migrate(Connection)} is idempotent and safe to call at every start; each
 * script runs in its own transaction (atomic on PostgreSQL, whose DDL is transactional).
 */
public final class RegistrySchema {

    public static final String VERSION_TABLE = "registry_schema_version";
    private static final String BASE = "db/registry/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final Logger LOG = Logger.getLogger(RegistrySchema.class);

    /** One migration script. */
    public record Migration(int version, String description, String resource) {
    }

    private RegistrySchema() {
    }

    /** The known migrations in version order. */
    public static List<Migration> migrations() {
        List<Migration> list = new ArrayList<>();
        try (InputStream in = resource(BASE + "migrations.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int last = 0;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = NAME.matcher(line);
                if (!m.matches()) {
                    throw new IllegalStateException("Bad migration name " + line);
                }
                int version = Integer.parseInt(m.group(1));
                if (version <= last) {
                    throw new IllegalStateException("Migrations out of order at " + line);
                }
                last = version;
                list.add(new Migration(version, m.group(2).replace('_', ' '), BASE + line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(list);
    }

    /** The highest version, i.e. the version of the schema these classes expect. */
    public static int latestVersion() {
        List<Migration> all = migrations();
        return all.get(all.size() - 1).version();
    }

    /** Gets a connection from the data source, migrates and closes it. */
    public static int migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return migrate(c);
        }
    }

    /**
     * Applies the migrations not yet recorded, each in its own local transaction. The connection's auto-commit
     * mode is restored afterwards.
     *
     * @return the number of migrations applied by this call (0 when the schema was already current)
     */
    public static int migrate(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        boolean autoCommit = connection.getAutoCommit();
        try {
            connection.setAutoCommit(false);
            return applyPending(connection, true);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Applies the migrations not yet recorded on a connection whose transaction belongs to a container
     * (JTA inside Keycloak): no commit, rollback or auto-commit change here; the container commits.
     */
    public static int migrateInContainerTransaction(Connection connection) throws SQLException {
        return applyPending(Objects.requireNonNull(connection, "connection"), false);
    }

    private static int applyPending(Connection connection, boolean localTransactions) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                    + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL, "
                    + "CONSTRAINT pk_" + VERSION_TABLE + " PRIMARY KEY (version))");
            if (localTransactions) {
                connection.commit();
            }
        } catch (SQLException e) {
            // PostgreSQL: two nodes running CREATE TABLE IF NOT EXISTS at the same moment, one of them loses
            if (!localTransactions) {
                throw e;
            }
            connection.rollback();
            appliedVersions(connection);
            LOG.debug("Population registry version table was created concurrently by another node");
        }
        int applied = 0;
        for (Migration m : migrations()) {
            if (appliedVersions(connection).contains(m.version())) {
                continue;
            }
            if (apply(connection, m, localTransactions)) {
                applied++;
            }
        }
        if (applied > 0) {
            LOG.infof("Population registry schema: applied %d migration(s), now at version %d", applied,
                    latestVersion());
        } else {
            LOG.debugf("Population registry schema is current at version %d", latestVersion());
        }
        return applied;
    }

    /** Versions recorded in the version table (empty if the table does not exist yet). */
    public static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM " + VERSION_TABLE)) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    /** @return true if applied here, false if another node applied it at the same moment */
    private static boolean apply(Connection connection, Migration m, boolean localTransaction) throws SQLException {
        try {
            // the version row first: a second node migrating at the same moment waits on, then fails on, its key
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (Statement st = connection.createStatement()) {
                for (String sql : statements(m.resource())) {
                    st.execute(sql);
                }
            }
            if (localTransaction) {
                connection.commit();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (localTransaction) {
                connection.rollback();
                if (appliedVersions(connection).contains(m.version())) {
                    LOG.debugf("Population registry migration V%d was applied concurrently by another node",
                            m.version());
                    return false;
                }
            }
            throw new SQLException("Population registry migration V" + m.version() + " failed", e);
        }
    }

    /** The statements of a script: {@code --} comments removed, split on semicolons at the end of a line. */
    static List<String> statements(String resource) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try (InputStream in = resource(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String sql = current.toString().strip();
                    out.add(sql.substring(0, sql.length() - 1));
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = RegistrySchema.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }
}

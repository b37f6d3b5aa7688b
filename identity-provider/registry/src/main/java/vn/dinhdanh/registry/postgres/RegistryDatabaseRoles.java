package vn.dinhdanh.registry.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two PostgreSQL roles of the population registry, made and granted idempotently on the registry's own database:
 * <ul>
 *   <li>the <b>login</b> role (datasource {@code population-registry}): what logins, registrations and chip-card
 *       checks connect as. It may connect, use the schema and SELECT its tables, nothing else; its transactions are
 *       read-only by default ({@code default_transaction_read_only}), so even a grant given by mistake later does not
 *       let it write;</li>
 *   <li>the <b>writer</b> role (datasource {@code population-registry-writer}): CSV imports, the demo seed and the
 *       Liquibase schema update. It owns the registry tables (existing ones are handed to it) and may create tables in
 *       the schema; what it creates later is readable by the login role (default privileges).</li>
 * </ul>
 * Run it as a role that may create roles and owns the schema (e.g. {@code postgres}). The schema's CREATE right is taken
 * from PUBLIC (PostgreSQL 15 does so already for {@code public}): the registry database is the registry's own. Role and
 * schema names are plain lower-case identifiers; passwords are passed to the server as quoted literals (never logged).
 */
public final class RegistryDatabaseRoles {

    /** Tables of the registry (the Liquibase changelog's and its own bookkeeping). */
    static final List<String> REGISTRY_TABLES = List.of("registry_citizen", "registry_card", "registry_changelog", "registry_changelog_lock");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String loginRole;
    private final String writerRole;
    private final String schema;
    private final Optional<String> loginPassword;
    private final Optional<String> writerPassword;

    private RegistryDatabaseRoles(Builder b) {
        this.loginRole = identifier(b.loginRole, "login role");
        this.writerRole = identifier(b.writerRole, "writer role");
        this.schema = identifier(b.schema, "schema");
        if (loginRole.equals(writerRole)) {
            throw new IllegalArgumentException("The login role and the writer role must differ");
        }
        this.loginPassword = Optional.ofNullable(b.loginPassword).filter(p -> !p.isEmpty());
        this.writerPassword = Optional.ofNullable(b.writerPassword).filter(p -> !p.isEmpty());
    }

    public static Builder builder() {
        return new Builder();
    }

    public String loginRole() {
        return loginRole;
    }

    public String writerRole() {
        return writerRole;
    }

    /** Creates the roles if missing and sets what they may do; the same end state however often it runs. */
    public void apply(Connection admin) throws SQLException {
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try (Statement st = admin.createStatement()) {
            ensureRole(admin, st, loginRole, loginPassword);
            ensureRole(admin, st, writerRole, writerPassword);
            st.execute("ALTER ROLE " + loginRole + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            st.execute("ALTER ROLE " + writerRole + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            st.execute("ALTER ROLE " + loginRole + " SET default_transaction_read_only = on");
            String database = currentDatabase(st);
            st.execute("GRANT CONNECT ON DATABASE " + quoted(database) + " TO " + loginRole + ", " + writerRole);
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            st.execute("REVOKE CREATE ON SCHEMA " + schema + " FROM PUBLIC");
            st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + loginRole);
            st.execute("REVOKE CREATE ON SCHEMA " + schema + " FROM " + loginRole);
            st.execute("GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + writerRole);
            for (String table : existingRegistryTables(admin)) {
                st.execute("ALTER TABLE " + schema + "." + table + " OWNER TO " + writerRole);
            }
            st.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + loginRole);
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + loginRole);
            st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + writerRole + " IN SCHEMA " + schema
                    + " GRANT SELECT ON TABLES TO " + loginRole);
            admin.commit();
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(autoCommit);
        }
    }

    private static void ensureRole(Connection admin, Statement st, String role, Optional<String> password) throws SQLException {
        boolean exists;
        try (PreparedStatement q = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            q.setString(1, role);
            try (ResultSet rs = q.executeQuery()) {
                exists = rs.next();
            }
        }
        st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN");
        if (password.isPresent()) {
            // the server quotes the literal (format %L): no password text is ever spliced into SQL here
            String alter;
            try (PreparedStatement q = admin.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?::text, ?::text)")) {
                q.setString(1, role);
                q.setString(2, password.get());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    alter = rs.getString(1);
                }
            }
            st.execute(alter);
        }
    }

    private List<String> existingRegistryTables(Connection admin) throws SQLException {
        try (PreparedStatement q = admin.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename = ANY (?) ORDER BY tablename")) {
            q.setString(1, schema);
            q.setArray(2, admin.createArrayOf("text", REGISTRY_TABLES.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                List<String> tables = new java.util.ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
                return tables;
            }
        }
    }

    private static String currentDatabase(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A database name as a quoted identifier (it comes from the server, may hold any character but a NUL). */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String identifier(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + what + " must be a lower-case PostgreSQL identifier ([a-z_][a-z0-9_]*, at most 63)");
        }
        return name;
    }

    /** Role names default to {@code dinhdanh_registry_login} and {@code dinhdanh_registry_writer}, schema {@code public}. */
    public static final class Builder {
        private String loginRole = "dinhdanh_registry_login";
        private String writerRole = "dinhdanh_registry_writer";
        private String schema = "public";
        private String loginPassword;
        private String writerPassword;

        private Builder() {
        }

        public Builder loginRole(String name) {
            this.loginRole = name;
            return this;
        }

        public Builder writerRole(String name) {
            this.writerRole = name;
            return this;
        }

        public Builder schema(String name) {
            this.schema = name;
            return this;
        }

        /** Sets the login role's password (null or empty: left as it is). */
        public Builder loginPassword(String password) {
            this.loginPassword = password;
            return this;
        }

        /** Sets the writer role's password (null or empty: left as it is). */
        public Builder writerPassword(String password) {
            this.writerPassword = password;
            return this;
        }

        public RegistryDatabaseRoles build() {
            return new RegistryDatabaseRoles(this);
        }
    }
}

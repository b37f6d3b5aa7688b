package vn.dinhdanh.registry.cli;

import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.dinhdanh.registry.postgres.RegistryDatabaseRoles;

/**
 * Makes the registry's PostgreSQL database ready for a server: the database itself if it is missing, the login role
 * (read only) and the writer role, with their grants ({@link RegistryDatabaseRoles}). Idempotent; {@code ./dinhdanh
 * configure-postgres} runs it.
 *
 * <pre>
 * java -cp "keycloak/lib/lib/main/*:dinhdanh-registry.jar" vn.dinhdanh.registry.cli.RegistryRolesCommand \
 *     --jdbc-url jdbc:postgresql://host:5432/dinhdanh_registry [--admin-user postgres] \
 *     [--login-role dinhdanh_registry_login] [--writer-role dinhdanh_registry_writer] [--schema public]
 * </pre>
 *
 * Passwords come from the environment only, never from the command line: {@code DINHDANH_REGISTRY_DB_ADMIN_PASSWORD}
 * (the administrator's, to connect), {@code DINHDANH_REGISTRY_DB_PASSWORD} (the login role's) and
 * {@code DINHDANH_REGISTRY_DB_WRITER_PASSWORD} (the writer's); an unset role password leaves the role's as it is.
 * Exit code 0 when done, 2 on a usage error, 3 on a failure (SQL states only: no driver message is printed).
 */
public final class RegistryRolesCommand {

    static final String USAGE = "usage: RegistryRolesCommand --jdbc-url jdbc:postgresql://HOST:PORT/DATABASE [--admin-user U] "
            + "[--login-role NAME] [--writer-role NAME] [--schema NAME]";
    private static final String INVALID_CATALOG = "3D000";

    private RegistryRolesCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()::get, System.out, System.err));
    }

    static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> opts;
        RegistryDatabaseRoles roles;
        try {
            opts = parse(args);
            if (!opts.get("--jdbc-url").startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("--jdbc-url must be a PostgreSQL URL (jdbc:postgresql://...)");
            }
            roles = RegistryDatabaseRoles.builder()
                    .loginRole(opts.getOrDefault("--login-role", "dinhdanh_registry_login"))
                    .writerRole(opts.getOrDefault("--writer-role", "dinhdanh_registry_writer"))
                    .schema(opts.getOrDefault("--schema", "public"))
                    .loginPassword(env.apply("DINHDANH_REGISTRY_DB_PASSWORD"))
                    .writerPassword(env.apply("DINHDANH_REGISTRY_DB_WRITER_PASSWORD"))
                    .build();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String url = opts.get("--jdbc-url");
        String admin = opts.getOrDefault("--admin-user", "postgres");
        String adminPassword = env.apply("DINHDANH_REGISTRY_DB_ADMIN_PASSWORD");
        try {
            boolean created = false;
            Connection c;
            try {
                c = DriverManager.getConnection(url, admin, adminPassword);
            } catch (SQLException e) {
                if (!INVALID_CATALOG.equals(e.getSQLState())) {
                    throw e;
                }
                createDatabase(url, admin, adminPassword);
                created = true;
                c = DriverManager.getConnection(url, admin, adminPassword);
            }
            try (Connection connection = c) {
                roles.apply(connection);
            }
            out.printf("Registry database %s%s: login role %s (read only), writer role %s%n", databaseOf(url),
                    created ? " created" : " ready", roles.loginRole(), roles.writerRole());
            return 0;
        } catch (SQLException e) {
            err.println("Registry roles not set: " + ImportCitizensCommand.describe(e));
            return 3;
        }
    }

    /** CREATE DATABASE on the server's maintenance database {@code postgres} (it cannot run inside a transaction). */
    private static void createDatabase(String url, String admin, String password) throws SQLException {
        String database = databaseOf(url);
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new SQLException("The database " + database + " does not exist and its name is not a plain identifier: create it first", INVALID_CATALOG);
        }
        String maintenance = url.replaceFirst("(jdbc:postgresql://[^/]*/)[^?]*", "$1postgres");
        try (Connection c = DriverManager.getConnection(maintenance, admin, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
    }

    static String databaseOf(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path == null || path.length() < 2 ? "postgres" : path.substring(1);
    }

    static Map<String, String> parse(String[] args) {
        List<String> valued = List.of("--jdbc-url", "--admin-user", "--login-role", "--writer-role", "--schema");
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (key.equals("-h") || key.equals("--help")) {
                throw new IllegalArgumentException("Creates and grants the registry's PostgreSQL roles.");
            }
            if (!valued.contains(key)) {
                throw new IllegalArgumentException("Unknown option " + key);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + key);
            }
            opts.put(key, args[++i]);
        }
        if (!opts.containsKey("--jdbc-url")) {
            throw new IllegalArgumentException("Missing --jdbc-url");
        }
        return opts;
    }
}

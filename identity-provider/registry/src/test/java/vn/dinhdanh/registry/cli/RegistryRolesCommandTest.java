package vn.dinhdanh.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

class RegistryRolesCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return RegistryRolesCommand.run(args, env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void whenTheUrlIsMissingOrNotPostgres_thenUsageError() {
        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(run(Map.of(), "--jdbc-url", "jdbc:h2:mem:x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PostgreSQL URL");
        assertThat(run(Map.of(), "--jdbc-url", "jdbc:postgresql://h/db", "--login-role", "Robert'); DROP")).isEqualTo(2);
        assertThat(run(Map.of(), "--jdbc-url", "jdbc:postgresql://h/db", "--password", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option --password");
    }

    @Test
    void whenTheDatabaseIsNamed_thenItIsTakenFromTheUrl() {
        assertThat(RegistryRolesCommand.databaseOf("jdbc:postgresql://127.0.0.1:5432/dinhdanh_registry?sslmode=require"))
                .isEqualTo("dinhdanh_registry");
        assertThat(RegistryRolesCommand.databaseOf("jdbc:postgresql://127.0.0.1:5432/")).isEqualTo("postgres");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
    void whenTheDatabaseDoesNotExist_thenItIsCreatedWithTheRoles_andASecondRunChangesNothing() throws Exception {
        String base = System.getenv("REGISTRY_TEST_POSTGRES_URL");
        String admin = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_USER", "postgres");
        String adminPassword = System.getenv("REGISTRY_TEST_POSTGRES_PASSWORD");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String database = "registry_cmd_" + suffix;
        String login = "registry_cmd_login_" + suffix;
        String writer = "registry_cmd_writer_" + suffix;
        String url = base.replaceFirst("(jdbc:postgresql://[^/]*/)[^?]*", "$1" + database);
        Map<String, String> env = adminPassword == null ? Map.of() : Map.of("DINHDANH_REGISTRY_DB_ADMIN_PASSWORD", adminPassword);
        try {
            String[] args = {"--jdbc-url", url, "--admin-user", admin, "--login-role", login, "--writer-role", writer};
            assertThat(run(env, args)).as("%s", err).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(database + " created");
            assertThat(run(env, args)).as("%s", err).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(database + " ready");
            try (Connection c = DriverManager.getConnection(base, admin, adminPassword); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT rolname, rolcanlogin, rolsuper FROM pg_roles WHERE rolname IN ('" + login + "', '"
                            + writer + "') ORDER BY rolname")) {
                int roles = 0;
                while (rs.next()) {
                    roles++;
                    assertThat(rs.getBoolean(2)).isTrue();
                    assertThat(rs.getBoolean(3)).isFalse();
                }
                assertThat(roles).isEqualTo(2);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(base, admin, adminPassword); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                st.execute("DROP ROLE IF EXISTS " + login);
                st.execute("DROP ROLE IF EXISTS " + writer);
            }
        }
    }
}

package vn.dinhdanh.registry.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away schema for each test on the PostgreSQL named by {@code REGISTRY_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code REGISTRY_TEST_POSTGRES_USER}, default postgres, and
 * {@code REGISTRY_TEST_POSTGRES_PASSWORD}), dropped with everything in it after the test. {@link #url()} selects it.
 * Register it with {@code @RegisterExtension}.
 */
public final class PostgresTestSchema implements BeforeEachCallback, AfterEachCallback {

    private final String baseUrl = System.getenv("REGISTRY_TEST_POSTGRES_URL");
    public final String user = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_USER", "postgres");
    public final String password = System.getenv("REGISTRY_TEST_POSTGRES_PASSWORD");
    private final String prefix;
    private String name;

    public PostgresTestSchema(String prefix) {
        this.prefix = prefix;
    }

    public String name() {
        return name;
    }

    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + name);
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private void execute(String ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
            c.createStatement().execute(ddl);
        }
    }
}

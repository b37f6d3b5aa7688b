package vn.dinhdanh.registry.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** A fresh in-memory H2 registry database, its schema updated by Liquibase, with a RESOURCE_LOCAL EntityManagerFactory (validating). */
public final class TestDatabase implements AutoCloseable {

    public final String url;
    private final Connection keepAlive;
    public final EntityManagerFactory emf;

    public TestDatabase() throws SQLException {
        this.url = "jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        this.keepAlive = DriverManager.getConnection(url, "sa", "");
        RegistryChangelog.update(keepAlive);
        this.emf = RegistryPersistence.resourceLocal(url, "sa", "", true, 100, Map.of());
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Runs the work in its own transaction. */
    public void inTransaction(Consumer<EntityManager> work) {
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        }
    }

    public long count(String table) throws SQLException {
        try (Connection c = connection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        emf.close();
        try (var st = keepAlive.createStatement()) {
            st.execute("SHUTDOWN");
        }
        keepAlive.close();
    }
}

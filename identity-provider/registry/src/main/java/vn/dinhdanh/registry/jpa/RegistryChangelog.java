package vn.dinhdanh.registry.jpa;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.statement.core.CreateDatabaseChangeLogLockTableStatement;
import liquibase.statement.core.InsertStatement;
import liquibase.statement.core.RawParameterizedSqlStatement;
import liquibase.ui.LoggerUIService;

/**
 * Schema of the population registry: the Liquibase changelog {@value #CHANGELOG}, run with the Liquibase that
 * Keycloak ships. Liquibase records each change set with its checksum in {@value #CHANGELOG_TABLE} and lets one
 * process at a time migrate, holding the row lock in {@value #LOCK_TABLE}: nodes starting together wait for each
 * other instead of failing. Both tables have names of their own, so the registry may share a database (or a
 * schema) with Keycloak's own Liquibase tables without mixing with them.
 * <p>
 * A database made by the earlier hand-written migrator (table {@value #LEGACY_VERSION_TABLE}) is adopted: its
 * tables are kept and the first change set is recorded as ran.
 * <p>
 * A process that dies while migrating leaves the lock taken; the others wait
 * {@code liquibase.changelogLockWaitTimeInMinutes} (5 by default) and fail. Clear it with
 * {@code UPDATE registry_changelog_lock SET locked = FALSE} once no node migrates.
 */
public final class RegistryChangelog {

    /** The changelog, a class-path resource of this jar. */
    public static final String CHANGELOG = "db/registry/changelog.xml";
    /** Liquibase's record of the change sets applied (its DATABASECHANGELOG). */
    public static final String CHANGELOG_TABLE = "registry_changelog";
    /** Liquibase's lock (its DATABASECHANGELOGLOCK). */
    public static final String LOCK_TABLE = "registry_changelog_lock";
    /** The version table of the earlier migrator; read only to adopt such a database. */
    public static final String LEGACY_VERSION_TABLE = "registry_schema_version";

    private static final Logger LOG = Logger.getLogger(RegistryChangelog.class);
    /** Seconds between two looks at a lock held by another node (Liquibase's default is 10). */
    private static final long LOCK_POLL_SECONDS = 1;

    private RegistryChangelog() {
    }

    /** Gets a connection from the data source, updates the schema and closes the connection. */
    public static int update(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return update(c);
        }
    }

    /**
     * Brings the schema to the newest change set, under Liquibase's lock. The connection must not take part in a
     * container (JTA) transaction: Liquibase commits on it. It is left open and its auto-commit mode restored.
     *
     * @return the number of change sets this call ran or, for an adopted database, marked as ran (0 when the
     *         schema was already current, also when another node migrated it meanwhile)
     * @throws SQLException if a change set fails, a checksum of an applied change set no longer matches, or the lock
     *         could not be taken in time; Liquibase's message (schema names and SQL, never row values) is the cause
     */
    public static int update(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        boolean autoCommit = connection.getAutoCommit();
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            database.setDatabaseChangeLogLockTableName(LOCK_TABLE);
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(RegistryChangelog.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    // no call to Liquibase's analytics endpoint from a server
                    AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                    liquibase.GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), LOCK_POLL_SECONDS);
            Scope.child(scope, () -> {
                // Liquibase 4.33's update command creates its changelog table before it takes the lock, so two
                // nodes on an empty database would both create it: take the lock first. The command then finds it
                // held by this Database (same lock service) and releases it when done.
                prepareLockTable(database);
                LockService lock = LockServiceFactory.getInstance().getLockService(database);
                lock.waitForLock();
                try {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, new Recorder(ran))
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .setOutput(OutputStream.nullOutputStream())
                            .execute();
                } finally {
                    lock.releaseLock();
                }
            });
        } catch (Exception e) {
            throw new SQLException("Population registry schema update failed", e);
        } finally {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        }
        if (ran.isEmpty()) {
            LOG.debug("Population registry schema is current");
        } else {
            LOG.infof("Population registry schema: %d change set(s) applied: %s", ran.size(), ran);
        }
        return ran.size();
    }

    /**
     * Creates the lock table and its single row unless present, tolerating another node doing the same at once.
     * Left to Liquibase, a node that saw the table empty clears it (DELETE, then INSERT) before it locks, which can
     * wipe the lock another node has just taken: both would then migrate. Here the row is inserted once and never
     * deleted, so Liquibase's {@code UPDATE ... WHERE locked = FALSE} is the only way to the lock. The table's
     * definition is Liquibase's own statement for the database at hand.
     */
    private static void prepareLockTable(Database database) throws Exception {
        Executor executor = Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
        String table = database.escapeTableName(database.getLiquibaseCatalogName(), database.getLiquibaseSchemaName(),
                database.getDatabaseChangeLogLockTableName());
        RawParameterizedSqlStatement count = new RawParameterizedSqlStatement("SELECT COUNT(*) FROM " + table);
        DatabaseException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                if (executor.queryForInt(count) > 0) {
                    database.commit();
                    return;
                }
            } catch (DatabaseException noTable) {
                database.rollback();
                try {
                    executor.execute(new CreateDatabaseChangeLogLockTableStatement());
                    database.commit();
                } catch (DatabaseException createdMeanwhile) {
                    database.rollback();
                    last = createdMeanwhile;
                }
                continue;
            }
            try {
                executor.execute(new InsertStatement(database.getLiquibaseCatalogName(),
                        database.getLiquibaseSchemaName(), database.getDatabaseChangeLogLockTableName())
                        .addColumnValue("ID", 1).addColumnValue("LOCKED", Boolean.FALSE));
                database.commit();
                return;
            } catch (DatabaseException insertedMeanwhile) {
                database.rollback();
                last = insertedMeanwhile;
                Thread.sleep(50L * (attempt + 1));
            }
        }
        throw new DatabaseException("Could not prepare the lock table " + table, last);
    }

    /** Ids of the change sets recorded in {@value #CHANGELOG_TABLE}, in the order they were applied. */
    public static List<String> appliedChangeSets(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM " + CHANGELOG_TABLE + " ORDER BY orderexecuted")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Counts the change sets Liquibase ran or marked as ran in this call. */
    private static final class Recorder extends AbstractChangeExecListener {
        private final List<String> ran;

        Recorder(List<String> ran) {
            this.ran = ran;
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
                ChangeSet.ExecType execType) {
            if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.MARK_RAN) {
                ran.add(changeSet.getId() + (execType == ChangeSet.ExecType.MARK_RAN ? " (adopted)" : ""));
            }
        }
    }
}

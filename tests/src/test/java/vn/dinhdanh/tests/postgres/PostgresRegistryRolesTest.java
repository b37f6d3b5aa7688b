package vn.dinhdanh.tests.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * The registry on PostgreSQL as {@code ./dinhdanh configure-postgres} sets it up: logins look citizens up as a role
 * that may only SELECT, whatever writes (the CSV import) connects as the writer role, and a registry slower than the
 * statement timeout (a lock held on the citizen table) answers the login with the registry_unavailable page.
 */
@Tag("postgres")
class PostgresRegistryRolesTest {

    private static final String PASSWORD = "Pg-Roles-Test-2026!";
    static DinhdanhServer server;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.postgres();
    }

    @Test
    void whenTheLoginRoleTriesToWrite_thenPostgresRefusesIt_evenWithReadOnlyTurnedOff() throws Exception {
        try (Connection login = registryAs(DinhdanhServer.POSTGRES_REGISTRY_LOGIN_ROLE); Statement st = login.createStatement()) {
            assertThat(count(st, "select count(*) from registry_citizen")).isGreaterThanOrEqualTo(1000);
            String update = "update registry_citizen set full_name = full_name where personal_id_number = '" + DemoCitizens.NGOC.pin() + "'";
            // its sessions are read-only by default (25006), and without that it has no right to write (42501)
            assertThatThrownBy(() -> st.executeUpdate(update)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
            st.execute("set default_transaction_read_only = off");
            for (String write : new String[] {update,
                    "delete from registry_card where personal_id_number = '" + DemoCitizens.NGOC.pin() + "'",
                    "insert into registry_changelog_lock (id, locked) values (99, false)",
                    "truncate registry_citizen cascade",
                    "create table registry_intruder (x int)"}) {
                assertThatThrownBy(() -> st.execute(write)).as(write).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
        }
        try (Connection admin = registryAs("postgres"); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("select tablename, tableowner from pg_tables where tablename like 'registry_%' order by 1")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                assertThat(rs.getString(2)).as("owner of %s", rs.getString(1)).isEqualTo(DinhdanhServer.POSTGRES_REGISTRY_WRITER_ROLE);
            }
            assertThat(tables).as("registry tables made by the writer's Liquibase run").isEqualTo(4);
        }
    }

    @Test
    void whenAFreshCitizenRegistersLogsInAndProvesTheCard_thenTheLevelIsRaised_andTheImportWritesAsTheWriter() throws Exception {
        RelyingParty portal = RelyingParty.portal(server);
        FreshCitizens.Citizen citizen = CitizenRegistration.register(server, portal, FreshCitizens.nextWithUsableCard(), PASSWORD);
        ChipCardPage.proveCardAfterPassword(server, portal, citizen.pin(), PASSWORD);
        AdminApi admin = new AdminApi(server);
        String userId = admin.userId(citizen.pin()).orElseThrow();
        assertThat(admin.user(userId).getList("attributes.account_level", String.class)).containsExactly("2");

        var result = admin.importCitizens(FreshCitizens.Citizen.HEADER + "\n"
                + citizen.csvLineWith(FreshCitizens.Citizen.PLACE_OF_RESIDENCE, "Phường Đổi Mới, Hà Nội") + "\n");
        assertThat(result.getInt("rowsWritten")).isEqualTo(1);
        try (Connection login = registryAs(DinhdanhServer.POSTGRES_REGISTRY_LOGIN_ROLE); Statement st = login.createStatement();
                ResultSet rs = st.executeQuery("select place_of_residence from registry_citizen where personal_id_number = '" + citizen.pin() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Phường Đổi Mới, Hà Nội");
        }
    }

    @Test
    void whenTheCitizenTableIsLockedLongerThanTheStatementTimeout_thenTheLoginAnswersRegistryUnavailable_andWorksOnceReleased() throws Exception {
        RelyingParty portal = RelyingParty.portal(server);
        AdminApi admin = new AdminApi(server);
        Set<String> before = admin.eventIds("LOGIN_ERROR");
        try (Connection locker = registryAs("postgres"); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("lock table registry_citizen in access exclusive mode");
            Browser browser = new Browser();
            Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, portal.authorize("openid")),
                    DemoCitizens.AN.pin(), DemoCitizens.AN.password());
            Response page = browser.followWithin(answer, server.baseUrl());
            assertThat(page.statusCode()).as("page:\n%s", page.asString()).isEqualTo(503);
            // the theme's registryUnavailableMessage, in Vietnamese (the default) or English
            assertThat(page.asString()).containsAnyOf("Cơ sở dữ liệu quốc gia về dân cư", "national population registry")
                    .doesNotContain("Exception");
            locker.rollback();
        }
        Map<String, Object> event = admin.awaitNewEvent("LOGIN_ERROR", before, e -> "registry_unavailable".equals(e.get("error")),
                "a LOGIN_ERROR event registry_unavailable");
        assertThat(String.valueOf(event.get("details"))).doesNotContain(DemoCitizens.AN.pin());

        CitizenLogin.login(new Browser(), portal, portal.authorize("openid"), DemoCitizens.AN.pin(), DemoCitizens.AN.password());
    }

    private static Connection registryAs(String role) throws SQLException {
        String url = System.getProperty("dinhdanh.postgres.url", "jdbc:postgresql://127.0.0.1:5432/") + DinhdanhServer.POSTGRES_REGISTRY_DB;
        String password = "postgres".equals(role) ? System.getProperty("dinhdanh.postgres.password", "") : "";
        return DriverManager.getConnection(url, "postgres".equals(role) ? System.getProperty("dinhdanh.postgres.user", "postgres") : role, password);
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

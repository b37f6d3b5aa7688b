package vn.dinhdanh.tests.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * The same server, rebuilt with {@code ./dinhdanh configure-postgres}: Keycloak's database and the population
 * registry on PostgreSQL. Runs with {@code ./dinhdanh test-postgres}.
 */
@Tag("postgres")
class PostgresServerTest {

    static DinhdanhServer server;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.postgres();
    }

    @Test
    void whenTheServerStartsOnPostgres_thenTheRegistrySchemaIsUpdatedByLiquibaseAndTheDemoCitizensAreSeeded() throws Exception {
        try (Connection c = registry(); Statement st = c.createStatement()) {
            assertThat(count(st, "select count(*) from registry_citizen")).isGreaterThanOrEqualTo(1000);
            // Liquibase's record of the registry changelog (vn.dinhdanh.registry.jpa.RegistryChangelog), lock released
            assertThat(count(st, "select count(*) from registry_changelog where id = 'registry-1-citizens-and-cards'")).isEqualTo(1);
            assertThat(count(st, "select count(*) from registry_changelog_lock where locked")).isZero();
        }
    }

    @Test
    void whenACitizenLogsIn_thenTheRegistryOnPostgresIsCheckedAndTheAccountLivesInKeycloaksPostgresDatabase() throws Exception {
        RelyingParty portal = RelyingParty.portal(server);
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo("low");

        String url = System.getProperty("dinhdanh.postgres.url", "jdbc:postgresql://127.0.0.1:5432/") + DinhdanhServer.POSTGRES_KEYCLOAK_DB;
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement st = c.createStatement()) {
            assertThat(count(st, "select count(*) from user_entity where username = '" + DemoCitizens.NGOC.pin() + "'")).isEqualTo(1);
        }
    }

    @Test
    void whenTheDeceasedCitizenLogsIn_thenTheRegistryOnPostgresRefusesIt() {
        RelyingParty portal = RelyingParty.portal(server);
        Browser browser = new Browser();
        var answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, portal.authorize("openid")),
                DemoCitizens.HUNG_DECEASED.pin(), DemoCitizens.HUNG_DECEASED.password());
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    private static Connection registry() throws Exception {
        String url = System.getProperty("dinhdanh.postgres.url", "jdbc:postgresql://127.0.0.1:5432/") + DinhdanhServer.POSTGRES_REGISTRY_DB;
        return DriverManager.getConnection(url, user(), password());
    }

    private static String user() {
        return System.getProperty("dinhdanh.postgres.user", "postgres");
    }

    private static String password() {
        return System.getProperty("dinhdanh.postgres.password", "");
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

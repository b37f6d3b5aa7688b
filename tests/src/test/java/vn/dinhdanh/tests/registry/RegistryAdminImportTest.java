package vn.dinhdanh.tests.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.DinhdanhServer;

/** An administrator imports citizens from CSV into the registry of a running server. */
class RegistryAdminImportTest {

    static final String HEADER = "personal_id_number,full_name,date_of_birth,sex,nationality,ethnicity,religion,"
            + "place_of_origin,place_of_residence,life_status,card_number,card_issue_date,card_expiry_date,card_status\n";
    // Two synthetic citizens and one row whose province code does not exist (line 4).
    static final String CSV = HEADER
            + "092199004401,Lâm Thị Thu,1999-04-04,F,Việt Nam,Kinh,Không,Cần Thơ,\"Phường An Hòa, Quận Ninh Kiều, Cần Thơ\",LIVING,092199004401,2022-01-01,2039-04-04,VALID\n"
            + "094087004402,Thạch Văn Sơn,1987-09-09,M,Việt Nam,Khmer,Phật giáo,Sóc Trăng,\"Phường 1, TP Sóc Trăng, Sóc Trăng\",LIVING,094087004402,2021-03-03,2027-09-09,VALID\n"
            + "000090004403,Không Tồn Tại,1990-01-01,M,Việt Nam,Kinh,Không,Hà Nội,Hà Nội,LIVING,,,,\n";

    static DinhdanhServer server;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
    }

    static String masterAdminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String endpoint(String path) {
        return server.baseUrl() + "/realms/master/registry-admin/" + path;
    }

    static long citizens(String token) {
        return given().auth().oauth2(token).get(endpoint("status")).then().statusCode(200).extract().jsonPath().getLong("citizens");
    }

    @Test
    void whenAnAdministratorImportsCsv_thenGoodRowsLandBadRowsAreReportedWithTheirLineAndReImportUpdates() {
        String token = masterAdminToken();
        long before = citizens(token);

        JsonPath first = given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(CSV)
                .post(endpoint("import")).then().statusCode(200).extract().jsonPath();
        assertThat(first.getLong("rowsRead")).isEqualTo(3);
        assertThat(first.getLong("rowsWritten")).isEqualTo(2);
        assertThat(first.getLong("rowsRejected")).isEqualTo(1);
        assertThat(first.getMap("rejectionsByCode")).containsKey("pin.unknown_province");
        assertThat(first.getString("errorReport")).contains("4,pin.unknown_province");
        assertThat(first.getString("errorReport")).as("the report names no person").doesNotContain("Không Tồn Tại");
        assertThat(citizens(token)).isEqualTo(before + 2);

        JsonPath again = given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(CSV)
                .post(endpoint("import")).then().statusCode(200).extract().jsonPath();
        assertThat(again.getLong("rowsWritten")).isEqualTo(2);
        assertThat(citizens(token)).as("re-importing updates, never duplicates").isEqualTo(before + 2);
    }

    @Test
    void whenNoTokenIsPresented_thenTheImportIsRefusedWith401() {
        given().contentType("text/csv").body(CSV).post(endpoint("import")).then().statusCode(401)
                .body("error", org.hamcrest.Matchers.equalTo("not_authenticated"));
    }
}

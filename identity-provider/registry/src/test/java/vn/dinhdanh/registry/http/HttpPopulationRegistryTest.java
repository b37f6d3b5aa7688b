package vn.dinhdanh.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.RegistryUnavailableException;
import vn.dinhdanh.registry.Sex;

class HttpPopulationRegistryTest {

    private HttpServer server;
    /** path -> status and body */
    private final Map<String, Map.Entry<Integer, String>> routes = new ConcurrentHashMap<>();
    private volatile String lastAuthorization;
    private HttpPopulationRegistry registry;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/registry/", this::handle);
        server.start();
        registry = HttpPopulationRegistry.builder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry"))
                .timeout(Duration.ofSeconds(2)).header("Authorization", "Bearer test-token").build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map.Entry<Integer, String> route = routes.getOrDefault(exchange.getRequestURI().getPath(),
                Map.entry(404, "{\"error\":\"not_found\"}"));
        byte[] body = route.getValue().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(route.getKey(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static PersonalIdNumber pin(String s) throws Exception {
        return PersonalIdNumber.parse(s);
    }

    @Test
    void whenCitizenExists_thenItIsMappedFromJson() throws Exception {
        routes.put("/registry/citizens/079195012346", Map.entry(200, """
                {"personalIdNumber":"079195012346","fullName":"Trần Thị Bích Ngọc","dateOfBirth":"1995-07-02",
                 "sex":"F","nationality":"Việt Nam","ethnicity":"Kinh","religion":"Không",
                 "placeOfOrigin":"Hồ Chí Minh","placeOfResidence":"Phường Bến Nghé, Quận 1, Hồ Chí Minh",
                 "lifeStatus":"LIVING","someFutureField":42}"""));

        Citizen c = registry.findCitizen(pin("079195012346")).orElseThrow();

        assertThat(c.fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(c.sex()).isEqualTo(Sex.FEMALE);
        assertThat(c.dateOfBirth()).hasToString("1995-07-02");
        assertThat(c.placeOfResidence()).isEqualTo("Phường Bến Nghé, Quận 1, Hồ Chí Minh");
        assertThat(c.lifeStatus()).isEqualTo(LifeStatus.LIVING);
        assertThat(lastAuthorization).isEqualTo("Bearer test-token");
    }

    @Test
    void whenCitizenUnknown_thenEmpty() throws Exception {
        assertThat(registry.findCitizen(pin("001090012345"))).isEmpty();
        assertThat(registry.cards(pin("001090012345"))).isEmpty();
        assertThat(registry.currentCard(pin("001090012345"))).isEmpty();
    }

    @Test
    void whenCardsExist_thenNewestFirst() throws Exception {
        routes.put("/registry/citizens/036201005555/cards", Map.entry(200, """
                [{"cardNumber":"C36201005555","issueDate":"2016-05-01","expiryDate":"2023-02-02","status":"REPLACED"},
                 {"cardNumber":"036201005555","issueDate":"2023-02-02","expiryDate":"2041-05-09","status":"VALID"},
                 {"cardNumber":"X36201005555","issueDate":"2019-01-01","expiryDate":null,"status":"revoked"}]"""));

        List<IdentityCard> cards = registry.cards(pin("036201005555"));

        assertThat(cards).extracting(IdentityCard::status)
                .containsExactly(CardStatus.VALID, CardStatus.REVOKED, CardStatus.REPLACED);
        assertThat(registry.currentCard(pin("036201005555")).orElseThrow().expiryDate())
                .isEqualTo(LocalDate.of(2041, 5, 9));
        assertThat(cards.get(1).expiryDate()).isNull();
    }

    @Test
    void whenCountOffered_thenReturned_otherwiseMinusOne() {
        assertThat(registry.countCitizens()).isEqualTo(-1);
        routes.put("/registry/citizens/count", Map.entry(200, "{\"count\": 98000000}"));
        assertThat(registry.countCitizens()).isEqualTo(98_000_000L);
    }

    @Test
    void whenServerFails_thenUnavailableWithoutPersonalData() {
        routes.put("/registry/citizens/001090012345", Map.entry(503, "{}"));

        assertThatThrownBy(() -> registry.findCitizen(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("503")
                .hasMessageNotContaining("001090012345");
    }

    @Test
    void whenBodyIsMalformed_thenUnavailableWithoutEchoingTheBody() {
        routes.put("/registry/citizens/001090012345", Map.entry(200, "{\"fullName\":\"Nguyễn Văn An\", oops"));
        routes.put("/registry/citizens/001090012345/cards", Map.entry(200, "{\"not\":\"an array\"}"));
        routes.put("/registry/citizens/079195012346", Map.entry(200, """
                {"personalIdNumber":"079195012346","fullName":"Trần Thị Bích Ngọc","dateOfBirth":"02/07/1995",
                 "sex":"F","lifeStatus":"LIVING"}"""));

        assertThatThrownBy(() -> registry.findCitizen(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageNotContaining("Nguyễn");
        assertThatThrownBy(() -> registry.cards(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThatThrownBy(() -> registry.findCitizen(pin("079195012346")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageNotContaining("1995");
    }

    @Test
    void whenTheAnswerIsForAnotherNumber_thenUnavailable() {
        routes.put("/registry/citizens/001090012345", Map.entry(200, """
                {"personalIdNumber":"079195012346","fullName":"Trần Thị Bích Ngọc","dateOfBirth":"1995-07-02",
                 "sex":"F","lifeStatus":"LIVING"}"""));

        assertThatThrownBy(() -> registry.findCitizen(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("another");
    }

    @Test
    void whenServerIsDown_thenUnavailable() throws Exception {
        server.stop(0);

        assertThatThrownBy(() -> registry.findCitizen(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageNotContaining("001090012345");
    }

    @Test
    void whenA404HasNotTheContractsBody_thenItIsAWrongBaseUrl_notAnUnknownCitizen() {
        routes.put("/registry/citizens/001090012345", Map.entry(404, "<html><body>Not Found</body></html>"));
        routes.put("/registry/citizens/001090012345/cards", Map.entry(404, ""));

        assertThatThrownBy(() -> registry.findCitizen(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("base URL").hasMessageNotContaining("001090012345");
        assertThatThrownBy(() -> registry.cards(pin("001090012345"))).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void whenTheAnswerIsHuge_thenItIsNotReadPastTheCap() {
        routes.put("/registry/citizens/001090012345", Map.entry(200, "{\"fullName\":\"" + "A".repeat(2_000_000) + "\"}"));

        assertThatThrownBy(() -> registry.findCitizen(pin("001090012345")))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("exceeds");
    }

    @Test
    void whenBaseUriIsNotHttp_thenRejected() {
        assertThatThrownBy(() -> HttpPopulationRegistry.builder(URI.create("ftp://registry.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package vn.dinhdanh.idp.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

/** The HTTP SMS gateway against a gateway played by the test. */
class HttpSmsSenderFactoryTest {

    HttpServer gateway;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(202);

    @BeforeEach
    void startGateway() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            received.add(new ObjectMapper().readTree(exchange.getRequestBody()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        gateway.start();
        Config.ConfigProvider config = mock(Config.ConfigProvider.class);
        when(config.getProvider(SmsSenderSpi.NAME)).thenReturn(HttpSmsSenderFactory.ID);
        Config.init(config);
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    static SmsSender sender(String url, String token) {
        Config.Scope scope = mock(Config.Scope.class);
        when(scope.get("url")).thenReturn(url);
        when(scope.get("bearer-token")).thenReturn(token);
        when(scope.getInt(anyString(), anyInt())).thenAnswer(i -> i.getArgument(1));
        HttpSmsSenderFactory factory = new HttpSmsSenderFactory();
        factory.init(scope);
        return factory.create(null);
    }

    String url() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
    }

    @Test
    void whenAMessageIsSent_thenTheGatewayGetsTheNumberAndText_withTheToken() throws Exception {
        sender(url(), "gateway-token").send("+84912000001", "Ma dang nhap: 123456");

        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("to").asText()).isEqualTo("+84912000001");
        assertThat(received.get(0).path("text").asText()).isEqualTo("Ma dang nhap: 123456");
        assertThat(authorizations).containsExactly("Bearer gateway-token");
    }

    @Test
    void whenTheGatewayRefuses_thenTheMessageIsNotSent_andTheReasonNamesNoNumber() {
        status.set(503);
        assertThatThrownBy(() -> sender(url(), null).send("+84912000001", "x"))
                .isInstanceOf(SmsNotSentException.class).hasMessageContaining("HTTP 503").hasMessageNotContaining("912000001");
    }

    @Test
    void whenTheGatewayIsNotThere_thenTheMessageIsNotSent() {
        gateway.stop(0);
        assertThatThrownBy(() -> sender(url(), null).send("+84912000001", "x")).isInstanceOf(SmsNotSentException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void whenHttpIsTheGatewayButNoUrlIsSet_thenTheServerDoesNotStart() {
        assertThatThrownBy(() -> sender(null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--spi-sms-sender--http--url");
    }
}

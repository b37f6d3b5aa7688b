package vn.dinhdanh.idp.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * An SMS gateway reached over HTTPS: each message is one {@code POST} of {@code {"to": "+84...", "text": "..."}}
 * (JSON) to the configured URL, with {@code Authorization: Bearer <token>} when a token is set; any 2xx answer means
 * the gateway took the message. Options ({@code --spi-sms-sender--http--<name>}): {@code url} (required),
 * {@code bearer-token}, {@code timeout} (seconds, default 5). Selected at build time with
 * {@code --spi-sms-sender--provider=http}.
 */
public final class HttpSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "http";
    private static final ObjectMapper JSON = new ObjectMapper();

    private URI url;
    private String bearerToken;
    private Duration timeout;
    private HttpClient http;

    @Override
    public SmsSender create(KeycloakSession session) {
        return this::send;
    }

    private void send(String phoneNumber, String text) throws SmsNotSentException {
        if (url == null) {
            throw new SmsNotSentException("No SMS gateway URL is configured (spi-sms-sender--http--url)", null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("to", phoneNumber, "text", text));
            HttpResponse<Void> answer = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new SmsNotSentException("The SMS gateway answered HTTP " + answer.statusCode(), null);
            }
        } catch (IOException e) {
            throw new SmsNotSentException("The SMS gateway could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSentException("Interrupted while handing a message to the SMS gateway", e);
        }
    }

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("url");
        if (ID.equals(Config.getProvider(SmsSenderSpi.NAME)) && (configured == null || configured.isBlank())) {
            throw new IllegalStateException("dinhdanh: the SMS gateway is http but no URL is set (--spi-sms-sender--http--url)");
        }
        url = configured == null || configured.isBlank() ? null : URI.create(configured.trim());
        String token = config.get("bearer-token");
        bearerToken = token == null || token.isBlank() ? null : token.trim();
        timeout = Duration.ofSeconds(Math.max(1, Math.min(config.getInt("timeout", 5), 60)));
        http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("url").type("string").helpText("The gateway's URL; each message is one POST of JSON {to, text}").add()
                .property().name("bearer-token").type("password").helpText("Sent as Authorization: Bearer <token>").add()
                .property().name("timeout").type("int").defaultValue(5).helpText("Seconds to connect and to get an answer").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}

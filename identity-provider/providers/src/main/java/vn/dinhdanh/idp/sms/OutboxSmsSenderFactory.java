package vn.dinhdanh.idp.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.dinhdanh.idp.deployment.DeploymentProfile;

/**
 * The development SMS gateway: every message becomes one JSON line ({@code time}, {@code to}, {@code text}) appended
 * to an outbox file, by default {@code data/sms-outbox.jsonl} under the server's home. Nothing reaches a phone. The
 * server says so in its log at start, so that nobody runs it in production by mistake.
 */
public final class OutboxSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxSmsSenderFactory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path outbox;

    @Override
    public SmsSender create(KeycloakSession session) {
        return this::append;
    }

    private synchronized void append(String phoneNumber, String text) throws SmsNotSentException {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("to", phoneNumber);
        line.put("text", text);
        try {
            Files.createDirectories(outbox.toAbsolutePath().getParent());
            Files.writeString(outbox, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SmsNotSentException("The SMS outbox file could not be written", e);
        }
    }

    @Override
    public void init(Config.Scope config) {
        String chosen = Config.getProvider(SmsSenderSpi.NAME);
        DeploymentProfile.refuseInProduction(chosen == null || chosen.equals(ID),
                "the SMS gateway is the development outbox, which sends nothing; build the server with a real gateway "
                        + "(a provider of the sms-sender SPI in providers/, --spi-sms-sender--provider=<id>)");
        String file = config.get("file");
        outbox = file == null || file.isBlank()
                ? Path.of(System.getProperty("kc.home.dir", "."), "data", "sms-outbox.jsonl")
                : Path.of(file);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        LOG.warnf("SMS one-time codes are written to the development outbox %s and reach no phone. "
                + "Select a real gateway with --spi-sms-sender--provider.", outbox.toAbsolutePath().normalize());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("file").type("string")
                .helpText("The outbox file (JSON lines); default data/sms-outbox.jsonl under the server's home").add()
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

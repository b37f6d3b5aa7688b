package vn.dinhdanh.tests.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The back-channel logout endpoints of relying parties, played by the test on a loopback port: each client registered
 * with {@link #register} gets {@code /backchannel-logout/<client>} as its {@code backchannel.logout.url}, and every
 * logout token the server posts is kept.
 */
public final class BackChannelLogoutReceiver implements AutoCloseable {

    private final HttpServer http;
    private final AdminApi admin;
    private final List<String> registered = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    public BackChannelLogoutReceiver(AdminApi admin) {
        this.admin = admin;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/backchannel-logout", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            for (String pair : form.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    tokens.add(URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.US_ASCII));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.start();
    }

    /** Points this client's back-channel logout at this receiver, with the session id required in its tokens. */
    public BackChannelLogoutReceiver register(String clientId) {
        admin.setClientAttributes(clientId, Map.of(
                "backchannel.logout.url", "http://127.0.0.1:" + http.getAddress().getPort() + "/backchannel-logout/" + clientId,
                "backchannel.logout.session.required", "true"));
        registered.add(clientId);
        return this;
    }

    /** The raw logout tokens received so far, oldest first. */
    public List<String> tokens() {
        return tokens;
    }

    /** A logout token's claims: signed, or (for a client that has ID tokens encrypted, as the bank) encrypted then signed. */
    public static JWTClaimsSet claims(String logoutToken) {
        try {
            com.nimbusds.jwt.JWT jwt = com.nimbusds.jwt.JWTParser.parse(logoutToken);
            if (jwt instanceof com.nimbusds.jwt.EncryptedJWT encrypted) {
                encrypted.decrypt(new com.nimbusds.jose.crypto.RSADecrypter(DemoBank.decryptionKey()));
                return encrypted.getPayload().toSignedJWT().getJWTClaimsSet();
            }
            return jwt.getJWTClaimsSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of the first token received after {@code index} that is addressed to this client, if any. */
    public java.util.Optional<JWTClaimsSet> firstFor(String clientId, int index) {
        return tokens.subList(index, tokens.size()).stream().map(BackChannelLogoutReceiver::claims)
                .filter(c -> c.getAudience().contains(clientId)).findFirst();
    }

    /** Unregisters the clients and stops. */
    @Override
    public void close() {
        for (String client : registered) {
            admin.setClientAttributes(client, Map.of("backchannel.logout.url", "", "backchannel.logout.session.required", ""));
        }
        http.stop(0);
    }
}

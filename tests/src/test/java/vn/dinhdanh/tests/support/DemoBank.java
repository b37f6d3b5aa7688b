package vn.dinhdanh.tests.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.stream.Collectors;

/** The {@code demo-bank} relying party: a confidential client authenticating with {@code private_key_jwt}. */
public final class DemoBank {

    public static final String CLIENT_ID = "demo-bank";
    public static final String REDIRECT_URI = "http://localhost:3001/callback";
    /** The kid of the demo key in the client's registered JWKS. */
    public static final String KEY_ID = "demo-bank-demo-only-2026";

    private DemoBank() {
    }

    /** demo-bank signing its client assertions with the published DEMO ONLY key. */
    public static RelyingParty withDemoKey(DinhdanhServer server) {
        PrivateKey key = demoKey();
        return new RelyingParty(server, CLIENT_ID, REDIRECT_URI, tokenEndpoint -> assertion(tokenEndpoint, key, KEY_ID));
    }

    /** Someone claiming to be demo-bank, signing with a key of their own under the same kid. */
    public static RelyingParty withForeignKey(DinhdanhServer server) {
        PrivateKey key = foreignKey();
        return new RelyingParty(server, CLIENT_ID, REDIRECT_URI, tokenEndpoint -> assertion(tokenEndpoint, key, KEY_ID));
    }

    /** A fresh client assertion (new jti, short expiry) whose audience is the token endpoint. */
    public static PrivateKeyJWT assertion(URI tokenEndpoint, PrivateKey key, String kid) {
        try {
            return new PrivateKeyJWT(new ClientID(CLIENT_ID), tokenEndpoint, JWSAlgorithm.RS256, key, kid, null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** realm-config's demo-bank-private-key.pem: PKCS#8, after comment lines. */
    public static PrivateKey demoKey() {
        Path pem = Path.of(System.getProperty("dinhdanh.demo.dir", "../realm-config/src/main/resources/demo"), "demo-bank-private-key.pem");
        try {
            String base64 = Files.readAllLines(pem, StandardCharsets.US_ASCII).stream()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("-----") && !l.isBlank())
                    .collect(Collectors.joining());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-credentials access token of the demo bank with these scopes ({@code private_key_jwt}). */
    public static String clientCredentialsToken(DinhdanhServer server, String scope) throws Exception {
        java.net.URI tokenEndpoint = java.net.URI.create(server.realmUrl() + "/protocol/openid-connect/token");
        com.nimbusds.oauth2.sdk.TokenResponse response = com.nimbusds.oauth2.sdk.TokenResponse.parse(new com.nimbusds.oauth2.sdk.TokenRequest(
                tokenEndpoint, assertion(tokenEndpoint, demoKey(), KEY_ID), new com.nimbusds.oauth2.sdk.ClientCredentialsGrant(),
                com.nimbusds.oauth2.sdk.Scope.parse(scope)).toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("client credentials refused: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }
}

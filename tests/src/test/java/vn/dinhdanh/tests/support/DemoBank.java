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
        return new RelyingParty(server, CLIENT_ID, REDIRECT_URI, audience -> assertion(audience, key, KEY_ID)).fapi(dpopKey())
                .decryptingWith(decryptionKey());
    }

    /** realm-config's demo-bank-encryption-key.pem (DEMO ONLY): the key the bank's ID tokens and userinfo are encrypted to. */
    public static com.nimbusds.jose.jwk.RSAKey decryptionKey() {
        try {
            java.security.interfaces.RSAPrivateCrtKey key = (java.security.interfaces.RSAPrivateCrtKey) rsaKey("demo-bank-encryption-key.pem");
            java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new com.nimbusds.jose.jwk.RSAKey.Builder(pub).privateKey(key).keyID("demo-bank-enc-demo-only-2026").build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh DPoP key of the bank's (ES256), as a bank's server makes one per installation. */
    public static com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory dpopKey() {
        try {
            var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).generate();
            return new com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Someone claiming to be demo-bank, signing with a key of their own under the same kid. */
    public static RelyingParty withForeignKey(DinhdanhServer server) {
        PrivateKey key = foreignKey();
        return new RelyingParty(server, CLIENT_ID, REDIRECT_URI, audience -> assertion(audience, key, KEY_ID)).fapi(dpopKey());
    }

    /** A fresh client assertion (new jti, short expiry, PS256) for this audience (the issuer, under FAPI 2.0). */
    public static PrivateKeyJWT assertion(URI audience, PrivateKey key, String kid) {
        try {
            return new PrivateKeyJWT(new ClientID(CLIENT_ID), audience, JWSAlgorithm.PS256, key, kid, null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** realm-config's demo-bank-private-key.pem: PKCS#8, after comment lines. */
    public static PrivateKey demoKey() {
        return rsaKey("demo-bank-private-key.pem");
    }

    static PrivateKey rsaKey(String file) {
        Path pem = Path.of(System.getProperty("dinhdanh.demo.dir", "../realm-config/src/main/resources/demo"), file);
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

    /**
     * A client-credentials access token of the demo bank with these scopes ({@code private_key_jwt}), bound to a fresh
     * DPoP key of the bank's: every request with it carries a new proof of that key.
     */
    public static BankToken clientCredentialsToken(DinhdanhServer server, String scope) throws Exception {
        java.net.URI tokenEndpoint = java.net.URI.create(server.realmUrl() + "/protocol/openid-connect/token");
        com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory dpop = dpopKey();
        var http = new com.nimbusds.oauth2.sdk.TokenRequest(tokenEndpoint, assertion(URI.create(server.realmUrl()), demoKey(), KEY_ID),
                new com.nimbusds.oauth2.sdk.ClientCredentialsGrant(), com.nimbusds.oauth2.sdk.Scope.parse(scope)).toHTTPRequest();
        http.setDPoP(dpop.createDPoPJWT("POST", tokenEndpoint));
        com.nimbusds.oauth2.sdk.TokenResponse response = com.nimbusds.oauth2.sdk.TokenResponse.parse(http.send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("client credentials refused: " + response.toErrorResponse().getErrorObject());
        }
        return new BankToken(response.toSuccessResponse().getTokens().getAccessToken().getValue(), dpop);
    }

    /** A DPoP-bound access token of the bank and the key it is bound to. */
    public record BankToken(String value, com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory key) {

        /** A request to {@code url} with {@code method}, carrying the token and a fresh DPoP proof for them. */
        public io.restassured.specification.RequestSpecification on(String method, String url) {
            return io.restassured.RestAssured.given().header("Authorization", "DPoP " + value).header("DPoP", proof(method, url));
        }

        /** A fresh DPoP proof of the key for this request and token. */
        public String proof(String method, String url) {
            try {
                return key.createDPoPJWT(method, URI.create(url), new com.nimbusds.oauth2.sdk.token.DPoPAccessToken(value)).serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** POST to {@code url} with the token and its proof. */
        public io.restassured.response.Response post(String url) {
            return on("POST", url).post(url);
        }

        /** POST of a JSON body to {@code url} with the token and its proof. */
        public io.restassured.response.Response postJson(String url, String json) {
            return on("POST", url).contentType("application/json").body(json).post(url);
        }
    }
}

package vn.dinhdanh.tests.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.security.PrivateKey;

/**
 * The {@code demo-telecom} relying party: a telecom operator, type {@code telecom}, under the banks' FAPI 2.0 profile
 * ({@code private_key_jwt} with its DEMO ONLY key, PAR, DPoP); its ID tokens are signed, not encrypted.
 */
public final class DemoTelecom {

    public static final String CLIENT_ID = "demo-telecom";
    public static final String REDIRECT_URI = "http://localhost:3003/callback";
    public static final String KEY_ID = "demo-telecom-demo-only-2026";

    private DemoTelecom() {
    }

    public static RelyingParty withDemoKey(DinhdanhServer server) {
        PrivateKey key = DemoBank.rsaKey("demo-telecom-private-key.pem");
        return new RelyingParty(server, CLIENT_ID, REDIRECT_URI, audience -> assertion(audience, key)).fapi(DemoBank.dpopKey());
    }

    static PrivateKeyJWT assertion(URI audience, PrivateKey key) {
        try {
            return new PrivateKeyJWT(new ClientID(CLIENT_ID), audience, JWSAlgorithm.PS256, key, KEY_ID, null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.dinhdanh.tests.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URL;
import java.util.function.Consumer;
import java.util.function.Function;

/** A relying party built on the Nimbus OAuth 2.0 / OpenID Connect SDK, as a real client would be. */
public final class RelyingParty {

    private final ClientID clientId;
    private final URI redirectUri;
    /** Client authentication for a token request to the given token endpoint; null for a public client. */
    private final Function<URI, ClientAuthentication> clientAuthentication;
    private final OIDCProviderMetadata metadata;
    /** Whether authorization requests are pushed first (PAR, RFC 9126), as FAPI 2.0 requires of banks. */
    private final boolean pushed;
    /** The client's DPoP key (RFC 9449): token requests carry a proof and its tokens are bound to the key; null: bearer. */
    private final com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory dpop;
    /** The client's decryption key when its ID tokens and userinfo come encrypted (JWE); null: signed only. */
    private final com.nimbusds.jose.jwk.RSAKey decryptionKey;

    public RelyingParty(DinhdanhServer server, String clientId, String redirectUri, ClientAuthentication clientAuthentication) {
        this(server, clientId, redirectUri, clientAuthentication == null ? null : (Function<URI, ClientAuthentication>) endpoint -> clientAuthentication);
    }

    /**
     * A client that authenticates afresh for every token request, as {@code private_key_jwt} must (a client
     * assertion is single-use): the function gets the discovered token endpoint, the assertion's audience.
     */
    public RelyingParty(DinhdanhServer server, String clientId, String redirectUri, Function<URI, ClientAuthentication> clientAuthentication) {
        this.clientId = new ClientID(clientId);
        this.redirectUri = URI.create(redirectUri);
        this.clientAuthentication = clientAuthentication;
        this.pushed = false;
        this.dpop = null;
        this.decryptionKey = null;
        try {
            this.metadata = OIDCProviderMetadata.resolve(new Issuer(server.realmUrl()));
        } catch (Exception e) {
            throw new IllegalStateException("Discovery failed", e);
        }
    }

    private RelyingParty(RelyingParty base, boolean pushed, com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory dpop,
                         com.nimbusds.jose.jwk.RSAKey decryptionKey) {
        this.clientId = base.clientId;
        this.redirectUri = base.redirectUri;
        this.clientAuthentication = base.clientAuthentication;
        this.metadata = base.metadata;
        this.pushed = pushed;
        this.dpop = dpop;
        this.decryptionKey = decryptionKey;
    }

    private RelyingParty(RelyingParty base, OIDCProviderMetadata metadata) {
        this.clientId = base.clientId;
        this.redirectUri = base.redirectUri;
        this.clientAuthentication = base.clientAuthentication;
        this.metadata = metadata;
        this.pushed = base.pushed;
        this.dpop = base.dpop;
        this.decryptionKey = base.decryptionKey;
    }

    /**
     * The same client, sending its requests to one node of a cluster ({@code nodeOrigin}, e.g. {@code
     * http://localhost:8780}) instead of the balancer the issuer names: every endpoint of the discovery document moved to
     * that node, the issuer kept (tokens still name the cluster's one issuer).
     */
    public RelyingParty via(String nodeOrigin) {
        String issuer = metadata.getIssuer().getValue();
        URI issuerUri = URI.create(issuer);
        String publicOrigin = issuerUri.getScheme() + "://" + issuerUri.getRawAuthority();
        var json = metadata.toJSONObject();
        json.replaceAll((name, value) -> !"issuer".equals(name) && value instanceof String s && s.startsWith(publicOrigin + "/")
                ? nodeOrigin + s.substring(publicOrigin.length()) : value);
        try {
            return new RelyingParty(this, OIDCProviderMetadata.parse(json));
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("discovery document of " + issuer, e);
        }
    }

    /** The same client, whose ID tokens and userinfo arrive encrypted to this key (RSA-OAEP-256, A256GCM). */
    public RelyingParty decryptingWith(com.nimbusds.jose.jwk.RSAKey key) {
        return new RelyingParty(this, pushed, dpop, key);
    }

    /** The same client, pushing its authorization requests (PAR) and proving possession of this DPoP key. */
    public RelyingParty fapi(com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory dpopKey) {
        return new RelyingParty(this, true, dpopKey, decryptionKey);
    }

    /** The same client without DPoP proofs (to see them refused). */
    public RelyingParty withoutDPoP() {
        return new RelyingParty(this, pushed, null, decryptionKey);
    }

    /** The same client, sending its authorization requests to the authorization endpoint directly (to see that refused). */
    public RelyingParty withoutPar() {
        return new RelyingParty(this, false, dpop, decryptionKey);
    }

    /** The audience of a client assertion: the issuer identifier, as FAPI 2.0 requires (Keycloak takes it at every endpoint). */
    URI assertionAudience() {
        return URI.create(metadata.getIssuer().getValue());
    }

    public static RelyingParty portal(DinhdanhServer server) {
        return new RelyingParty(server, "public-services-portal", "http://localhost:3000/callback", (ClientAuthentication) null);
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    public ClientID clientId() {
        return clientId;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** One authorization request, with its state, nonce and PKCE verifier. */
    public record Attempt(URI uri, State state, Nonce nonce, CodeVerifier verifier) {
    }

    public Attempt authorize(String scope) {
        return authorize(scope, b -> { });
    }

    public Attempt authorize(String scope, Consumer<AuthenticationRequest.Builder> customise) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(scope), clientId, redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        customise.accept(builder);
        AuthenticationRequest request = builder.build();
        if (!pushed) {
            return new Attempt(request.toURI(), state, nonce, verifier);
        }
        return new Attempt(push(request), state, nonce, verifier);
    }

    /** Pushes the request to the PAR endpoint; returns the authorization URL that carries only client_id and request_uri. */
    URI push(AuthenticationRequest request) {
        try {
            var par = new com.nimbusds.oauth2.sdk.PushedAuthorizationRequest(metadata.getPushedAuthorizationRequestEndpointURI(),
                    clientAuthentication.apply(assertionAudience()), request);
            var answer = com.nimbusds.oauth2.sdk.PushedAuthorizationResponse.parse(par.toHTTPRequest().send());
            if (!answer.indicatesSuccess()) {
                throw new AssertionError("pushed authorization request refused: " + answer.toErrorResponse().getErrorObject().toJSONObject());
            }
            return new AuthenticationRequest.Builder(answer.toSuccessResponse().getRequestURI(), clientId)
                    .endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();
        } catch (java.io.IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("PAR failed", e);
        }
    }

    public TokenResponse exchange(AuthorizationCode code, CodeVerifier verifier) {
        return token(new AuthorizationCodeGrant(code, redirectUri, verifier));
    }

    public TokenResponse token(AuthorizationGrant grant) {
        try {
            TokenRequest request = clientAuthentication == null
                    ? new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant)
                    : new TokenRequest(metadata.getTokenEndpointURI(), clientAuthentication.apply(assertionAudience()), grant);
            var http = request.toHTTPRequest();
            if (dpop != null) {
                http.setDPoP(dpop.createDPoPJWT("POST", metadata.getTokenEndpointURI()));
            }
            return OIDCTokenResponseParser.parse(http.send());
        } catch (Exception e) {
            throw new IllegalStateException("Token request failed", e);
        }
    }

    /** Token introspection (RFC 7662) of one of this client's tokens, the client authenticating as at the token endpoint. */
    public com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse introspect(com.nimbusds.oauth2.sdk.token.Token token) {
        try {
            var request = new com.nimbusds.oauth2.sdk.TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                    clientAuthentication.apply(assertionAudience()), token);
            var response = com.nimbusds.oauth2.sdk.TokenIntrospectionResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("introspection refused: " + response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse();
        } catch (java.io.IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("introspection failed", e);
        }
    }

    /** GET userinfo with the access token; fails unless the answer is a success. */
    public com.nimbusds.openid.connect.sdk.claims.UserInfo userInfo(com.nimbusds.oauth2.sdk.token.AccessToken accessToken) {
        try {
            var response = com.nimbusds.openid.connect.sdk.UserInfoResponse.parse(userInfoRequest(accessToken).send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("userinfo refused: " + response.toErrorResponse().getErrorObject());
            }
            var success = response.toSuccessResponse();
            if (success.getUserInfoJWT() != null) {
                return new com.nimbusds.openid.connect.sdk.claims.UserInfo(verifiedPayload(success.getUserInfoJWT()));
            }
            return success.getUserInfo();
        } catch (java.io.IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("userinfo request failed", e);
        }
    }

    /** The userinfo request for this token: a bearer token as is, a DPoP-bound one with a fresh proof of the client's key. */
    public com.nimbusds.oauth2.sdk.http.HTTPRequest userInfoRequest(com.nimbusds.oauth2.sdk.token.AccessToken accessToken) {
        URI endpoint = metadata.getUserInfoEndpointURI();
        if (accessToken instanceof com.nimbusds.oauth2.sdk.token.DPoPAccessToken bound) {
            var http = new com.nimbusds.openid.connect.sdk.UserInfoRequest(endpoint, bound).toHTTPRequest();
            try {
                http.setDPoP(dpop.createDPoPJWT("GET", endpoint, bound));
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
            return http;
        }
        return new com.nimbusds.openid.connect.sdk.UserInfoRequest(endpoint, (com.nimbusds.oauth2.sdk.token.BearerAccessToken) accessToken).toHTTPRequest();
    }

    /** A signed (and, for a client with a decryption key, encrypted) userinfo answer: decrypted, its signature checked. */
    com.nimbusds.jwt.JWTClaimsSet verifiedPayload(JWT jwt) {
        try {
            com.nimbusds.jwt.SignedJWT signed;
            if (jwt instanceof com.nimbusds.jwt.EncryptedJWT encrypted) {
                if (decryptionKey == null) {
                    throw new AssertionError("an encrypted answer for a client without a decryption key");
                }
                encrypted.decrypt(new com.nimbusds.jose.crypto.RSADecrypter(decryptionKey));
                signed = encrypted.getPayload().toSignedJWT();
            } else {
                signed = (com.nimbusds.jwt.SignedJWT) jwt;
            }
            var verifier = new com.nimbusds.jwt.proc.DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext>();
            verifier.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                    JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build()));
            return verifier.process(signed, null);
        } catch (Exception e) {
            throw new AssertionError("userinfo did not verify: " + e.getMessage(), e);
        }
    }

    /**
     * Validates signature (ES256, the realm's default, against the JWKS), issuer, audience, expiry and nonce; an
     * encrypted ID token is decrypted first with the client's key (and must be encrypted if the client has one).
     */
    public IDTokenClaimsSet validate(JWT idToken, Nonce nonce) {
        try {
            URL jwks = metadata.getJWKSetURI().toURL();
            var signatures = new com.nimbusds.jose.proc.JWSVerificationKeySelector<com.nimbusds.jose.proc.SecurityContext>(JWSAlgorithm.ES256,
                    JWKSourceBuilder.create(jwks).build());
            IDTokenValidator validator = decryptionKey == null
                    ? new IDTokenValidator(metadata.getIssuer(), clientId, signatures, null)
                    : new IDTokenValidator(metadata.getIssuer(), clientId, signatures,
                            new com.nimbusds.jose.proc.JWEDecryptionKeySelector<>(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256,
                                    com.nimbusds.jose.EncryptionMethod.A256GCM,
                                    new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet(decryptionKey))));
            if (decryptionKey != null && !(idToken instanceof com.nimbusds.jwt.EncryptedJWT)) {
                throw new AssertionError("the ID token of a client with an encryption key came unencrypted");
            }
            return validator.validate(idToken, nonce);
        } catch (Exception e) {
            throw new AssertionError("ID token did not validate: " + e.getMessage(), e);
        }
    }
}

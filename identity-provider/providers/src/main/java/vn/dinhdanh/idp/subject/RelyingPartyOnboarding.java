package vn.dinhdanh.idp.subject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dinhdanh.idp.consent.Purpose;
import vn.dinhdanh.idp.consent.RelyingPartyPurposes;

/**
 * A new relying party's client representation from its type: {@code ./dinhdanh onboard-client --type TYPE
 * --client-id ID --redirect-uri URI [--jwks-url URL] [--sector HOST] [--public] [--ekyc]} prints the JSON of one
 * client for the realm file's {@code clients} (or the admin REST API). The type gives the client policy (FAPI 2.0 for
 * banks and telecoms, OAuth 2.1 for government portals), the scopes and the subject type; nothing else is chosen here.
 */
public final class RelyingPartyOnboarding {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final List<String> DEFAULT_SCOPES = List.of("basic", "acr", "web-origins", "verified-claims");

    /** What the operator names. */
    public record Request(String type, String clientId, String redirectUri, String jwksUrl, String sector, boolean publicClient, boolean ekyc,
                          String purposesJson, String legalBasis) {

        public Request(String type, String clientId, String redirectUri, String jwksUrl, String sector, boolean publicClient, boolean ekyc) {
            this(type, clientId, redirectUri, jwksUrl, sector, publicClient, ekyc, null, null);
        }
    }

    /** A request this command refuses, with what to change. */
    public static final class InvalidOnboardingRequestException extends Exception {
        public InvalidOnboardingRequestException(String message) {
            super(message);
        }
    }

    private RelyingPartyOnboarding() {
    }

    public static ObjectNode client(Request request) throws InvalidOnboardingRequestException {
        RelyingPartyType type = RelyingPartyType.fromAttribute(request.type()).orElseThrow(() -> new InvalidOnboardingRequestException(
                "--type must be one of government, bank, telecom (got " + quoted(request.type()) + ")"));
        if (request.clientId() == null || !CLIENT_ID.matcher(request.clientId()).matches()) {
            throw new InvalidOnboardingRequestException("--client-id must be 3 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        }
        URI redirect = https("--redirect-uri", request.redirectUri());
        if (redirect.getRawFragment() != null || request.redirectUri().contains("*")) {
            throw new InvalidOnboardingRequestException("--redirect-uri must be one exact URI, without a fragment or a wildcard");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(RelyingPartyType.ATTRIBUTE, type.attributeValue());
        attributes.put("pkce.code.challenge.method", "S256");
        List<String> optionalScopes;
        ObjectNode client = new ObjectMapper().createObjectNode();
        client.put("clientId", request.clientId());
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("standardFlowEnabled", true);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        if (type.privateSector()) {
            if (request.publicClient()) {
                throw new InvalidOnboardingRequestException("--public: a " + type.attributeValue() + " is a confidential client (FAPI 2.0, private_key_jwt)");
            }
            https("--jwks-url", request.jwksUrl());
            String sector = request.sector() == null || request.sector().isBlank() ? redirect.getHost() : request.sector().trim();
            client.put("publicClient", false);
            client.put("clientAuthenticatorType", "client-jwt");
            client.put("serviceAccountsEnabled", request.ekyc());
            attributes.put(SectorIdentifier.ATTRIBUTE, SectorIdentifier.of(sector, List.of(), request.clientId()).value());
            attributes.put("use.jwks.url", "true");
            attributes.put("jwks.url", request.jwksUrl());
            attributes.put("token.endpoint.auth.signing.alg", "PS256");
            attributes.put("require.pushed.authorization.requests", "true");
            attributes.put("dpop.bound.access.tokens", "true");
            optionalScopes = type == RelyingPartyType.BANK ? List.of("profile", "address", "phone") : List.of("profile", "phone");
            if (request.ekyc()) {
                optionalScopes = new java.util.ArrayList<>(optionalScopes);
                optionalScopes.add("ekyc");
            }
        } else {
            if (request.jwksUrl() != null || request.sector() != null || request.ekyc()) {
                throw new InvalidOnboardingRequestException("--jwks-url, --sector and --ekyc are for banks and telecoms; a government portal has the public sub");
            }
            client.put("publicClient", request.publicClient());
            if (!request.publicClient()) {
                client.put("clientAuthenticatorType", "client-secret");
            }
            client.put("serviceAccountsEnabled", false);
            attributes.put("dinhdanh.government", "true");
            optionalScopes = List.of("profile", "address", "phone", "citizen_id");
        }
        purposes(type, request, optionalScopes, attributes);
        client.put("consentRequired", !attributes.containsKey(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE));
        client.putArray("redirectUris").add(request.redirectUri());
        ObjectNode attributeNode = client.putObject("attributes");
        attributes.forEach(attributeNode::put);
        DEFAULT_SCOPES.forEach(client.putArray("defaultClientScopes")::add);
        optionalScopes.forEach(client.putArray("optionalClientScopes")::add);
        return client;
    }

    /**
     * The purposes (Law 91/2025) the client declares: the operator's ({@code --purposes FILE}), or the type's standard
     * ones ({@value #STANDARD_PURPOSES}) keeping only the claims its scopes release. A government portal acts under a
     * legal basis ({@code --legal-basis}, or the standard one) and asks no consent; a bank or telecom asks for each purpose.
     */
    private static void purposes(RelyingPartyType type, Request request, List<String> optionalScopes, Map<String, String> attributes)
            throws InvalidOnboardingRequestException {
        java.util.Set<String> scopes = new java.util.HashSet<>(DEFAULT_SCOPES);
        scopes.addAll(optionalScopes);
        List<Purpose> purposes;
        ObjectMapper json = new ObjectMapper();
        try {
            if (request.purposesJson() != null) {
                purposes = RelyingPartyPurposes.parse(request.purposesJson());
            } else {
                com.fasterxml.jackson.databind.JsonNode standard;
                try (var in = RelyingPartyOnboarding.class.getClassLoader().getResourceAsStream(STANDARD_PURPOSES)) {
                    standard = json.readTree(in);
                }
                purposes = RelyingPartyPurposes.parse(standard.path(type.attributeValue()).toString()).stream()
                        .map(p -> new Purpose(p.id(), p.title(), p.description(),
                                p.claims().stream().filter(c -> scopes.contains(Purpose.SCOPE_OF_CLAIM.get(c))).toList()))
                        .filter(p -> !p.claims().isEmpty()).toList();
                if (!type.privateSector() && request.legalBasis() == null) {
                    attributes.put(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE, standard.path("governmentLegalBasis").asText());
                }
            }
        } catch (RelyingPartyPurposes.InvalidPurposesException e) {
            throw new InvalidOnboardingRequestException("--purposes: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (Purpose p : purposes) {
            for (String claim : p.claims()) {
                if (!scopes.contains(Purpose.SCOPE_OF_CLAIM.get(claim))) {
                    throw new InvalidOnboardingRequestException("--purposes: purpose " + p.id() + " needs " + claim + ", whose scope "
                            + Purpose.SCOPE_OF_CLAIM.get(claim) + " a " + type.attributeValue() + " does not get");
                }
            }
        }
        if (request.legalBasis() != null) {
            if (type.privateSector()) {
                throw new InvalidOnboardingRequestException("--legal-basis is for government portals; a bank or telecom asks for consent");
            }
            attributes.put(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE, request.legalBasis());
        }
        try {
            attributes.put(RelyingPartyPurposes.ATTRIBUTE, json.writeValueAsString(purposes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String STANDARD_PURPOSES = "META-INF/dinhdanh-standard-purposes.json";

    /** What the type gives, in one line for the operator. */
    public static String summary(ObjectNode client) {
        String type = client.path("attributes").path(RelyingPartyType.ATTRIBUTE).asText();
        boolean privateSector = RelyingPartyType.fromAttribute(type).map(RelyingPartyType::privateSector).orElse(false);
        return "type " + type + ": " + (privateSector
                ? "FAPI 2.0 with DPoP (PAR, private_key_jwt, DPoP-bound tokens); pairwise sub for sector "
                        + client.path("attributes").path(SectorIdentifier.ATTRIBUTE).asText()
                : "OAuth 2.1 (PKCE S256, no implicit or password grant, exact redirect URIs); public sub")
                + "; optional scopes " + client.path("optionalClientScopes")
                + (client.path("attributes").has(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE)
                        ? "; no consent asked, legal basis " + client.path("attributes").path(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE).asText()
                        : "; consent asked per purpose")
                + " (purposes in attribute " + RelyingPartyPurposes.ATTRIBUTE + ": review their wording)";
    }

    private static URI https(String option, String value) throws InvalidOnboardingRequestException {
        try {
            URI uri = value == null ? null : new URI(value);
            if (uri != null && "https".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new InvalidOnboardingRequestException(option + " must be an absolute https URL (got " + quoted(value) + ")");
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--public", "--ekyc" -> options.put(args[i], "true");
                case "--type", "--client-id", "--redirect-uri", "--jwks-url", "--sector", "--purposes", "--legal-basis" -> {
                    if (i + 1 >= args.length) {
                        fail(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                default -> fail("unknown option " + quoted(args[i]));
            }
        }
        try {
            String purposes = null;
            if (options.containsKey("--purposes")) {
                try {
                    purposes = java.nio.file.Files.readString(java.nio.file.Path.of(options.get("--purposes")));
                } catch (java.io.IOException e) {
                    fail("--purposes: cannot read " + quoted(options.get("--purposes")));
                }
            }
            ObjectNode client = client(new Request(options.get("--type"), options.get("--client-id"), options.get("--redirect-uri"),
                    options.get("--jwks-url"), options.get("--sector"), options.containsKey("--public"), options.containsKey("--ekyc"),
                    purposes, options.get("--legal-basis")));
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(client));
            System.err.println("dinhdanh: " + summary(client));
        } catch (InvalidOnboardingRequestException e) {
            fail(e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fail(String message) {
        System.err.println("dinhdanh: onboard-client: " + message);
        System.err.println("usage: ./dinhdanh onboard-client --type government|bank|telecom --client-id ID --redirect-uri https://... "
                + "[--jwks-url https://...] [--sector HOST] [--public] [--ekyc] [--purposes FILE] [--legal-basis CODE]");
        System.exit(2);
    }
}

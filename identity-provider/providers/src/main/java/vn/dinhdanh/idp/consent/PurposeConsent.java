package vn.dinhdanh.idp.consent;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Consent per purpose (Law 91/2025), as a required action that runs at the end of every login to a relying party that
 * declares purposes ({@link RelyingPartyPurposes}).
 * <ul>
 *   <li>A client under a legal basis gets the claims of its purposes with no page; the login event, and so the audit
 *       trail, says which basis and which purposes.</li>
 *   <li>Otherwise the purposes this request needs (those needing a scope it asks for, or one of the client's default
 *       scopes) that the citizen has not consented to are shown, each with the claims it needs, none ticked. Each
 *       ticked purpose is recorded as given, each left unticked as refused, with the exact wording shown
 *       ({@link ConsentRecords}); closing the page records nothing and releases nothing. If no purpose of the request
 *       stands given, the relying party gets {@code access_denied}.</li>
 *   <li>Keycloak's own consent to the client is kept to the scopes of the purposes given, so that the account console
 *       lists it and Keycloak refuses a refresh once it is withdrawn; the optional scopes of refused purposes are taken
 *       out of the request, and the claims of the purposes given are noted for the claim mappers
 *       ({@link ConsentedClaims}).</li>
 * </ul>
 */
public final class PurposeConsent implements RequiredActionProvider {

    public static final String ID = "dinhdanh-purpose-consent";
    private static final Logger LOG = Logger.getLogger(PurposeConsent.class);
    private static final String FORM = "login-purpose-consent.ftl";
    /** Auth note: the purposes this login has shown, with the wording and language shown (JSON). */
    private static final String NOTE_SHOWN = "dinhdanh.consent.shown";
    /** Auth note: the citizen decided in this login; the page is not shown again in it. */
    private static final String NOTE_DECIDED = "dinhdanh.consent.decided";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        ClientModel client = auth.getClient();
        Optional<RelyingPartyPurposes> declared = declaration(client, auth);
        if (declared.isEmpty() || auth.getAuthNote(NOTE_DECIDED) != null) {
            return;
        }
        RelyingPartyPurposes purposes = declared.get();
        List<Purpose> needed = needed(purposes, client, auth);
        if (purposes.legalBasis().isPresent()) {
            auth.setClientNote(ConsentedClaims.NOTE, ConsentedClaims.note(claimsOf(needed)));
            context.getEvent().detail("legal_basis", purposes.legalBasis().get()).detail("purposes", ids(needed));
            return;
        }
        keepOnlyScopesOf(auth, client, purposes.purposes()); // an optional scope no purpose needs is not asked for
        Set<String> given = standingGiven(context.getSession(), context.getRealm(), context.getUser(), client, purposes);
        auth.setClientNote(ConsentedClaims.NOTE, ConsentedClaims.note(claimsOf(purposes.purposes().stream().filter(p -> given.contains(p.id())).toList())));
        if (needed.stream().anyMatch(p -> !given.contains(p.id()))) {
            auth.addRequiredAction(ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        ClientModel client = auth.getClient();
        Optional<RelyingPartyPurposes> declared = declaration(client, auth);
        if (declared.isEmpty() || declared.get().legalBasis().isPresent()) {
            context.success();
            return;
        }
        Set<String> given = standingGiven(context.getSession(), context.getRealm(), context.getUser(), client, declared.get());
        List<Purpose> toAsk = needed(declared.get(), client, auth).stream().filter(p -> !given.contains(p.id())).toList();
        if (toAsk.isEmpty()) {
            context.success();
            return;
        }
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        ConsentWording wording = new ConsentWording(context.getSession(), client, locale);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Purpose p : toAsk) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", p.id());
            view.put("title", p.title(locale));
            view.put("description", p.description(locale));
            view.put("claims", wording.claims(p));
            view.put("wording", wording.of(p));
            shown.add(view);
        }
        try {
            auth.setAuthNote(NOTE_SHOWN, JSON.writeValueAsString(Map.of("locale", locale.toLanguageTag(), "purposes", shown)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.challenge(context.form()
                .setAttribute("consentRelyingParty", wording.relyingParty())
                .setAttribute("consentPurposes", shown)
                .setAttribute("consentAlreadyGiven", declared.get().purposes().stream().filter(p -> given.contains(p.id()))
                        .map(p -> p.title(locale)).toList())
                .createForm(FORM));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        ClientModel client = auth.getClient();
        Optional<RelyingPartyPurposes> declared = declaration(client, auth);
        Shown shown = Shown.of(auth.getAuthNote(NOTE_SHOWN));
        if (declared.isEmpty() || shown.purposes().isEmpty()) {
            requiredActionChallenge(context);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Set<String> ticked = "share".equals(form.getFirst("decision")) && form.get("purpose") != null
                ? new LinkedHashSet<>(form.get("purpose")) : Set.of();
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        Set<String> given = standingGiven(session, realm, user, client, declared.get()); // before this decision's records
        ConsentRecords records = new ConsentRecords(session);
        List<String> givenNow = new ArrayList<>();
        List<String> refusedNow = new ArrayList<>();
        for (Map<String, Object> p : shown.purposes()) {
            String id = (String) p.get("id");
            Optional<Purpose> purpose = declared.get().purpose(id);
            if (purpose.isEmpty()) {
                continue; // no longer declared: nothing to record, nothing to release
            }
            boolean yes = ticked.contains(id);
            (yes ? givenNow : refusedNow).add(id);
            records.add(ConsentRecord.decided(realm.getId(), user.getId(), client.getClientId(), id,
                    yes ? ConsentRecord.Decision.GIVEN : ConsentRecord.Decision.REFUSED, ConsentRecord.LOGIN_PAGE,
                    purpose.get().claims(), shown.locale(), (String) p.get("wording")));
        }
        given.addAll(givenNow);
        List<Purpose> givenPurposes = declared.get().purposes().stream().filter(p -> given.contains(p.id())).toList();
        auth.setAuthNote(NOTE_DECIDED, "true");
        auth.removeAuthNote(NOTE_SHOWN);
        context.getEvent().detail("purposes_given", String.join(" ", givenNow)).detail("purposes_refused", String.join(" ", refusedNow));
        if (needed(declared.get(), client, auth).stream().noneMatch(p -> given.contains(p.id()))) {
            auth.setClientNote(ConsentedClaims.NOTE, "");
            context.failure();
            return;
        }
        grantKeycloakConsent(session, realm, user, client, givenPurposes);
        keepOnlyScopesOf(auth, client, givenPurposes);
        auth.setClientNote(ConsentedClaims.NOTE, ConsentedClaims.note(claimsOf(givenPurposes)));
        context.success();
    }

    /** The client's declaration; an unusable one is logged (no personal data) and releases nothing. */
    private static Optional<RelyingPartyPurposes> declaration(ClientModel client, AuthenticationSessionModel auth) {
        try {
            return RelyingPartyPurposes.of(client);
        } catch (RelyingPartyPurposes.InvalidPurposesException e) {
            LOG.warnf("Client %s: %s; no claim of its purposes is released", client.getClientId(), e.getMessage());
            auth.setClientNote(ConsentedClaims.NOTE, "");
            return Optional.empty();
        }
    }

    /** The purposes this request needs: those needing a scope it asks for or one of the client's default scopes. */
    static List<Purpose> needed(RelyingPartyPurposes purposes, ClientModel client, AuthenticationSessionModel auth) {
        Set<String> inEffect = new LinkedHashSet<>(client.getClientScopes(true).keySet());
        String scope = auth.getClientNote(OAuth2Constants.SCOPE);
        if (scope != null) {
            inEffect.addAll(Arrays.asList(scope.trim().split("\\s+")));
        }
        return purposes.purposes().stream().filter(p -> p.scopes().stream().anyMatch(inEffect::contains)).toList();
    }

    /**
     * The purposes whose standing record is a consent to every claim the purpose needs today, while Keycloak's consent
     * to the client still exists. A purpose whose declaration has since grown a claim is asked again. If an
     * administrator removed Keycloak's consent, the purposes still given are recorded as withdrawn now.
     */
    static Set<String> standingGiven(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client,
                                     RelyingPartyPurposes declared) {
        ConsentRecords records = new ConsentRecords(session);
        Map<String, ConsentRecord> standing = records.given(realm.getId(), user.getId(), client.getClientId());
        Set<String> given = new LinkedHashSet<>(standing.keySet());
        if (!given.isEmpty() && session.users().getConsentByClient(realm, user.getId(), client.getId()) == null) {
            ConsentWithdrawal.record(records, realm, user, client, given, ConsentRecord.CONSENT_REMOVED);
            given.clear();
        }
        given.removeIf(id -> declared.purpose(id).map(p -> !standing.get(id).claims().containsAll(p.claims())).orElse(true));
        return given;
    }

    /** Keycloak's consent to the client: the scopes of the purposes given (the account console lists it). */
    static void grantKeycloakConsent(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client, List<Purpose> given) {
        Map<String, ClientScopeModel> scopes = new LinkedHashMap<>(client.getClientScopes(false));
        scopes.putAll(client.getClientScopes(true));
        UserConsentModel consent = new UserConsentModel(client);
        given.stream().flatMap(p -> p.scopes().stream()).distinct().map(scopes::get).filter(java.util.Objects::nonNull)
                .forEach(consent::addGrantedClientScope);
        if (session.users().getConsentByClient(realm, user.getId(), client.getId()) == null) {
            session.users().addConsent(realm, user.getId(), consent);
        } else {
            session.users().updateConsent(realm, user.getId(), consent);
        }
    }

    /** Takes the client's optional scopes that none of these purposes needs out of this request. */
    private static void keepOnlyScopesOf(AuthenticationSessionModel auth, ClientModel client, List<Purpose> given) {
        Set<String> needed = given.stream().flatMap(p -> p.scopes().stream()).collect(Collectors.toSet());
        Map<String, ClientScopeModel> optional = client.getClientScopes(false);
        String scope = auth.getClientNote(OAuth2Constants.SCOPE);
        if (scope != null) {
            auth.setClientNote(OAuth2Constants.SCOPE, Arrays.stream(scope.trim().split("\\s+"))
                    .filter(s -> !optional.containsKey(s) || needed.contains(s)).collect(Collectors.joining(" ")));
        }
        Set<String> dropped = optional.entrySet().stream().filter(e -> !needed.contains(e.getKey())).map(e -> e.getValue().getId())
                .collect(Collectors.toSet());
        auth.setClientScopes(auth.getClientScopes().stream().filter(id -> !dropped.contains(id)).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static List<String> claimsOf(List<Purpose> purposes) {
        return purposes.stream().flatMap(p -> p.claims().stream()).distinct().toList();
    }

    private static String ids(List<Purpose> purposes) {
        return purposes.stream().map(Purpose::id).collect(Collectors.joining(" "));
    }

    /** What the page showed in this login. */
    private record Shown(String locale, List<Map<String, Object>> purposes) {

        @SuppressWarnings("unchecked")
        static Shown of(String note) {
            if (note == null) {
                return new Shown(null, List.of());
            }
            try {
                Map<String, Object> read = JSON.readValue(note, Map.class);
                return new Shown((String) read.get("locale"), (List<Map<String, Object>>) read.get("purposes"));
            } catch (java.io.IOException e) {
                return new Shown(null, List.of());
            }
        }
    }

    @Override
    public void close() {
    }
}

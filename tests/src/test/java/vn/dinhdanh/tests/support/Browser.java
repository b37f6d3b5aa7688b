package vn.dinhdanh.tests.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal user agent over RestAssured: it keeps cookies like a browser, never follows redirects on its
 * own (so a test sees each hop), and reads forms out of the server's pages.
 */
public final class Browser {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private boolean consentsToEveryPurpose = true;
    /** The id of the required action that asks for consent per purpose. */
    static final String CONSENT_ACTION = "dinhdanh-purpose-consent";

    /**
     * A citizen who reads the consent page and decides: the page comes back to the test. By default a browser ticks
     * every purpose a relying party asks for and shares, as tests that are not about consent need.
     */
    public Browser decidingConsentItself() {
        consentsToEveryPurpose = false;
        return this;
    }

    /** Requests to {@code publicOrigin} go to {@code nodeOrigin} instead (one node of a cluster); null: as addressed. */
    private String publicOrigin;
    private String nodeOrigin;

    /**
     * From now on, sends what is addressed to {@code publicOrigin} (a cluster's balancer, as the server's pages and
     * redirects name it) to {@code nodeOrigin}, one node of the cluster, keeping the cookies: a browser whose requests
     * the balancer sends to that node.
     */
    public Browser via(String publicOrigin, String nodeOrigin) {
        this.publicOrigin = publicOrigin;
        this.nodeOrigin = nodeOrigin;
        return this;
    }

    private String routed(String url) {
        return publicOrigin != null && url.startsWith(publicOrigin + "/") ? nodeOrigin + url.substring(publicOrigin.length()) : url;
    }

    public Response get(String url) {
        return consentIfAsked(remember(given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false).get(routed(url))));
    }

    public Response postForm(String url, Map<String, String> form) {
        form.forEach((field, value) -> {
            if (TestSecrets.SECRET_FIELDS.contains(field)) {
                TestSecrets.record(value);
            }
        });
        return consentIfAsked(remember(given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post(routed(url))));
    }

    /** Ticks these purposes on the consent page and shares (none: shares nothing, which refuses). */
    public Response consentTo(Response consentPage, java.util.Collection<String> purposes) {
        String action = formAction(consentPage.asString(), "dd-consent-form");
        var request = given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("decision", "share");
        if (!purposes.isEmpty()) {
            request.formParam("purpose", purposes.toArray());
        }
        return consentIfAsked(remember(request.post(routed(action))));
    }

    /** The purposes a consent page asks about, in its order. */
    public static java.util.List<String> purposesAsked(Response page) {
        Matcher m = Pattern.compile("name=\"purpose\" value=\"([^\"]+)\"").matcher(page.asString());
        java.util.List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    public static boolean isConsentPage(Response r) {
        return r.statusCode() == 200 && r.asString().contains("id=\"dd-consent-form\"");
    }

    /** Whether this answer leads to the consent page: the page itself, or Keycloak's redirect to that required action. */
    public static boolean leadsToConsent(Response r) {
        return isConsentPage(r) || (isRedirect(r) && r.getHeader("Location").contains("/login-actions/required-action")
                && r.getHeader("Location").contains("execution=" + CONSENT_ACTION));
    }

    /** The consent page this answer leads to (it follows Keycloak's redirect to the required action). */
    public Response consentPage(Response r) {
        if (isConsentPage(r)) {
            return r;
        }
        Response page = remember(given().redirects().follow(false).cookies(cookies).urlEncodingEnabled(false).get(routed(r.getHeader("Location"))));
        if (!isConsentPage(page)) {
            throw new AssertionError("Not the consent page:\n" + page.asString());
        }
        return page;
    }

    private Response consentIfAsked(Response response) {
        if (!consentsToEveryPurpose || !leadsToConsent(response)) {
            return response;
        }
        Response page = consentPage(response);
        return consentTo(page, purposesAsked(page));
    }

    /** Follows redirects that stay on the server, stopping at a page or at a redirect that leaves it. */
    public Response followWithin(Response response, String serverBaseUrl) {
        Response current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            String location = current.getHeader("Location");
            if (!location.startsWith(serverBaseUrl)) {
                return current;
            }
            current = get(location);
        }
        return current;
    }

    public static boolean isRedirect(Response r) {
        return r.statusCode() >= 300 && r.statusCode() < 400 && r.getHeader("Location") != null;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public void forgetCookies() {
        cookies.clear();
    }

    private Response remember(Response response) {
        for (Cookie c : response.getDetailedCookies()) {
            if (c.getValue() == null || c.getValue().isEmpty() || c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        return response;
    }

    /** The action URL of the form with the given id, HTML entities resolved. */
    public static String formAction(String html, String formId) {
        Matcher form = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        if (!form.find()) {
            throw new AssertionError("No form " + formId + " in page:\n" + html);
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("Form " + formId + " has no action");
        }
        return action.group(1).replace("&amp;", "&");
    }

    /** The value of a query parameter of a redirect location. */
    public static String queryParam(String location, String name) {
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

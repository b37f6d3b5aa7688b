package vn.dinhdanh.realm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The realm a production server imports: the citizens realm as code without the relying parties that exist only for
 * the demo (a client whose attribute {@value #DEMO_ATTRIBUTE} is {@code true}: they redirect to localhost, and one of
 * them authenticates with a key published in demo/). An operator onboards the real relying parties.
 *
 * <p>Run at build time: {@code ProductionRealm <demo realm file> <production realm file>}.
 */
public final class ProductionRealm {

    public static final String DEMO_ATTRIBUTE = "dinhdanh.demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REDIRECT_URIS_EXECUTOR = "secure-redirect-uris-enforcer";
    static final List<String> HTTP_ALLOWANCES = List.of("allow-http-scheme", "allow-ipv4-loopback-address", "allow-ipv6-loopback-address");

    private ProductionRealm() {
    }

    /** The realm without its demo clients; the names of those removed are added to {@code removed}. */
    public static ObjectNode withoutDemoClients(ObjectNode realm, List<String> removed) {
        ObjectNode copy = realm.deepCopy();
        JsonNode clients = copy.path("clients");
        if (clients instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                JsonNode client = list.get(i);
                if ("true".equals(client.path("attributes").path(DEMO_ATTRIBUTE).asText())) {
                    removed.add(0, client.path("clientId").asText());
                    list.remove(i);
                }
            }
        }
        return copy;
    }

    /**
     * The realm whose redirect-URI rules (Keycloak's {@code secure-redirect-uris-enforcer}) allow https only: the demo
     * realm lets its demo portals redirect to http on loopback, a production server never does.
     */
    public static ObjectNode withHttpsRedirectsOnly(ObjectNode realm) {
        ObjectNode copy = realm.deepCopy();
        for (JsonNode profile : copy.path("clientProfiles").path("profiles")) {
            for (JsonNode executor : profile.path("executors")) {
                if (REDIRECT_URIS_EXECUTOR.equals(executor.path("executor").asText()) && executor.path("configuration") instanceof ObjectNode config) {
                    for (String allowance : HTTP_ALLOWANCES) {
                        config.put(allowance, "false");
                    }
                }
            }
        }
        return copy;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProductionRealm <demo realm file> <production realm file>");
            System.exit(2);
        }
        List<String> removed = new ArrayList<>();
        ObjectNode production = withHttpsRedirectsOnly(withoutDemoClients((ObjectNode) JSON.readTree(Path.of(args[0]).toFile()), removed));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), production);
        System.out.println("production realm " + out + ": demo clients left out: " + String.join(", ", removed));
    }
}

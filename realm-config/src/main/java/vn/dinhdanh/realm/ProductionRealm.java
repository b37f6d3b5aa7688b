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

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProductionRealm <demo realm file> <production realm file>");
            System.exit(2);
        }
        List<String> removed = new ArrayList<>();
        ObjectNode production = withoutDemoClients((ObjectNode) JSON.readTree(Path.of(args[0]).toFile()), removed);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), production);
        System.out.println("production realm " + out + ": demo clients left out: " + String.join(", ", removed));
    }
}

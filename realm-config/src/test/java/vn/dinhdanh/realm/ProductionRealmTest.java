package vn.dinhdanh.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ProductionRealmTest {

    static ObjectNode realmAsCode() throws IOException {
        try (InputStream in = ProductionRealmTest.class.getResourceAsStream("/realm/citizens-realm.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    static List<JsonNode> clients(JsonNode realm) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false).toList();
    }

    @Test
    void whenTheProductionRealmIsMade_thenNoDemoClientRemains_andTheRestOfTheRealmIsKept() throws IOException {
        ObjectNode demo = realmAsCode();
        List<String> removed = new ArrayList<>();

        ObjectNode production = ProductionRealm.withoutDemoClients(demo, removed);

        assertThat(removed).containsExactly("public-services-portal", "demo-bank", "ministry-portal");
        assertThat(clients(production)).as("no client that redirects to localhost or holds a published key")
                .noneMatch(c -> c.toString().contains("localhost") || c.path("attributes").has("jwks.string")
                        || c.path("attributes").has(ProductionRealm.DEMO_ATTRIBUTE));
        assertThat(clients(demo)).as("the demo realm is left as it was").hasSize(3);
        for (String kept : List.of("authenticationFlows", "clientPolicies", "clientProfiles", "components", "passwordPolicy", "requiredActions")) {
            assertThat(production.get(kept)).as(kept).isEqualTo(demo.get(kept));
        }
        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();
    }
}

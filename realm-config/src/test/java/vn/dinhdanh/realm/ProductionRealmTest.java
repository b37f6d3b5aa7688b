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

        assertThat(removed).containsExactly("public-services-portal", "demo-bank", "demo-telecom", "ministry-portal");
        assertThat(clients(production)).as("no client that redirects to localhost or holds a published key")
                .noneMatch(c -> c.toString().contains("localhost") || c.path("attributes").has("jwks.string")
                        || c.path("attributes").has(ProductionRealm.DEMO_ATTRIBUTE));
        assertThat(clients(demo)).as("the demo realm is left as it was").hasSize(4);
        for (String kept : List.of("authenticationFlows", "clientPolicies", "clientProfiles", "components", "passwordPolicy", "requiredActions")) {
            assertThat(production.get(kept)).as(kept).isEqualTo(demo.get(kept));
        }
        assertThat(production.path("bruteForceProtected").asBoolean()).isTrue();
    }

    @Test
    void whenTheProductionRealmIsMade_thenTheGovernmentProfileAllowsHttpsRedirectUrisOnly() throws IOException {
        ObjectNode demo = realmAsCode();

        ObjectNode production = ProductionRealm.withHttpsRedirectsOnly(demo);

        List<JsonNode> enforcers = StreamSupport.stream(production.path("clientProfiles").path("profiles").spliterator(), false)
                .flatMap(p -> StreamSupport.stream(p.path("executors").spliterator(), false))
                .filter(e -> ProductionRealm.REDIRECT_URIS_EXECUTOR.equals(e.path("executor").asText())).toList();
        assertThat(enforcers).as("the government profile's redirect URI rules").isNotEmpty();
        for (JsonNode enforcer : enforcers) {
            for (String allowance : ProductionRealm.HTTP_ALLOWANCES) {
                assertThat(enforcer.path("configuration").path(allowance).asText()).as(allowance).isEqualTo("false");
            }
            assertThat(enforcer.path("configuration").path("allow-wildcard-context-path").asText()).isEqualTo("false");
        }
        assertThat(demo.toString()).as("the demo realm is left as it was").contains("\"allow-http-scheme\":\"true\"");
    }
}

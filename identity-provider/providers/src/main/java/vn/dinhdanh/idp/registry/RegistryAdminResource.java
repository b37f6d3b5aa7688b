package vn.dinhdanh.idp.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.idp.admin.OperatorAccess;
import vn.dinhdanh.registry.RegistryUnavailableException;
import vn.dinhdanh.registry.importer.ImportSummary;

/**
 * Administration of the population registry on a running server, at
 * {@code /realms/{realm}/registry-admin}: bulk CSV import and a count. The caller presents a bearer
 * token of that realm whose user holds the realm role {@value #ROLE} (or {@code admin} in the master realm).
 */
public final class RegistryAdminResource {

    public static final String ROLE = "dinhdanh-registry-admin";
    private static final int MAX_REPORTED_REJECTIONS = 1000;

    private final KeycloakSession session;
    private final int defaultBatchSize;

    RegistryAdminResource(KeycloakSession session, int defaultBatchSize) {
        this.session = session;
        this.defaultBatchSize = defaultBatchSize;
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importCitizens(InputStream csv, @QueryParam("batchSize") Integer batchSize) {
        Optional<Response> refusal = OperatorAccess.refusal(session, ROLE);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!(session.getKeycloakSessionFactory().getProviderFactory(PopulationRegistryProvider.class) instanceof JpaPopulationRegistryProviderFactory)) {
            return OperatorAccess.error(Response.Status.CONFLICT, "registry_external",
                    "This server reads an external population registry: load citizens into that registry, not here");
        }
        int size = batchSize == null ? defaultBatchSize : Math.max(1, Math.min(batchSize, 10_000));
        StringWriter errorReport = new StringWriter();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            ImportSummary summary = JpaPopulationRegistryProviderFactory.importCsv(session.getKeycloakSessionFactory(), reader, errorReport, size);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("rowsRead", summary.rowsRead());
            body.put("rowsWritten", summary.rowsWritten());
            body.put("rowsRejected", summary.rowsRejected());
            body.put("rejectionsByCode", summary.rejectionsByCode());
            body.put("durationMillis", summary.duration().toMillis());
            body.put("errorReport", firstLines(errorReport.toString(), MAX_REPORTED_REJECTIONS + 1));
            return Response.ok(body).build();
        } catch (IOException | RuntimeException e) {
            return OperatorAccess.error(Response.Status.BAD_REQUEST, "import_failed", e.getMessage());
        }
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        Optional<Response> refusal = OperatorAccess.refusal(session, ROLE);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            return Response.ok(Map.of("citizens", PopulationRegistryProvider.of(session).countCitizens())).build();
        } catch (RegistryUnavailableException e) {
            return OperatorAccess.error(Response.Status.SERVICE_UNAVAILABLE, vn.dinhdanh.idp.authentication.RegistryErrors.REGISTRY_UNAVAILABLE, "The population registry did not answer");
        }
    }

    private static String firstLines(String text, int lines) {
        int index = 0;
        for (int i = 0; i < lines && index >= 0; i++) {
            index = text.indexOf('\n', index + 1);
        }
        return index < 0 ? text : text.substring(0, index + 1);
    }
}

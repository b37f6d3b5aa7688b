package vn.dinhdanh.idp.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

/**
 * {@code ./dinhdanh audit verify}: checks the audit trail in Keycloak's database over JDBC and prints what it found
 * (JSON). Exit code 0 when the chain is intact, 1 when a record was modified, deleted or moved, 2 when the database
 * cannot be read. Options: {@code --jdbc-url}, {@code --user}, {@code --password}.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        String url = null;
        String user = "";
        String password = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--jdbc-url" -> url = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --jdbc-url URL [--user U] [--password P]");
                    System.exit(2);
                }
            }
        }
        if (url == null) {
            System.err.println("usage: audit verify --jdbc-url URL [--user U] [--password P]");
            System.exit(2);
        }
        AuditChainVerifier.Result result;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            result = AuditChainVerifier.verify(c);
        } catch (java.sql.SQLException e) {
            System.err.println("The audit trail could not be read (" + e.getSQLState() + "): " + e.getMessage()
                    + (url.startsWith("jdbc:h2:file:") ? "\nAn H2 file can be read only while its server is stopped; "
                    + "a running server answers GET /realms/master/dinhdanh-audit/verification." : ""));
            System.exit(2);
            return;
        }
        Map<String, Object> json = AuditTrailResource.asJson(result);
        try {
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            System.out.println(json);
        }
        System.exit(result.intact() ? 0 : 1);
    }
}

package vn.dinhdanh.idp.assurance;

/**
 * The OIDC {@code claims} request parameter is malformed: not the structure of OpenID Connect Core 5.5, or a
 * {@code verified_claims} request that the schema of OpenID Connect for Identity Assurance 1.0 refuses. The message is
 * a fixed sentence for the relying party ({@code error_description}); it never quotes the request.
 */
public final class InvalidClaimsRequestException extends Exception {

    public InvalidClaimsRequestException(String message) {
        super(message, null, false, false);
    }
}

package vn.dinhdanh.idp.assurance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One element of a {@code verified_claims} request, already checked by {@link ClaimsRequest}: what the relying party
 * asks of the verification (which elements, under which constraints) and which claims it wants.
 *
 * @param verification the request's {@code verification} object
 * @param claims       the claim names asked for, in the order asked; empty when {@code claims} was null
 */
public record VerifiedClaimsRequest(JsonNode verification, List<String> claims) {

    public VerifiedClaimsRequest {
        claims = List.copyOf(claims);
    }
}

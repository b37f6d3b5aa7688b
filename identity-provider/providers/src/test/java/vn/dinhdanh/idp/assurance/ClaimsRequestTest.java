package vn.dinhdanh.idp.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The claims parameter as OpenID Connect for Identity Assurance 1.0 extends it, checked like its request schema. */
class ClaimsRequestTest {

    static final String GIVEN_NAME_VERIFIED = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},"
            + "\"claims\":{\"given_name\":null,\"family_name\":{\"essential\":true,\"purpose\":\"account opening\"}}}}}";

    @Test
    void whenTheParameterIsAbsentOrBlank_thenTheRequestIsEmpty() throws Exception {
        assertThat(ClaimsRequest.parse(null).verifiedClaims(ClaimsRequest.Target.USERINFO)).isEmpty();
        assertThat(ClaimsRequest.parse("  ").names("acr")).isFalse();
    }

    @Test
    void whenVerifiedClaimsIsOneObject_thenItIsOneElementNotAnArray() throws Exception {
        ClaimsRequest request = ClaimsRequest.parse(GIVEN_NAME_VERIFIED);
        ClaimsRequest.VerifiedClaimsQuery query = request.verifiedClaims(ClaimsRequest.Target.USERINFO).orElseThrow();
        assertThat(query.array()).isFalse();
        assertThat(query.elements()).singleElement().satisfies(e -> assertThat(e.claims()).containsExactly("given_name", "family_name"));
        assertThat(request.verifiedClaims(ClaimsRequest.Target.ID_TOKEN)).isEmpty();
    }

    @Test
    void whenVerifiedClaimsIsAnArray_thenEveryElementIsKeptInOrder() throws Exception {
        ClaimsRequest request = ClaimsRequest.parse("{\"id_token\":{\"verified_claims\":["
                + "{\"verification\":{\"trust_framework\":{\"value\":\"vn_eid\"}},\"claims\":{\"birthdate\":null}},"
                + "{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{\"value\":\"document\"}}]},\"claims\":null}]}}");
        ClaimsRequest.VerifiedClaimsQuery query = request.verifiedClaims(ClaimsRequest.Target.ID_TOKEN).orElseThrow();
        assertThat(query.array()).isTrue();
        assertThat(query.elements()).hasSize(2);
        assertThat(query.elements().get(1).claims()).as("claims: null asks for none").isEmpty();
    }

    @Test
    void whenOrdinaryClaimsCarryPurposeOrUnknownMembers_thenTheRequestIsAccepted() throws Exception {
        ClaimsRequest request = ClaimsRequest.parse("{\"id_token\":{\"name\":{\"purpose\":\"greeting\"},\"acr\":{\"essential\":true}},"
                + "\"something_else\":42}");
        assertThat(request.names("acr")).isTrue();
        assertThat(request.names(ClaimsRequest.Target.USERINFO, "name")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "not json",
            "[]",
            "{\"userinfo\":[]}",
            "{\"id_token\":{\"name\":\"yes\"}}",
            "{\"id_token\":{\"name\":{\"essential\":\"yes\"}}}",
            "{\"id_token\":{\"name\":{\"purpose\":\"no\"}}}",
            // verified_claims element shape
            "{\"userinfo\":{\"verified_claims\":\"all\"}}",
            "{\"userinfo\":{\"verified_claims\":[42]}}",
            "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":{\"given_name\":null},\"extra\":1}}}",
            // verification
            "{\"userinfo\":{\"verified_claims\":{\"verification\":[],\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":\"vn_eid\"},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":{\"value\":7}},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":{\"values\":[]}},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"assurance_level\":{\"values\":[\"high\",1]}},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"time\":{\"max_age\":-1}},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"time\":{\"max_age\":1.5}},\"claims\":{\"given_name\":null}}}}",
            // evidence
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"evidence\":[]},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"evidence\":[{}]},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{\"value\":\"selfie\"}}]},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{},\"check_details\":[{}]}]},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{},\"document_details\":[]}]},\"claims\":{\"given_name\":null}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{},\"record\":{\"source\":{\"name\":1}}}]},\"claims\":{\"given_name\":null}}}}",
            // claims
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":{}}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":[\"given_name\"]}}}",
            "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":{\"given_name\":true}}}}",
    })
    void whenTheRequestBreaksTheSchema_thenItIsInvalid(String parameter) {
        assertThatThrownBy(() -> ClaimsRequest.parse(parameter)).isInstanceOf(InvalidClaimsRequestException.class);
    }

    @Test
    void whenRefused_thenTheMessageNamesTheElementButNeverQuotesTheRequest() {
        String secret = "079195012346";
        assertThatThrownBy(() -> ClaimsRequest.parse("{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},"
                + "\"claims\":{\"given_name\":null},\"" + secret + "\":1}}}"))
                .isInstanceOf(InvalidClaimsRequestException.class)
                .hasMessageContaining("userinfo.verified_claims")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> ClaimsRequest.parse("{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":{\"values\":[\"" + secret + "\",2]}},"
                + "\"claims\":{\"given_name\":null}}}}"))
                .hasMessageContaining("trust_framework").hasMessageNotContaining(secret);
    }

    @Test
    void whenAMemberIsRepeated_thenTheRequestIsInvalidRatherThanReadEitherWay() {
        assertThatThrownBy(() -> ClaimsRequest.parse("{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},"
                + "\"claims\":{\"given_name\":null}},\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":{\"birthdate\":null}}}}"))
                .isInstanceOf(InvalidClaimsRequestException.class);
    }
}

package vn.dinhdanh.idp.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OAuthErrorDescriptionsTest {

    @Test
    void whenADescriptionQuotesAJavaException_thenItIsRecognised() {
        assertThat(OAuthErrorDescriptions.quotesJava("Client authentication with signed JWT failed: java.lang.IllegalArgumentException: Input byte[] should at least have 2 bytes")).isTrue();
        assertThat(OAuthErrorDescriptions.quotesJava("failed: org.keycloak.jose.jws.JWSInputException: x")).isTrue();
        assertThat(OAuthErrorDescriptions.quotesJava("Token verification failed: NullPointerException")).isTrue();
    }

    @Test
    void whenADescriptionIsPlainWords_thenItIsLeftAlone() {
        assertThat(OAuthErrorDescriptions.quotesJava("Invalid client or Invalid client credentials")).isFalse();
        assertThat(OAuthErrorDescriptions.quotesJava("Missing form parameter: grant_type")).isFalse();
        assertThat(OAuthErrorDescriptions.quotesJava("Code not valid")).isFalse();
        assertThat(OAuthErrorDescriptions.quotesJava(null)).isFalse();
    }

    @Test
    void whenTheCodeIsKnown_thenThePlainDescriptionSaysWhatWasWrongWithoutAClassName() {
        assertThat(OAuthErrorDescriptions.plain("invalid_client")).startsWith("Client authentication failed");
        assertThat(OAuthErrorDescriptions.plain("something_else")).isEqualTo("The request was refused");
        OAuthErrorDescriptions.PLAIN.values().forEach(text -> assertThat(OAuthErrorDescriptions.quotesJava(text)).isFalse());
    }
}

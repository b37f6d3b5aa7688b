package vn.dinhdanh.idp.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class RateLimitsTest {

    static final RateLimits.Limit THREE_A_MINUTE = new RateLimits.Limit("test.events", 3, 60);
    InMemorySingleUseObjects store;
    RealmModel realm;
    RateLimits limits;

    @BeforeEach
    void setUp() {
        store = new InMemorySingleUseObjects();
        KeycloakSession session = mock(KeycloakSession.class);
        when(session.singleUseObjects()).thenReturn(store);
        realm = mock(RealmModel.class);
        when(realm.getId()).thenReturn("realm-id");
        limits = new RateLimits(session, realm);
    }

    @Test
    void whenTheLimitIsReached_thenTheNextEventIsRefusedWithTheSecondsLeftInTheWindow() {
        assertThat(limits.take(THREE_A_MINUTE, "+84912000001")).isEmpty();
        assertThat(limits.take(THREE_A_MINUTE, "+84912000001")).isEmpty();
        assertThat(limits.exhausted(THREE_A_MINUTE, "+84912000001")).as("two of three taken").isEmpty();
        assertThat(limits.take(THREE_A_MINUTE, "+84912000001")).isEmpty();
        java.util.OptionalLong refused = limits.take(THREE_A_MINUTE, "+84912000001");
        assertThat(refused).isPresent();
        assertThat(refused.getAsLong()).isBetween(1L, 60L);
        assertThat(limits.exhausted(THREE_A_MINUTE, "+84912000001")).isPresent();
    }

    @Test
    void whenAnotherSubjectActs_thenItHasItsOwnCount() {
        for (int i = 0; i < 3; i++) {
            limits.take(THREE_A_MINUTE, "a");
        }
        assertThat(limits.take(THREE_A_MINUTE, "b")).isEmpty();
    }

    @Test
    void whenTheStoreIsRead_thenItHoldsNoSubjectInClear() {
        limits.take(THREE_A_MINUTE, "+84912000001");
        assertThat(store.entries.keySet()).isNotEmpty().noneMatch(k -> k.contains("84912000001"));
    }

    @Test
    void whenTheRealmSetsTheLimit_thenItsValueApplies_andAnInvalidValueKeepsTheDefault() {
        when(realm.getAttribute(RateLimits.ATTRIBUTE_PREFIX + "test.events")).thenReturn("1/30");
        assertThat(THREE_A_MINUTE.in(realm)).isEqualTo(new RateLimits.Limit("test.events", 1, 30));
        assertThat(limits.take(THREE_A_MINUTE, "x")).isEmpty();
        assertThat(limits.take(THREE_A_MINUTE, "x")).isPresent();
        when(realm.getAttribute(RateLimits.ATTRIBUTE_PREFIX + "test.events")).thenReturn("lots");
        assertThat(THREE_A_MINUTE.in(realm)).isEqualTo(THREE_A_MINUTE);
        when(realm.getAttribute(RateLimits.ATTRIBUTE_PREFIX + "test.events")).thenReturn("0/60");
        assertThat(THREE_A_MINUTE.in(realm)).as("out of bounds").isEqualTo(THREE_A_MINUTE);
    }
}

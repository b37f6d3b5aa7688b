package vn.dinhdanh.idp.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class PasswordAttemptsTest {

    InMemorySingleUseObjects store;
    PasswordAttempts attempts;

    @BeforeEach
    void setUp() {
        store = new InMemorySingleUseObjects();
        KeycloakSession session = mock(KeycloakSession.class);
        when(session.singleUseObjects()).thenReturn(store);
        RealmModel realm = mock(RealmModel.class);
        when(realm.getId()).thenReturn("realm-id");
        when(realm.getFailureFactor()).thenReturn(5);
        when(realm.getWaitIncrementSeconds()).thenReturn(60);
        when(realm.getMaxFailureWaitSeconds()).thenReturn(900);
        when(realm.getMaxDeltaTimeSeconds()).thenReturn(43200);
        when(realm.getQuickLoginCheckMilliSeconds()).thenReturn(1000L);
        when(realm.getMinimumQuickLoginWaitSeconds()).thenReturn(60);
        attempts = new PasswordAttempts(session, realm);
    }

    @AfterEach
    void resetClock() {
        Time.setOffset(0);
    }

    @Test
    void whenFiveWrongPasswordsComeSlowly_thenTheFifthPausesTheNumberForTheWaitIncrement() {
        for (int i = 1; i <= 4; i++) {
            attempts.failed("001090012345");
            assertThat(attempts.pausedFor("001090012345")).as("after %d", i).isZero();
            Time.setOffset(Time.getOffset() + 5);
        }
        attempts.failed("001090012345");
        assertThat(attempts.pausedFor("001090012345")).isBetween(59L, 60L);
        Time.setOffset(Time.getOffset() + 61);
        assertThat(attempts.pausedFor("001090012345")).as("the pause ends").isZero();
    }

    @Test
    void whenTwoWrongPasswordsComeWithinASecond_thenTheQuickLoginCheckPausesTheNumber() {
        attempts.failed("079195012346");
        attempts.failed("079195012346");
        assertThat(attempts.pausedFor("079195012346")).isPositive();
    }

    @Test
    void whenTheRightPasswordComes_thenTheCountStartsAgain_andOtherNumbersAreNotTouched() {
        attempts.failed("a");
        Time.setOffset(5);
        attempts.succeeded("a");
        attempts.failed("a");
        assertThat(attempts.pausedFor("a")).as("the earlier failure was forgotten: no quick-login pause").isZero();
        assertThat(attempts.pausedFor("b")).isZero();
        assertThat(store.entries.keySet()).noneMatch(k -> k.endsWith(".a"));
    }
}

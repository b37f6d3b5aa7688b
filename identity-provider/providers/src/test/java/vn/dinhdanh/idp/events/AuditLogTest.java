package vn.dinhdanh.idp.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void whenAValueIsLongerThanTheBound_thenItIsCutAndMarked() {
        String cut = AuditLog.bounded("x".repeat(5000));
        assertThat(cut).hasSize(AuditLog.MAX_VALUE_LENGTH + 1).endsWith("…");
        assertThat(AuditLog.bounded("short")).isEqualTo("short");
        assertThat(AuditLog.bounded(null)).isNull();
    }
}

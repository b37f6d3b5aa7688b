package vn.dinhdanh.chipcard.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.keycloak.SameDeviceAppLink;

class SameDeviceLinkTest {

    private static final String REQUEST = "https://id.example.vn/realms/citizens/chip-card/requests/h4nd1e";
    private static final String BACK = "https://id.example.vn/realms/citizens/login-actions/authenticate?execution=e-1&client_id=portal&tab_id=t_1";

    @Test
    void theAppReadsBackTheRequestAndTheReturnTheServerPutInTheLink() {
        String link = SameDeviceAppLink.of(REQUEST, BACK);
        assertThat(link).startsWith("dinhdanh://chip-card?request=https%3A%2F%2Fid.example.vn%2F");
        VirtualMobileApp.SameDeviceLink read = VirtualMobileApp.SameDeviceLink.parse(link).orElseThrow();
        assertThat(read.requestUrl()).isEqualTo(REQUEST);
        assertThat(read.returnUrl()).contains(BACK);
    }

    @Test
    void aReturnToAnotherOriginIsNotFollowed() {
        for (String elsewhere : new String[] {"https://evil.example/phish", "http://id.example.vn/realms/citizens",
                "https://id.example.vn:8443/realms/citizens", "javascript:alert(1)"}) {
            VirtualMobileApp.SameDeviceLink read = VirtualMobileApp.SameDeviceLink.parse(SameDeviceAppLink.of(REQUEST, elsewhere)).orElseThrow();
            assertThat(read.returnUrl()).as(elsewhere).isEmpty();
            assertThat(read.requestUrl()).isEqualTo(REQUEST);
        }
    }

    @Test
    void whatIsNotALinkTheServerMakesIsRefused() {
        assertThat(VirtualMobileApp.SameDeviceLink.parse("https://id.example.vn/chip-card?request=x")).isEmpty();
        assertThat(VirtualMobileApp.SameDeviceLink.parse("dinhdanh://other?request=" + REQUEST)).isEmpty();
        assertThat(VirtualMobileApp.SameDeviceLink.parse("dinhdanh://chip-card")).isEmpty();
        assertThat(VirtualMobileApp.SameDeviceLink.parse("dinhdanh://chip-card?request=ftp%3A%2F%2Fx%2Fy")).isEmpty();
        assertThat(VirtualMobileApp.SameDeviceLink.parse("dinhdanh://chip-card?request=a&request=b")).isEmpty();
        assertThat(VirtualMobileApp.SameDeviceLink.parse("dinhdanh://chip card")).isEmpty();
        assertThat(VirtualMobileApp.SameDeviceLink.parse("dinhdanh://chip-card?request=%zz")).isEmpty();
    }
}

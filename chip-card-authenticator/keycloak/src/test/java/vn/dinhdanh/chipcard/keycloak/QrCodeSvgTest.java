package vn.dinhdanh.chipcard.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG the login page shows decodes, with a QR reader, to exactly the URL the phone needs. */
class QrCodeSvgTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    @Test
    void whenTheSvgIsDrawnAndScanned_thenItGivesBackTheRequestUrl() throws Exception {
        String url = "https://id.example.vn/realms/citizens/chip-card/requests/q2Xb1Z_9v-3kTn0PzYwA7uRcLmEhGfDs4aJiKoN8WeU";
        String svg = QrCodeSvg.of(url);

        assertThat(svg).startsWith("<svg").doesNotContain("<script");
        assertThat(scan(svg, 4)).isEqualTo(url);
    }

    /** Draws the path's runs at {@code scale} pixels a module, then reads the picture as a phone would. */
    private static String scan(String svg, int scale) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int w = Integer.parseInt(box.group(1)) * scale;
        int h = Integer.parseInt(box.group(2)) * scale;
        int[] pixels = new int[w * h];
        Arrays.fill(pixels, 0xFFFFFF);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int n = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                Arrays.fill(pixels, py * w + x * scale, py * w + (x + n) * scale, 0x000000);
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)))).getText();
    }
}

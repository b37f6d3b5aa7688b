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
    private static final Pattern STEP = Pattern.compile("(?:M(\\d+) (\\d+)\\.5|m(\\d+) 0)h(\\d+)");

    @Test
    void whenTheSvgIsDrawnAndScanned_thenItGivesBackTheRequestUrl() throws Exception {
        String url = "https://id.example.vn/realms/citizens/chip-card/requests/q2Xb1Z_9v-3kTn0PzYwA7uRcLmEhGfDs4aJiKoN8WeU";
        String svg = QrCodeSvg.of(url);

        assertThat(svg).startsWith("<svg").doesNotContain("<script");
        assertThat(scan(svg, 4)).isEqualTo(url);
    }

    /** Draws the path's strokes (one per run of dark modules) at {@code scale} pixels a module, then reads it as a phone would. */
    private static String scan(String svg, int scale) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int w = Integer.parseInt(box.group(1)) * scale;
        int h = Integer.parseInt(box.group(2)) * scale;
        int[] pixels = new int[w * h];
        Arrays.fill(pixels, 0xFFFFFF);
        Matcher step = STEP.matcher(svg.substring(svg.indexOf(" d=\"")));
        int x = 0;
        int y = 0;
        while (step.find()) {
            if (step.group(1) != null) {
                x = Integer.parseInt(step.group(1));
                y = Integer.parseInt(step.group(2));
            } else {
                x += Integer.parseInt(step.group(3));
            }
            int n = Integer.parseInt(step.group(4));
            for (int py = y * scale; py < (y + 1) * scale; py++) {
                Arrays.fill(pixels, py * w + x * scale, py * w + (x + n) * scale, 0x000000);
            }
            x += n;
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)))).getText();
    }
}

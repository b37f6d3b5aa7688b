package vn.dinhdanh.chipcard.keycloak;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Renders a QR code as inline SVG on the server (ZXing, which Keycloak ships): no script, no CDN. */
public final class QrCodeSvg {

    private QrCodeSvg() {
    }

    public static String of(String content) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            // one rectangle per horizontal run of dark modules: half the markup of one square per module
            StringBuilder path = new StringBuilder(4096);
            for (int y = 0; y < m.getHeight(); y++) {
                int x = 0;
                while (x < m.getWidth()) {
                    if (!m.get(x, y)) {
                        x++;
                        continue;
                    }
                    int run = 1;
                    while (x + run < m.getWidth() && m.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                    x += run;
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                    + "\" shape-rendering=\"crispEdges\" width=\"240\" height=\"240\" focusable=\"false\" aria-hidden=\"true\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR content too long", e);
        }
    }
}

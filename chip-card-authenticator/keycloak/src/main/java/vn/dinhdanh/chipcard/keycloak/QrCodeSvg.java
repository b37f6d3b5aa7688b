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
            // One stroke per horizontal run of dark modules, drawn along the middle of the row: an absolute move to
            // a row's first run, relative moves between runs (about a third of the markup of one square per module).
            StringBuilder path = new StringBuilder(2048);
            for (int y = 0; y < m.getHeight(); y++) {
                int end = -1;
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
                    if (end < 0) {
                        path.append('M').append(x).append(' ').append(y).append(".5");
                    } else {
                        path.append('m').append(x - end).append(" 0");
                    }
                    path.append('h').append(run);
                    end = x + run;
                    x = end;
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                    + "\" shape-rendering=\"crispEdges\" width=\"240\" height=\"240\" focusable=\"false\" aria-hidden=\"true\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path stroke=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR content too long", e);
        }
    }
}

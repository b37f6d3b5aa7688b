package vn.dinhdanh.tests.cluster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.dinhdanh.tests.support.PngCanvas;

/**
 * The failover run as a picture: every attempt at the second it began (x) and its duration (y, log scale), green when
 * it succeeded and red when it failed, with the kill of node A and the moment the balancer took it out.
 */
final class FailoverPlot {

    private FailoverPlot() {
    }

    static void write(List<ClusterFailoverTest.Attempt> attempts, long start, long kill, long noticed, Path file) throws Exception {
        int w = 900, h = 480, left = 70, right = 20, top = 40, bottom = 50;
        PngCanvas canvas = new PngCanvas(w, h);
        Graphics2D g = canvas.graphics();
        double seconds = Math.max(1, attempts.stream().mapToLong(ClusterFailoverTest.Attempt::end).max().orElse(start) - start) / 1e9;
        double maxMs = attempts.stream().mapToDouble(a -> (a.end() - a.start()) / 1e6).max().orElse(1000);
        double minLog = 0, maxLog = Math.log10(Math.max(10, maxMs * 1.5));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double ms = 1; ms <= Math.pow(10, maxLog); ms *= 10) {
            int y = y(ms, minLog, maxLog, h, top, bottom);
            g.setColor(Color.LIGHT_GRAY);
            g.drawLine(left, y, w - right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString((int) ms + " ms", 10, y + 4);
        }
        for (int s = 0; s <= seconds; s += Math.max(1, (int) (seconds / 10))) {
            int x = x(s, seconds, w, left, right);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s + " s", x - 8, h - bottom + 18);
        }
        g.setStroke(new BasicStroke(2f));
        int killX = x((kill - start) / 1e9, seconds, w, left, right);
        int noticedX = x((noticed - start) / 1e9, seconds, w, left, right);
        g.setColor(new Color(0xffe0b2));
        g.fillRect(killX, top, Math.max(2, noticedX - killX), h - top - bottom);
        g.setColor(Color.BLACK);
        g.drawLine(killX, top, killX, h - bottom);
        g.drawString("node A killed", killX + 4, top + 14);
        g.setColor(new Color(0xe65100));
        g.drawLine(noticedX, top, noticedX, h - bottom);
        g.drawString(String.format(Locale.ROOT, "balancer took it out (+%.0f ms)", (noticed - kill) / 1e6), noticedX + 4, top + 30);
        for (ClusterFailoverTest.Attempt a : attempts) {
            int x = x((a.start() - start) / 1e9, seconds, w, left, right);
            int y = y(Math.max(1, (a.end() - a.start()) / 1e6), minLog, maxLog, h, top, bottom);
            g.setColor(a.ok() ? new Color(0x2e7d32) : new Color(0xc62828));
            int r = a.ok() ? 3 : 5;
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.setColor(Color.BLACK);
        g.drawString("Attempts through the balancer (x: start, s; y: duration, ms, log scale; red: failed, then retried)", left, 24);
        canvas.write(file);
    }

    private static int x(double s, double seconds, int w, int left, int right) {
        return left + (int) (s / seconds * (w - left - right));
    }

    private static int y(double ms, double minLog, double maxLog, int h, int top, int bottom) {
        return h - bottom - (int) ((Math.log10(ms) - minLog) / (maxLog - minLog) * (h - top - bottom));
    }
}

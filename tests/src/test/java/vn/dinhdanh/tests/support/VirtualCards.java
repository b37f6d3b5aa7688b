package vn.dinhdanh.tests.support;

import java.nio.file.Path;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/** The virtual chip card of a demo-registry citizen, issued from the published demo seed (DEMO ONLY). */
public final class VirtualCards {

    private VirtualCards() {
    }

    public static VirtualCard cardOf(String pin) throws Exception {
        Path csv = Path.of(System.getProperty("dinhdanh.demo.dir"), "citizens.csv");
        return DemoCards.cardFor(DemoCards.findInCsv(csv, pin).orElseThrow());
    }
}

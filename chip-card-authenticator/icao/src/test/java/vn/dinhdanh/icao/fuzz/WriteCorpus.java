package vn.dinhdanh.icao.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.dinhdanh.icao.Fixtures;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * Regenerates the seed corpus (run from the module folder after test-compile):
 * mvn -q -pl chip-card-authenticator/icao -am test-compile && cd chip-card-authenticator/icao &&
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.dinhdanh.icao.fuzz.WriteCorpus
 */
public final class WriteCorpus {
    private WriteCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("src/test/resources/vn/dinhdanh/icao/fuzz/IcaoParsersFuzzTestInputs/fuzzParsers");
        Files.createDirectories(dir);
        VirtualCard card = FuzzTargets.ecCard();
        byte[] ml = Fixtures.ec().masterList(Fixtures.ec().csca());
        byte[][] inputs = {card.sod(), card.com(), card.dataGroup(1), card.dataGroup(13), card.dataGroup(14), card.dataGroup(15),
            ml, Fixtures.ec().crl(), Fixtures.ec().csca().certificateDer(), card.sod(), card.dataGroup(13),
            new byte[128], card.respondToChallenge(Fixtures.CHALLENGE)};
        for (int t = 0; t < inputs.length; t++) {
            byte[] seed = new byte[inputs[t].length + 1];
            seed[0] = (byte) t;
            System.arraycopy(inputs[t], 0, seed, 1, inputs[t].length);
            Files.write(dir.resolve(String.format("seed-%02d", t)), seed);
        }
        // a few hostile shapes
        Files.write(dir.resolve("hostile-2gb-length"), new byte[] {0, 0x77, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x30});
        byte[] deep = new byte[1 + 2 + 2000];
        deep[1] = 0x77;
        deep[2] = (byte) 0x80;
        for (int i = 3; i + 1 < deep.length; i += 2) {
            deep[i] = 0x30;
            deep[i + 1] = (byte) 0x80;
        }
        Files.write(dir.resolve("hostile-deep-nesting"), deep);
    }
}

package vn.dinhdanh.icao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.verify.VerifierConfig;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.Citizen;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.TestPki;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * Command line: {@code demo} writes a TEST CSCA, DS, CRL, master list and a virtual card to
 * a folder; {@code verify-card} verifies a card dump offline and prints a JSON verdict
 * (exit 0 only when every check passed).
 */
public final class IcaoCli {
    private IcaoCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String USAGE = String.join("\n",
            "usage:",
            "  demo --out <dir> [--seed <text>] [--rsa]",
            "      writes <dir>/trust (TEST CSCA, CRL, master list + its TEST signer CSCA)",
            "      and <dir>/card (EF_COM.bin, EF_SOD.bin, DG1/13/14/15.bin, challenge.hex, aa-signature.bin)",
            "  verify-card --trust <dir> --sod <EF_SOD.bin> --dg <n>=<file> [--dg ...] [--com <EF_COM.bin>]",
            "              [--challenge <hex or file>] [--signature <file>] [--date <yyyy-mm-dd>]",
            "              [--allow-missing-crl] [--allow-sha1] [--no-aa] [--show-personal-data]",
            "      prints a JSON verdict; exit 0 only when every check passed (1 = checks failed, 2 = usage/IO error)");

    /** Runs a command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "demo" -> demo(args, out);
                case "verify-card" -> verify(args, out);
                default -> {
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("I/O error: " + e.getMessage());
            return 2;
        } catch (IcaoException e) {
            err.println("error " + e.code() + ": " + e.code().description());
            return 2;
        }
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String m) {
            super(m);
        }
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i + 1 >= args.length) {
            throw new UsageException("missing value for " + args[i]);
        }
        return args[i + 1];
    }

    private static int demo(String[] args, PrintStream out) throws UsageException, IOException {
        Path dir = null;
        String seed = "dinhdanh-demo";
        boolean rsa = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> dir = Path.of(value(args, i++));
                case "--seed" -> seed = value(args, i++);
                case "--rsa" -> rsa = true;
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            throw new UsageException("--out is required");
        }
        TestCountry country = rsa ? TestCountry.rsa(seed) : TestCountry.ec(seed);
        Path trust = dir.resolve("trust");
        Path cardDir = dir.resolve("card");
        Files.createDirectories(trust);
        Files.createDirectories(cardDir);
        country.writeTrustFolder(trust);
        var mlCsca = TestPki.csca(seed, new TestPki.CscaOptions().label("MASTER LIST SIGNER"));
        Files.write(trust.resolve("ml-signer-csca.der"), mlCsca.certificateDer());
        Files.write(trust.resolve("test-masterlist.ml"), country.masterList(mlCsca));
        Files.write(cardDir.resolve("document-signer.cer"), country.ds().certificateDer());
        VirtualCard card = country.issuer().issue(Citizen.demo(),
                CardOptions.defaults().aaKey(rsa ? KeySpec.RSA_2048 : KeySpec.EC_P256));
        byte[] challenge = HexFormat.of().parseHex("0102030405060708");
        Files.write(cardDir.resolve("EF_COM.bin"), card.com());
        Files.write(cardDir.resolve("EF_SOD.bin"), card.sod());
        for (Map.Entry<Integer, byte[]> dg : card.dataGroups().entrySet()) {
            Files.write(cardDir.resolve("DG" + dg.getKey() + ".bin"), dg.getValue());
        }
        Files.writeString(cardDir.resolve("challenge.hex"), HexFormat.of().formatHex(challenge) + "\n");
        Files.write(cardDir.resolve("aa-signature.bin"), card.respondToChallenge(challenge));
        out.println("wrote TEST trust folder " + trust.toAbsolutePath());
        out.println("wrote TEST virtual card " + cardDir.toAbsolutePath());
        out.println("verify with: verify-card --trust " + trust + " --sod " + cardDir.resolve("EF_SOD.bin")
                + " --com " + cardDir.resolve("EF_COM.bin")
                + " --dg 1=" + cardDir.resolve("DG1.bin") + " --dg 13=" + cardDir.resolve("DG13.bin")
                + " --dg 14=" + cardDir.resolve("DG14.bin") + " --dg 15=" + cardDir.resolve("DG15.bin")
                + " --challenge " + cardDir.resolve("challenge.hex") + " --signature " + cardDir.resolve("aa-signature.bin"));
        return 0;
    }

    private static int verify(String[] args, PrintStream out) throws UsageException, IOException, IcaoException {
        Path trustDir = null;
        CardEvidence.Builder ev = CardEvidence.builder();
        VerifierConfig.Builder cfg = VerifierConfig.builder();
        boolean sod = false;
        boolean personal = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--trust" -> trustDir = Path.of(value(args, i++));
                case "--sod" -> {
                    ev.sod(Files.readAllBytes(Path.of(value(args, i++))));
                    sod = true;
                }
                case "--com" -> ev.com(Files.readAllBytes(Path.of(value(args, i++))));
                case "--dg" -> {
                    String v = value(args, i++);
                    int eq = v.indexOf('=');
                    if (eq < 1) {
                        throw new UsageException("--dg expects <n>=<file>");
                    }
                    int n;
                    try {
                        n = Integer.parseInt(v.substring(0, eq));
                    } catch (NumberFormatException e) {
                        throw new UsageException("bad data group number in " + v);
                    }
                    ev.dataGroup(n, Files.readAllBytes(Path.of(v.substring(eq + 1))));
                }
                case "--challenge" -> ev.challenge(challenge(value(args, i++)));
                case "--signature" -> ev.aaSignature(Files.readAllBytes(Path.of(value(args, i++))));
                case "--date" -> {
                    LocalDate d = LocalDate.parse(value(args, i++));
                    cfg.clock(Clock.fixed(d.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(12 * 3600), ZoneOffset.UTC));
                }
                case "--allow-missing-crl" -> cfg.missingCrlPolicy(VerifierConfig.MissingCrlPolicy.ALLOW);
                case "--allow-sha1" -> cfg.allowSha1(true);
                case "--no-aa" -> cfg.requireActiveAuthentication(false);
                case "--show-personal-data" -> personal = true;
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        if (trustDir == null || !sod) {
            throw new UsageException("--trust and --sod are required");
        }
        VerifierConfig config = cfg.build();
        TrustStore trust = TrustStoreLoader.builder().clock(config.clock()).build().loadDirectory(trustDir);
        VerificationResult r = new CardVerifier(trust, config).verify(ev.build());
        out.println(r.toJson(personal));
        return r.isValid() ? 0 : 1;
    }

    private static byte[] challenge(String v) throws IOException, UsageException {
        String hex = v;
        Path p = Path.of(v);
        if (Files.isRegularFile(p)) {
            byte[] raw = Files.readAllBytes(p);
            String text = new String(raw, java.nio.charset.StandardCharsets.US_ASCII).strip();
            if (!text.matches("[0-9a-fA-F]+")) {
                return raw;
            }
            hex = text;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new UsageException("challenge is neither hex nor a file");
        }
    }
}

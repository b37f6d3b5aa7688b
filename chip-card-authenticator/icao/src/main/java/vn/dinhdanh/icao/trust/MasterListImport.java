package vn.dinhdanh.icao.trust;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/**
 * Puts an ICAO CSCA master list into a trust folder only after checking it: its CMS signature must verify and its
 * signer must chain to a CSCA the folder holds as a certificate file (the configured master-list signer's CSCA). A
 * list that fails is never copied, so the running server never sees it. Command line:
 * {@code MasterListImport <trust folder> <master list file>} (exit 0 installed, 1 refused, 2 usage).
 */
public final class MasterListImport {

    /** What was installed: the CSCAs of the list and where the list now is. */
    public record Installed(List<X509CertificateHolder> cscas, Path file) {
    }

    private final TrustStoreLoader loader;

    public MasterListImport(TrustStoreLoader loader) {
        this.loader = loader;
    }

    /** The certificate files of the folder: the anchors a master list's signer must chain to. */
    List<X509CertificateHolder> configuredCscas(Path trustDir) throws IOException {
        List<X509CertificateHolder> anchors = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(trustDir)) {
            for (Path f : files) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(f) && (name.endsWith(".der") || name.endsWith(".cer") || name.endsWith(".crt") || name.endsWith(".pem"))) {
                    try {
                        anchors.add(loader.certificate(Files.readAllBytes(f)));
                    } catch (IcaoException e) {
                        // a broken file is the loader's load issue; it anchors nothing
                    }
                }
            }
        }
        return anchors;
    }

    /** Checks the list against the folder's CSCAs and, if it holds, copies it in as {@code <name>.ml}. */
    public Installed importInto(Path trustDir, Path masterList) throws IcaoException, IOException {
        byte[] bytes = Files.readAllBytes(masterList);
        List<X509CertificateHolder> cscas = loader.masterList(bytes, configuredCscas(trustDir));
        String base = masterList.getFileName().toString().replaceAll("(?i)\\.ml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = trustDir.resolve(base + ".ml");
        Path partial = Files.createTempFile(trustDir, ".import-", ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new Installed(cscas, target);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: MasterListImport <trust folder> <master list file>");
            return 2;
        }
        try {
            Installed done = new MasterListImport(TrustStoreLoader.defaults()).importInto(Path.of(args[0]), Path.of(args[1]));
            out.printf("master list verified and installed as %s: %d CSCA certificates%n", done.file(), done.cscas().size());
            Instant soon = Instant.now().plus(Duration.ofDays(90));
            for (X509CertificateHolder c : done.cscas()) {
                Instant end = c.getNotAfter().toInstant();
                out.printf("  %s until %s%s%n", c.getSubject(), end, end.isBefore(soon) ? "  (runs out within 90 days)" : "");
            }
            return 0;
        } catch (IcaoException e) {
            err.printf("master list refused: %s (%s); nothing was installed%n", e.code(), e.code().description());
            return 1;
        } catch (IOException e) {
            err.printf("master list refused: %s (%s); nothing was installed%n", IcaoErrorCode.TRUST_STORE_IO, e.getClass().getSimpleName());
            return 1;
        }
    }
}

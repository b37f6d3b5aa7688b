package vn.dinhdanh.icao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the JMH benchmark and writes the figures and ratios to a results file. */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-results.txt");
        Options opt = new OptionsBuilder().include(CardVerificationBenchmark.class.getSimpleName()).build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            score.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        StringBuilder sb = new StringBuilder();
        sb.append("dinhdanh-icao benchmark, ").append(Instant.now()).append('\n');
        sb.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        sb.append("single thread (= per core), JMH throughput, ops/s = verifications per second\n\n");
        line(sb, "RSA-2048 card (DS RSA-2048 PKCS#1 v1.5 SHA-256, AA RSA-2048 ISO 9796-2)", score.get("fullRsa2048"), score.get("rawRsa"));
        line(sb, "ECDSA P-256 card (DS P-256 SHA-256, AA P-256 plain ECDSA SHA-256)", score.get("fullEcP256"), score.get("rawEc"));
        sb.append("\ntarget: full check >= 70% of the raw-signature floor\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString());
        System.out.println();
        System.out.print(sb);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static void line(StringBuilder sb, String label, double[] full, double[] raw) {
        sb.append(label).append('\n');
        sb.append(String.format("  full PA+AA verification : %10.1f ops/s (+- %.1f)%n", full[0], full[1]));
        sb.append(String.format("  raw JCA/BC signatures   : %10.1f ops/s (+- %.1f)%n", raw[0], raw[1]));
        sb.append(String.format("  ratio full/raw          : %10.1f %%%n", 100.0 * full[0] / raw[0]));
    }
}

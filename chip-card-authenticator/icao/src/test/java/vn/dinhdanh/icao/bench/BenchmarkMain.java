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
        sb.append("\nPaired measurement in one JVM: full and raw alternate in 250 ms slices, 20 rounds after\n")
                .append("warm-up. 'best' compares the fastest slice of each (least disturbed by other processes\n")
                .append("on a shared machine); 'median' is the median of the per-round ratios.\n");
        CardVerificationBenchmark b = new CardVerificationBenchmark();
        b.setup();
        paired(sb, "RSA-2048 card", b::fullRsa2048, b::rawRsa);
        paired(sb, "ECDSA P-256 card", b::fullEcP256, b::rawEc);
        sb.append("\nCPU-time measurement (the load-independent figure): same alternating slices, each rate is\n")
                .append("operations per CPU-second of the benchmark thread plus the GC time spent meanwhile, i.e.\n")
                .append("verifications per second per core; median of 20 slices each.\n");
        cpuPaired(sb, "RSA-2048 card", b::fullRsa2048, b::rawRsa);
        cpuPaired(sb, "ECDSA P-256 card", b::fullEcP256, b::rawEc);
        sb.append("\ntarget: full check >= 70% of the raw-signature floor\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString());
        System.out.println();
        System.out.print(sb);
        System.out.println("written to " + out.toAbsolutePath());
    }

    @FunctionalInterface
    interface Op {
        Object run() throws Exception;
    }

    private static long count(Op op, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        long n = 0;
        Object sink = null;
        while (System.nanoTime() < end) {
            sink = op.run();
            n++;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return n;
    }

    private static long gcMillis() {
        long t = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    /** Operations per CPU-second (thread CPU + GC time) over one slice. */
    private static double cpuRate(Op op, long wallNanos) throws Exception {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long gc0 = gcMillis();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long n = count(op, wallNanos);
        long cpu = mx.getCurrentThreadCpuTime() - cpu0 + (gcMillis() - gc0) * 1_000_000L;
        return n * 1e9 / cpu;
    }

    static void cpuPaired(StringBuilder sb, String label, Op full, Op raw) throws Exception {
        for (int i = 0; i < 6; i++) {
            cpuRate(full, 200_000_000L);
            cpuRate(raw, 200_000_000L);
        }
        double[] f = new double[20];
        double[] r = new double[20];
        for (int i = 0; i < f.length; i++) {
            f[i] = cpuRate(full, 250_000_000L);
            r[i] = cpuRate(raw, 250_000_000L);
        }
        java.util.Arrays.sort(f);
        java.util.Arrays.sort(r);
        double fm = (f[9] + f[10]) / 2;
        double rm = (r[9] + r[10]) / 2;
        sb.append(String.format("  %-18s full %8.1f verifications/s/core, raw %8.1f /s/core, ratio %5.1f %%%n",
                label, fm, rm, 100 * fm / rm));
    }

    /** Alternating slices: best-slice ratio and median per-round ratio. */
    static void paired(StringBuilder sb, String label, Op full, Op raw) throws Exception {
        for (int i = 0; i < 10; i++) {
            count(full, 200_000_000L);
            count(raw, 200_000_000L);
        }
        double[] ratios = new double[20];
        long bestFull = 0;
        long bestRaw = 0;
        for (int i = 0; i < ratios.length; i++) {
            long f = count(full, 250_000_000L);
            long r = count(raw, 250_000_000L);
            bestFull = Math.max(bestFull, f);
            bestRaw = Math.max(bestRaw, r);
            ratios[i] = (double) f / r;
        }
        java.util.Arrays.sort(ratios);
        sb.append(String.format("  %-18s best: full %8.1f ops/s, raw %8.1f ops/s, ratio %5.1f %%; median ratio %5.1f %%%n",
                label, bestFull * 4.0, bestRaw * 4.0, 100.0 * bestFull / bestRaw, 100 * (ratios[9] + ratios[10]) / 2));
    }

    private static void line(StringBuilder sb, String label, double[] full, double[] raw) {
        sb.append(label).append('\n');
        sb.append(String.format("  full PA+AA verification : %10.1f ops/s (+- %.1f)%n", full[0], full[1]));
        sb.append(String.format("  raw JCA/BC signatures   : %10.1f ops/s (+- %.1f)%n", raw[0], raw[1]));
        sb.append(String.format("  ratio full/raw          : %10.1f %%%n", 100.0 * full[0] / raw[0]));
    }
}

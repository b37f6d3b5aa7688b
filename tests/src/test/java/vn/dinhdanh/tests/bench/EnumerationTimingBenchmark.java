package vn.dinhdanh.tests.bench;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Can a stranger tell, from the answers or their timing, whether a personal ID number has an account, is a registry
 * citizen without one, or is unknown? Wrong-password logins and refused registrations for the three kinds, sampled
 * in a shuffled order, one number at a time (each number gets the same few attempts), on the server under test:
 * prints the median and p90 of each kind, the largest difference between medians (target below 5 ms), and whether the
 * answers were alike; appends to {@code tests/target/benchmarks/enumeration-timing.txt}. Asserts nothing about time.
 * Run with {@code ./dinhdanh measure-enumeration}.
 */
@Tag("bench")
class EnumerationTimingBenchmark {

    static final int SAMPLES = Integer.getInteger("dinhdanh.enumeration.samples", 150);
    static final int ATTEMPTS_PER_NUMBER = 3; // below the lockout threshold (5): every kind is answered as a first few tries
    static final int WARMUP = 20;
    static final String PASSWORD = "Enum-Bench-Passw0rd!";
    static final Pattern MESSAGE = Pattern.compile("(?s)<[^>]*(?:kc-feedback-text|kc-error-message|dd-field-error|input-error)[^>]*>(.*?)</");

    enum Kind { ACCOUNT, REGISTRY_CITIZEN_WITHOUT_ACCOUNT, UNKNOWN_NUMBER }

    record Identity(Kind kind, String pin, String fullName, String birthdate) {
    }

    final DinhdanhServer server = DinhdanhServer.get();
    final RelyingParty portal = RelyingParty.portal(server);
    final Random random = new Random(20261203);
    int unknownCounter;

    @Test
    void measureHowAlikeTheThreeKindsOfNumberAreAnswered() throws Exception {
        AdminApi admin = new AdminApi(server);
        List<String> lifted = List.of("login.address", "registration.address", "registration.number");
        lifted.forEach(name -> admin.setRealmAttribute("dinhdanh.limits." + name, "100000/1"));
        StringBuilder out = new StringBuilder();
        try {
            int numbers = (SAMPLES + WARMUP + ATTEMPTS_PER_NUMBER - 1) / ATTEMPTS_PER_NUMBER;
            Map<Kind, List<Identity>> login = identities(numbers);
            out.append(measure("wrong password at login", login, this::wrongPassword));
            Map<Kind, List<Identity>> registration = identities(numbers);
            out.append(measure("refused registration", registration, this::refusedRegistration));
        } finally {
            lifted.forEach(name -> admin.setRealmAttribute("dinhdanh.limits." + name, ""));
        }
        String header = "dinhdanh enumeration timing, " + Instant.now() + ", " + SAMPLES + " samples per kind, one client, "
                + Runtime.getRuntime().availableProcessors() + " cores\n";
        System.out.print(header + out);
        Path dir = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("enumeration-timing.txt"), header + out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Numbers of each kind; the accounts are registered first (their registration is not measured). */
    Map<Kind, List<Identity>> identities(int perKind) {
        Map<Kind, List<Identity>> all = new LinkedHashMap<>();
        List<Identity> accounts = new ArrayList<>();
        List<Identity> citizens = new ArrayList<>();
        List<Identity> unknown = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            FreshCitizens.Citizen a = CitizenRegistration.registerFresh(server, portal, PASSWORD);
            accounts.add(new Identity(Kind.ACCOUNT, a.pin(), a.fullName(), a.birthdate()));
            FreshCitizens.Citizen c = FreshCitizens.next();
            citizens.add(new Identity(Kind.REGISTRY_CITIZEN_WITHOUT_ACCOUNT, c.pin(), c.fullName(), c.birthdate()));
            unknown.add(new Identity(Kind.UNKNOWN_NUMBER, nextUnknownPin(), "Nguyễn Văn Không Có", "2001-05-09"));
        }
        all.put(Kind.ACCOUNT, accounts);
        all.put(Kind.REGISTRY_CITIZEN_WITHOUT_ACCOUNT, citizens);
        all.put(Kind.UNKNOWN_NUMBER, unknown);
        return all;
    }

    String nextUnknownPin() {
        while (true) {
            String pin = "036201" + String.format("%06d", 900_000 - unknownCounter++);
            if (!FreshCitizens.inRegistry(pin)) {
                return pin;
            }
        }
    }

    record Answer(long nanos, String shape) {
    }

    /** A wrong password for this number; times the form post only. */
    Answer wrongPassword(Identity who) {
        Browser browser = new Browser();
        Response page = CitizenLogin.openLoginPage(browser, portal.authorize("openid"));
        long start = System.nanoTime();
        Response answer = CitizenLogin.submit(browser, page, who.pin(), "Wrong-Passw0rd-" + random.nextInt(1000));
        return new Answer(System.nanoTime() - start, shape(answer));
    }

    /** A registration the registry check refuses: the account's own details, a citizen's with the wrong name, an unknown number. */
    Answer refusedRegistration(Identity who) {
        Browser browser = new Browser();
        Response page = CitizenRegistration.open(browser, portal.authorize("openid"));
        String name = who.kind() == Kind.REGISTRY_CITIZEN_WITHOUT_ACCOUNT ? who.fullName() + " Sai" : who.fullName();
        CitizenRegistration.Form form = CitizenRegistration.Form.of(who.pin(), name, who.birthdate(), PASSWORD);
        long start = System.nanoTime();
        Response answer = CitizenRegistration.submit(browser, page, form);
        return new Answer(System.nanoTime() - start, shape(answer));
    }

    /** What the citizen sees: the status and the messages of the page, without the number typed. */
    static String shape(Response answer) {
        StringBuilder s = new StringBuilder("HTTP ").append(answer.statusCode());
        Matcher m = MESSAGE.matcher(answer.asString());
        while (m.find()) {
            s.append(" | ").append(m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim());
        }
        return s.toString();
    }

    String measure(String what, Map<Kind, List<Identity>> identities, Function<Identity, Answer> probe) {
        // the same schedule for every kind: each number gets ATTEMPTS_PER_NUMBER tries, kinds interleaved at random
        List<Kind> schedule = new ArrayList<>();
        for (int i = 0; i < WARMUP + SAMPLES; i++) {
            schedule.addAll(List.of(Kind.values()));
        }
        Map<Kind, Integer> used = new LinkedHashMap<>();
        Map<Kind, List<Double>> millis = new LinkedHashMap<>();
        Map<Kind, Set<String>> shapes = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            millis.put(k, new ArrayList<>());
            shapes.put(k, new LinkedHashSet<>());
        }
        for (int round = 0; round < WARMUP + SAMPLES; round++) {
            List<Kind> order = new ArrayList<>(List.of(Kind.values()));
            Collections.shuffle(order, random);
            for (Kind k : order) {
                int n = used.merge(k, 1, Integer::sum) - 1;
                Identity who = identities.get(k).get(n / ATTEMPTS_PER_NUMBER);
                Answer a = probe.apply(who);
                if (round >= WARMUP) {
                    millis.get(k).add(a.nanos() / 1e6);
                    shapes.get(k).add(a.shape());
                }
            }
        }
        StringBuilder out = new StringBuilder(what).append('\n');
        double lowest = Double.MAX_VALUE, highest = 0;
        for (Kind k : Kind.values()) {
            List<Double> sorted = new ArrayList<>(millis.get(k));
            Collections.sort(sorted);
            double median = percentile(sorted, 50);
            lowest = Math.min(lowest, median);
            highest = Math.max(highest, median);
            out.append(String.format(Locale.ROOT, "  %-34s median %7.2f ms  p90 %7.2f ms  (%d samples)%n", k, median,
                    percentile(sorted, 90), sorted.size()));
        }
        out.append(String.format(Locale.ROOT, "  largest difference between medians: %.2f ms (target < 5 ms)%n", highest - lowest));
        Set<String> distinct = new LinkedHashSet<>();
        shapes.values().forEach(distinct::addAll);
        boolean alike = shapes.values().stream().allMatch(s -> s.equals(shapes.get(Kind.ACCOUNT)));
        out.append("  answers alike for the three kinds: ").append(alike ? "yes" : "NO").append('\n');
        if (!alike) {
            shapes.forEach((k, s) -> out.append("    ").append(k).append(": ").append(s).append('\n'));
        }
        return out.toString();
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

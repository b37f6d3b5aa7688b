package vn.dinhdanh.registry.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.Provinces;
import vn.dinhdanh.registry.Sex;
import vn.dinhdanh.registry.importer.CitizenCsvFormat;
import vn.dinhdanh.registry.importer.CitizenRecord;

/**
 * Synthetic demo citizens: none are real people. The output depends only on the seed and the count (the reference
 * date is fixed at {@link #REFERENCE_DATE}, not the system clock). The first rows are always the {@link #FIXED}
 * citizens the README and the realm refer to.
 *
 * <pre>
 * java -cp dinhdanh-registry.jar vn.dinhdanh.registry.demo.DemoCitizens --count 1000 --seed 20260101 --out citizens.csv
 * </pre>
 */
public final class DemoCitizens {

    /** "Today" for the generator: birth years and card dates are drawn before it. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);
    public static final long DEFAULT_SEED = 20260101L;

    private static final String VN = "Việt Nam";
    private static final String KINH = "Kinh";
    private static final String NO_RELIGION = "Không";

    /** The fixed demo citizens, always the first rows of the generated file. */
    public static final List<CitizenRecord> FIXED = List.of(
            fixed("001090012345", "Nguyễn Văn An", "1990-03-15", Sex.MALE, LifeStatus.LIVING,
                    "Xã Phù Đổng, Huyện Gia Lâm, Hà Nội", "Phường Điện Biên, Quận Ba Đình, Hà Nội",
                    "2021-04-01", "2030-03-15", CardStatus.VALID),
            fixed("079195012346", "Trần Thị Bích Ngọc", "1995-07-02", Sex.FEMALE, LifeStatus.LIVING,
                    "Xã Tân Thông Hội, Huyện Củ Chi, Hồ Chí Minh", "Phường Bến Nghé, Quận 1, Hồ Chí Minh",
                    "2022-01-10", "2035-07-02", CardStatus.VALID),
            fixed("001045000777", "Lê Văn Hùng", "1945-01-20", Sex.MALE, LifeStatus.DECEASED,
                    "Xã Vạn Phúc, Huyện Thanh Trì, Hà Nội", "Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội",
                    "2021-06-01", null, CardStatus.VALID),
            fixed("048302004321", "Phạm Minh Châu", "2002-11-20", Sex.FEMALE, LifeStatus.LIVING,
                    "Xã Hòa Tiến, Huyện Hòa Vang, Đà Nẵng", "Phường Hải Châu I, Quận Hải Châu, Đà Nẵng",
                    "2021-09-09", "2027-11-20", CardStatus.REVOKED),
            fixed("031088009876", "Hoàng Văn Đức", "1988-08-08", Sex.MALE, LifeStatus.LIVING,
                    "Xã An Lư, Huyện Thủy Nguyên, Hải Phòng", "Phường Máy Chai, Quận Ngô Quyền, Hải Phòng",
                    "2021-05-05", "2028-08-08", CardStatus.REPORTED_LOST),
            fixed("036201005555", "Vũ Quang Huy", "2001-05-09", Sex.MALE, LifeStatus.LIVING,
                    "Xã Hải Minh, Huyện Hải Hậu, Nam Định", "Phường Trần Hưng Đạo, Thành phố Nam Định, Nam Định",
                    "2023-02-02", "2041-05-09", CardStatus.VALID));

    // Family names with rough weights (per mille) in the population.
    private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai", "Cao" };
    private static final int[] FAMILY_WEIGHT = { 380, 110, 95, 70, 31, 20, 45, 24, 15, 21, 20, 14, 13, 13, 10, 5, 6,
            5, 4, 4 };
    private static final String[] MIDDLE_MALE = { "Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công",
            "Xuân", "Hoàng", "Gia", "Tuấn", "Anh", "Quốc", "Trọng", "Đình", "Ngọc", "Thanh", "Mạnh" };
    private static final String[] SECOND_MIDDLE_FEMALE = { "Bích", "Thu", "Thanh", "Kim", "Ngọc", "Hồng", "Mai",
            "Thùy", "Diệu", "Phương", "Minh", "Quỳnh" };
    private static final String[] MIDDLE_FEMALE = { "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh",
            "Phương", "Bảo", "Hồng", "Mai", "Khánh", "Thùy", "Diệu", "Bích", "Hải", "Quỳnh", "Tuyết", "Thảo" };
    private static final String[] GIVEN_MALE = { "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khoa",
            "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu",
            "Hoàng", "Khang", "Phúc", "Đạt", "Kiên", "Lâm", "Lộc", "Nghĩa", "Thịnh", "Tùng", "Duy", "Khải", "Bảo" };
    private static final String[] GIVEN_FEMALE = { "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương",
            "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thư",
            "Trang", "Vân", "Yến", "Hằng", "Huyền", "Nhi", "Tuyết", "Uyên", "Châu", "Diệp", "Hiền", "Lụa", "Thủy" };
    private static final String[] HANOI_URBAN = { "Quận Ba Đình", "Quận Hoàn Kiếm", "Quận Đống Đa",
            "Quận Cầu Giấy", "Quận Hai Bà Trưng", "Quận Thanh Xuân", "Quận Long Biên", "Quận Tây Hồ",
            "Quận Hoàng Mai", "Quận Hà Đông" };
    private static final String[] HANOI_RURAL = { "Huyện Đông Anh", "Huyện Gia Lâm", "Huyện Sóc Sơn",
            "Huyện Thanh Trì", "Huyện Ba Vì", "Huyện Mỹ Đức" };
    private static final String[] HCM_URBAN = { "Quận 1", "Quận 3", "Quận 5", "Quận 7", "Quận 10",
            "Quận Bình Thạnh", "Quận Phú Nhuận", "Quận Gò Vấp", "Quận Tân Bình", "Thành phố Thủ Đức" };
    private static final String[] HCM_RURAL = { "Huyện Củ Chi", "Huyện Bình Chánh", "Huyện Hóc Môn",
            "Huyện Nhà Bè", "Huyện Cần Giờ" };
    private static final String[] RURAL_DISTRICTS = { "Huyện Yên Lạc", "Huyện Kim Sơn", "Huyện Đông Hưng",
            "Huyện Quỳnh Lưu", "Huyện Phú Lộc", "Huyện Tân Phú", "Huyện Bình Minh", "Huyện Châu Thành",
            "Huyện Thuận Thành", "Huyện Gio Linh", "Huyện Yên Thế", "Huyện Tiên Lãng", "Huyện Hải Hậu" };
    private static final String[] WARDS = { "Phường Trần Hưng Đạo", "Phường Lê Lợi", "Phường Quang Trung",
            "Phường Hòa Bình", "Phường Tân Lập", "Phường Minh Khai", "Phường Nguyễn Trãi", "Phường Đông Xuyên",
            "Phường 1", "Phường 3", "Phường 7", "Phường 12" };
    private static final String[] COMMUNES = { "Xã Tân Lập", "Xã An Bình", "Xã Phú Thịnh", "Xã Hòa Lạc",
            "Xã Đông Hòa", "Xã Nghĩa Hưng", "Xã Yên Thế", "Xã Thạch Bàn", "Xã Vĩnh Phúc", "Xã Quảng Phú",
            "Xã Tam Hiệp", "Xã Cẩm Thanh", "Xã Long Hưng", "Xã Hiệp Hòa" };
    private static final String[] ETHNICITIES = { "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Dao",
            "Gia Rai", "Ê Đê" };
    private static final String[] RELIGIONS = { "Phật giáo", "Phật giáo", "Phật giáo", "Công giáo", "Công giáo",
            "Cao Đài", "Tin Lành", "Phật giáo Hòa Hảo" };

    private DemoCitizens() {
    }

    public static void main(String[] args) throws IOException {
        int count = 1000;
        long seed = DEFAULT_SEED;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("Missing value for " + a);
                return;
            }
            switch (a) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    usage("Unknown option " + a);
                    return;
                }
            }
        }
        if (count < 0) {
            usage("--count must not be negative");
            return;
        }
        long start = System.nanoTime();
        if (out == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(w, count, seed);
            w.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                write(w, count, seed);
            }
            System.err.printf("Wrote %d synthetic citizens (seed %d) to %s in %d ms%n", count, seed, out,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: DemoCitizens [--count 1000] [--seed 20260101] [--out citizens.csv]");
        System.exit(2);
    }

    /** Writes the header and {@code count} rows (the fixed citizens first). */
    public static void write(Writer out, int count, long seed) throws IOException {
        out.write(String.join(",", CitizenCsvFormat.COLUMNS));
        out.write('\n');
        Generator g = new Generator(seed);
        for (int i = 0; i < count; i++) {
            CitizenRecord r = i < FIXED.size() ? FIXED.get(i) : g.next();
            writeRow(out, r);
        }
    }

    /** The records, as {@link #write} would write them. Holds them all in memory: for small counts. */
    public static List<CitizenRecord> generate(int count, long seed) {
        List<CitizenRecord> list = new ArrayList<>(count);
        Generator g = new Generator(seed);
        for (int i = 0; i < count; i++) {
            list.add(i < FIXED.size() ? FIXED.get(i) : g.next());
        }
        return list;
    }

    static void writeRow(Writer out, CitizenRecord r) throws IOException {
        Citizen c = r.citizen();
        IdentityCard k = r.card();
        String[] fields = { c.personalIdNumber().value(), c.fullName(), c.dateOfBirth().toString(),
                c.sex() == Sex.MALE ? "M" : "F", c.nationality(), c.ethnicity(), c.religion(), c.placeOfOrigin(),
                c.placeOfResidence(), c.lifeStatus().name(), k == null ? "" : k.cardNumber(),
                k == null ? "" : k.issueDate().toString(),
                k == null || k.expiryDate() == null ? "" : k.expiryDate().toString(),
                k == null ? "" : k.status().name() };
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csv(fields[i]));
        }
        out.write('\n');
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * Expiry of a chip card under the Law on Identification: renewed at 25, 40 and 60; a card issued within two
     * years before one of those ages runs to the next one; from 58 on it never expires.
     */
    public static LocalDate expiryFor(PartialDate dob, LocalDate issue) {
        LocalDate birthday = LocalDate.of(dob.year(), dob.month().orElse(1), dob.day().orElse(1));
        for (int age : new int[] { 25, 40, 60 }) {
            LocalDate milestone = birthday.plusYears(age);
            if (issue.isBefore(milestone.minusYears(2))) {
                return milestone;
            }
        }
        return null;
    }

    private static CitizenRecord fixed(String pin, String name, String dob, Sex sex, LifeStatus life,
            String origin, String residence, String issue, String expiry, CardStatus status) {
        try {
            Citizen c = new Citizen(PersonalIdNumber.parse(pin), name, PartialDate.parse(dob), sex, VN, KINH,
                    NO_RELIGION, origin, residence, life);
            IdentityCard card = new IdentityCard(pin, LocalDate.parse(issue),
                    expiry == null ? null : LocalDate.parse(expiry), status);
            return new CitizenRecord(c, card);
        } catch (InvalidPersonalIdNumberException e) {
            throw new IllegalStateException("Fixed demo citizen has a bad number: " + e.reason().code(), e);
        }
    }

    /** Deterministic stream of synthetic citizens for one seed. */
    static final class Generator {
        private final Random random;
        private final Set<String> used = new HashSet<>();
        private final List<String> provinceCodes = Provinces.codes();
        private final Map<String, String> provinceNames = Provinces.all();
        private final int familyTotal;

        Generator(long seed) {
            this.random = new Random(seed);
            for (CitizenRecord r : FIXED) {
                used.add(r.citizen().personalIdNumber().value());
            }
            int total = 0;
            for (int w : FAMILY_WEIGHT) {
                total += w;
            }
            this.familyTotal = total;
        }

        CitizenRecord next() {
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            int age = age();
            int year = REFERENCE_DATE.getYear() - 1 - age;
            LocalDate birthday = LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
            PartialDate dob = PartialDate.of(birthday);
            if (age >= 75) {
                int r = random.nextInt(100);
                if (r < 15) {
                    dob = PartialDate.ofYear(year);
                } else if (r < 25) {
                    dob = PartialDate.ofYearMonth(year, birthday.getMonthValue());
                }
            }
            String birthProvince = province();
            String residenceProvince = random.nextInt(100) < 70 ? birthProvince
                    : (random.nextBoolean() ? "001" : "079");
            PersonalIdNumber pin = pin(birthProvince, sex, year);
            String name = name(sex);
            boolean deceased = random.nextInt(1000) < (age >= 70 ? 40 : 5);
            boolean kinh = random.nextInt(100) < 88;
            String religion = random.nextInt(100) < 80 ? NO_RELIGION : pick(RELIGIONS);
            Citizen c = new Citizen(pin, name, dob, sex, VN, kinh ? KINH : pick(ETHNICITIES), religion,
                    origin(birthProvince), residence(residenceProvince),
                    deceased ? LifeStatus.DECEASED : LifeStatus.LIVING);
            return new CitizenRecord(c, card(pin, dob, birthday, age, deceased));
        }

        private int age() {
            // roughly the age pyramid of Vietnam, 0-99
            int r = random.nextInt(100);
            if (r < 20) {
                return random.nextInt(18);
            } else if (r < 60) {
                return 18 + random.nextInt(27);
            } else if (r < 88) {
                return 45 + random.nextInt(25);
            }
            return 70 + random.nextInt(30);
        }

        private String province() {
            int r = random.nextInt(100);
            if (r < 12) {
                return "001";
            } else if (r < 24) {
                return "079";
            }
            return provinceCodes.get(random.nextInt(provinceCodes.size()));
        }

        private PersonalIdNumber pin(String province, Sex sex, int year) {
            String prefix = PersonalIdNumber.prefix(province, sex, year);
            while (true) {
                String candidate = prefix + String.format("%06d", random.nextInt(1_000_000));
                if (used.add(candidate)) {
                    try {
                        return PersonalIdNumber.parse(candidate, java.time.Clock.fixed(
                                REFERENCE_DATE.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                                java.time.ZoneOffset.UTC));
                    } catch (InvalidPersonalIdNumberException e) {
                        throw new IllegalStateException("Generated an invalid number: " + e.reason().code(), e);
                    }
                }
            }
        }

        private String name(Sex sex) {
            int r = random.nextInt(familyTotal);
            String family = FAMILY[FAMILY.length - 1];
            for (int i = 0; i < FAMILY.length; i++) {
                r -= FAMILY_WEIGHT[i];
                if (r < 0) {
                    family = FAMILY[i];
                    break;
                }
            }
            boolean male = sex == Sex.MALE;
            String middle = pick(male ? MIDDLE_MALE : MIDDLE_FEMALE);
            String given = pick(male ? GIVEN_MALE : GIVEN_FEMALE);
            if (!male && "Thị".equals(middle) && random.nextInt(100) < 30) {
                // four-word names such as "Trần Thị Bích Ngọc"
                middle = middle + " " + pick(SECOND_MIDDLE_FEMALE);
            }
            return family + " " + middle + " " + given;
        }

        private String origin(String province) {
            return pick(COMMUNES) + ", " + ruralDistrict(province) + ", " + provinceNames.get(province);
        }

        private String residence(String province) {
            boolean big = "001".equals(province) || "079".equals(province);
            if (random.nextInt(100) < (big ? 80 : 40)) {
                String district = "001".equals(province) ? pick(HANOI_URBAN)
                        : "079".equals(province) ? pick(HCM_URBAN) : "Thành phố " + provinceNames.get(province);
                return pick(WARDS) + ", " + district + ", " + provinceNames.get(province);
            }
            return pick(COMMUNES) + ", " + ruralDistrict(province) + ", " + provinceNames.get(province);
        }

        private String ruralDistrict(String province) {
            if ("001".equals(province)) {
                return pick(HANOI_RURAL);
            } else if ("079".equals(province)) {
                return pick(HCM_RURAL);
            }
            return pick(RURAL_DISTRICTS);
        }

        private IdentityCard card(PersonalIdNumber pin, PartialDate dob, LocalDate birthday, int age,
                boolean deceased) {
            LocalDate fourteen = birthday.plusYears(14);
            LocalDate firstIssue = LocalDate.of(2021, 1, 1);
            LocalDate lastIssue = LocalDate.of(2025, 12, 1);
            LocalDate from = fourteen.isAfter(firstIssue) ? fourteen : firstIssue;
            if (from.isAfter(lastIssue) || random.nextInt(100) < 4) {
                return null; // too young for a card, or never applied
            }
            long span = java.time.temporal.ChronoUnit.DAYS.between(from, lastIssue);
            LocalDate issue = from.plusDays(span <= 0 ? 0 : random.nextInt((int) span + 1));
            LocalDate expiry = expiryFor(dob, issue);
            CardStatus status;
            int r = random.nextInt(1000);
            if (deceased) {
                status = r < 700 ? CardStatus.REVOKED : CardStatus.VALID;
            } else if (r < 15) {
                status = CardStatus.REPORTED_LOST;
            } else if (r < 25) {
                status = CardStatus.REVOKED;
            } else if (r < 40) {
                status = CardStatus.REPLACED;
            } else {
                status = CardStatus.VALID;
            }
            Objects.requireNonNull(pin);
            return new IdentityCard(pin.value(), issue, expiry, status);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}

package vn.dinhdanh.chipcard.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.Citizen;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.icao.virtualcard.VirtualCardIssuer;
import vn.dinhdanh.registry.Sex;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.CitizenRecord;

/**
 * DEMO ONLY. The demo issuing state (a TEST CSCA and Document Signer derived from a published seed) and virtual
 * cards for the demo registry's citizens. The demo server trusts this CSCA only in the demo profile; anyone can
 * derive its private keys from the seed, so it must never be a production trust anchor.
 */
public final class DemoCards {

    public static final String DEMO_SEED = "dinhdanh-demo-DEMO-ONLY";
    private static final AtomicReference<TestCountry> COUNTRY = new AtomicReference<>();

    private DemoCards() {
    }

    public static TestCountry country() {
        TestCountry c = COUNTRY.get();
        if (c == null) {
            COUNTRY.compareAndSet(null, TestCountry.ec(DEMO_SEED));
            c = COUNTRY.get();
        }
        return c;
    }

    /** Writes the demo CSCA and its CRL: the server's trust folder in the demo profile. */
    public static void writeTrustFolder(Path dir) throws IOException {
        country().writeTrustFolder(dir);
    }

    /** The demo card of a registry citizen (its dates and names as the registry has them). */
    public static VirtualCard cardFor(CitizenRecord record) {
        return cardFor(record, o -> o);
    }

    /** The same card with other issuing options: the fault knobs of the virtual-card issuer (cloned chip, ...). */
    public static VirtualCard cardFor(CitizenRecord record, java.util.function.UnaryOperator<CardOptions> options) {
        return cardFor(record, country().issuer(), options);
    }

    /** The citizen's card as another issuer (another Document Signer of the demo state, say) would make it. */
    public static VirtualCard cardFor(CitizenRecord record, VirtualCardIssuer issuer, java.util.function.UnaryOperator<CardOptions> options) {
        var c = record.citizen();
        LocalDate dob = c.dateOfBirth().toLocalDate().orElse(LocalDate.of(c.dateOfBirth().year(), 1, 1));
        LocalDate issued = record.card() == null ? LocalDate.of(2021, 7, 1) : record.card().issueDate();
        LocalDate expiry = record.card() == null || record.card().expiryDate() == null ? LocalDate.of(2099, 12, 31) : record.card().expiryDate();
        Citizen citizen = new Citizen(c.personalIdNumber().value(), c.fullName(), dob, c.sex() == Sex.FEMALE ? 'F' : 'M',
                blankToNull(c.placeOfOrigin()), blankToNull(c.placeOfResidence()), issued, expiry, null, null);
        return issuer.issue(citizen, options.apply(CardOptions.defaults().aaKey(KeySpec.EC_P256).aaKeyLabel("aa-" + c.personalIdNumber().value())));
    }

    /** Finds a citizen in a registry CSV (the demo file: realm-config/src/main/resources/demo/citizens.csv). */
    public static Optional<CitizenRecord> findInCsv(Path csv, String personalIdNumber) throws IOException {
        AtomicReference<CitizenRecord> found = new AtomicReference<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CitizenCsvImport.withDefaults().importFrom(reader, batch -> batch.stream()
                    .filter(r -> r.citizen().personalIdNumber().value().equals(personalIdNumber))
                    .forEach(found::set), new StringWriter());
        }
        return Optional.ofNullable(found.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package vn.dinhdanh.registry.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManager;
import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.Sex;
import vn.dinhdanh.registry.demo.DemoCitizens;
import vn.dinhdanh.registry.importer.CitizenRecord;

class JpaPopulationRegistryTest {

    private TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        db.inTransaction(em -> new RegistryWriter(em).upsertAll(DemoCitizens.FIXED));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private static PersonalIdNumber pin(String s) throws Exception {
        return PersonalIdNumber.parse(s);
    }

    @Test
    void whenCitizenExists_thenEveryFieldComesBack() throws Exception {
        try (EntityManager em = db.emf.createEntityManager()) {
            Citizen c = new JpaPopulationRegistry(em).findCitizen(pin("079195012346")).orElseThrow();

            assertThat(c).isEqualTo(DemoCitizens.FIXED.get(1).citizen());
            assertThat(c.fullName()).isEqualTo("Trần Thị Bích Ngọc");
            assertThat(c.dateOfBirth()).isEqualTo(PartialDate.parse("1995-07-02"));
            assertThat(c.sex()).isEqualTo(Sex.FEMALE);
            assertThat(c.nationality()).isEqualTo("Việt Nam");
            assertThat(c.ethnicity()).isEqualTo("Kinh");
            assertThat(c.religion()).isEqualTo("Không");
            assertThat(c.placeOfResidence()).isEqualTo("Phường Bến Nghé, Quận 1, Hồ Chí Minh");
            assertThat(c.lifeStatus()).isEqualTo(LifeStatus.LIVING);
        }
    }

    @Test
    void whenCitizenUnknown_thenEmpty() throws Exception {
        try (EntityManager em = db.emf.createEntityManager()) {
            JpaPopulationRegistry registry = new JpaPopulationRegistry(em);

            assertThat(registry.findCitizen(pin("001090099999"))).isEmpty();
            assertThat(registry.currentCard(pin("001090099999"))).isEmpty();
            assertThat(registry.cards(pin("001090099999"))).isEmpty();
        }
    }

    @Test
    void whenDeceased_thenRecordSaysSo() throws Exception {
        try (EntityManager em = db.emf.createEntityManager()) {
            assertThat(new JpaPopulationRegistry(em).findCitizen(pin("001045000777")).orElseThrow().isDeceased())
                    .isTrue();
        }
    }

    @Test
    void whenCardsExist_thenCurrentCardIsTheNewestAndStatusesAreKept() throws Exception {
        Citizen huy = DemoCitizens.FIXED.get(5).citizen();
        IdentityCard older = new IdentityCard("C36201005555", LocalDate.of(2016, 5, 1), LocalDate.of(2023, 2, 2),
                CardStatus.REPLACED);
        db.inTransaction(em -> new RegistryWriter(em).upsert(huy, older));

        try (EntityManager em = db.emf.createEntityManager()) {
            JpaPopulationRegistry registry = new JpaPopulationRegistry(em);

            List<IdentityCard> cards = registry.cards(pin("036201005555"));
            assertThat(cards).extracting(IdentityCard::status).containsExactly(CardStatus.VALID, CardStatus.REPLACED);
            assertThat(registry.currentCard(pin("036201005555"))).contains(DemoCitizens.FIXED.get(5).card());
            assertThat(registry.currentCard(pin("048302004321")).orElseThrow().status()).isEqualTo(CardStatus.REVOKED);
            assertThat(registry.currentCard(pin("031088009876")).orElseThrow().status())
                    .isEqualTo(CardStatus.REPORTED_LOST);
            assertThat(registry.currentCard(pin("001045000777")).orElseThrow().expiryDate()).isNull();
        }
    }

    @Test
    void whenCounting_thenEveryCitizenCounts() throws Exception {
        try (EntityManager em = db.emf.createEntityManager()) {
            assertThat(new JpaPopulationRegistry(em).countCitizens()).isEqualTo(DemoCitizens.FIXED.size());
        }
    }

    @Test
    void whenUpsertingAnExistingCitizen_thenTheRecordIsUpdatedNotDuplicated() throws Exception {
        CitizenRecord an = DemoCitizens.FIXED.get(0);
        Citizen c = an.citizen();
        Citizen moved = new Citizen(c.personalIdNumber(), c.fullName(), c.dateOfBirth(), c.sex(), c.nationality(),
                c.ethnicity(), c.religion(), c.placeOfOrigin(), "Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội",
                LifeStatus.LIVING);
        IdentityCard lost = new IdentityCard(an.card().cardNumber(), an.card().issueDate(), an.card().expiryDate(),
                CardStatus.REPORTED_LOST);
        db.inTransaction(em -> new RegistryWriter(em).upsert(moved, lost));

        try (EntityManager em = db.emf.createEntityManager()) {
            JpaPopulationRegistry registry = new JpaPopulationRegistry(em);
            assertThat(registry.findCitizen(c.personalIdNumber()).orElseThrow().placeOfResidence())
                    .isEqualTo("Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội");
            assertThat(registry.cards(c.personalIdNumber())).containsExactly(lost);
            assertThat(registry.countCitizens()).isEqualTo(DemoCitizens.FIXED.size());
        }
        assertThat(db.count("registry_card")).isEqualTo(DemoCitizens.FIXED.size());
    }

    @Test
    void whenPartialBirthDate_thenItRoundTrips() throws Exception {
        Citizen old = new Citizen(pin("002131000001"), "Lý Thị Mai", PartialDate.parse("1931-07"), Sex.FEMALE,
                "Việt Nam", "Tày", "Không", null, null, LifeStatus.LIVING);
        db.inTransaction(em -> new RegistryWriter(em).upsert(old, null));

        try (EntityManager em = db.emf.createEntityManager()) {
            Citizen back = new JpaPopulationRegistry(em).findCitizen(old.personalIdNumber()).orElseThrow();
            assertThat(back.dateOfBirth()).hasToString("1931-07");
            assertThat(back.placeOfOrigin()).isNull();
            assertThat(back).isEqualTo(old);
        }
    }

    @Test
    void whenTheDatabaseIsGone_thenEveryLookupIsUnavailable_neverUnknown_andTheMessageHoldsNoNumber() throws Exception {
        try (EntityManager em = db.emf.createEntityManager()) {
            JpaPopulationRegistry registry = new JpaPopulationRegistry(em, java.time.Duration.ofSeconds(2));
            assertThat(registry.findCitizen(pin("079195012346"))).isPresent();
            try (var c = db.connection(); var st = c.createStatement()) {
                st.execute("DROP TABLE registry_card");
                st.execute("DROP TABLE registry_citizen");
            }
            em.clear();
            for (org.assertj.core.api.ThrowableAssert.ThrowingCallable lookup : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                    () -> registry.findCitizen(pin("079195012346")), () -> registry.cards(pin("079195012346")),
                    () -> registry.currentCard(pin("079195012346")), registry::countCitizens)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(lookup)
                        .isInstanceOf(vn.dinhdanh.registry.RegistryUnavailableException.class)
                        .hasMessageStartingWith("Registry database did not answer: ")
                        .hasMessageNotContaining("079195012346");
            }
        }
    }

    @Test
    void whenTheStatementTimeoutIsNegative_thenItIsRefused() {
        try (EntityManager em = db.emf.createEntityManager()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JpaPopulationRegistry(em, java.time.Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

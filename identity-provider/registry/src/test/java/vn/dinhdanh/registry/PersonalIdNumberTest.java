package vn.dinhdanh.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.dinhdanh.registry.InvalidPersonalIdNumberException.Reason;

class PersonalIdNumberTest {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static Reason reasonOf(String raw) {
        try {
            PersonalIdNumber.parse(raw, IN_2026);
        } catch (InvalidPersonalIdNumberException e) {
            return e.reason();
        }
        throw new AssertionError("expected the number to be rejected");
    }

    @Test
    void whenValidMaleNumber_thenPartsAreDecoded() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("001090012345", IN_2026);

        assertThat(pin.value()).isEqualTo("001090012345");
        assertThat(pin.provinceCode()).isEqualTo("001");
        assertThat(pin.sex()).isEqualTo(Sex.MALE);
        assertThat(pin.birthYear()).isEqualTo(1990);
    }

    @ParameterizedTest
    @CsvSource({ "079195012346, FEMALE, 1995", "048302004321, FEMALE, 2002", "036201005555, MALE, 2001",
            "001000000001, MALE, 1900", "001199000001, FEMALE, 1999", "001225000001, MALE, 2025",
            "001326000001, FEMALE, 2026" })
    void whenCenturyAndSexDigit_thenSexAndBirthYearFollow(String raw, Sex sex, int year) throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse(raw, IN_2026);

        assertThat(pin.sex()).isEqualTo(sex);
        assertThat(pin.birthYear()).isEqualTo(year);
    }

    @Test
    void whenSurroundedByWhiteSpace_thenItIsStripped() throws Exception {
        assertThat(PersonalIdNumber.parse("  001090012345\t", IN_2026).value()).isEqualTo("001090012345");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t\n" })
    void whenEmpty_thenEmpty(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(Reason.EMPTY);
    }

    @Test
    void whenNull_thenEmpty() {
        assertThat(reasonOf(null)).isEqualTo(Reason.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = { "00109001234", "0010900123456", "00109001234a", "001 90012345", "００１０９００１２３４５",
            "-01090012345", "001090O12345", "12345" })
    void whenNotTwelveAsciiDigits_thenNotTwelveDigits(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(Reason.NOT_TWELVE_DIGITS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "000090012345", "003090012345", "005090012345", "097090012345", "099090012345",
            "100090012345", "999090012345" })
    void whenProvinceCodeUnknown_thenUnknownProvince(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(Reason.UNKNOWN_PROVINCE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "001090012345", "002090012345", "079090012345", "096090012345" })
    void whenProvinceCodeKnown_thenAccepted(String raw) throws Exception {
        assertThat(PersonalIdNumber.parse(raw, IN_2026).provinceCode()).isEqualTo(raw.substring(0, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = { "001400012345", "001500012345", "001690012345", "001790012345", "001800012345",
            "001999012345" })
    void whenCenturyDigitIsAFutureCentury_thenCenturyInFuture(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(Reason.CENTURY_IN_FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "001227012345", "001399012345", "001230012345" })
    void whenBirthYearAfterCurrentYear_thenBirthYearInFuture(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(Reason.BIRTH_YEAR_IN_FUTURE);
    }

    @Test
    void whenClockMovesOn_thenFutureYearsBecomeValid() throws Exception {
        Clock in2130 = Clock.fixed(Instant.parse("2130-01-01T00:00:00Z"), ZoneOffset.UTC);

        assertThat(PersonalIdNumber.parse("001427012345", in2130).birthYear()).isEqualTo(2127);
        assertThat(PersonalIdNumber.parse("001527012345", in2130).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void whenParsedWithSystemClock_thenRecentNumbersAreValid() throws Exception {
        assertThat(PersonalIdNumber.parse("001090012345").birthYear()).isEqualTo(1990);
    }

    @Test
    void whenSexAndYearAgree_thenNoDisagreement() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("079195012346", IN_2026);

        assertThat(pin.disagreementWith(Sex.FEMALE, 1995)).isEmpty();
    }

    @Test
    void whenSexDisagrees_thenSexMismatch() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("079195012346", IN_2026);

        assertThat(pin.disagreementWith(Sex.MALE, 1995)).contains(Reason.SEX_MISMATCH);
    }

    @Test
    void whenYearDigitsDisagree_thenBirthYearMismatch() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("001090012345", IN_2026);

        assertThat(pin.disagreementWith(Sex.MALE, 1991)).contains(Reason.BIRTH_YEAR_MISMATCH);
    }

    @Test
    void whenOnlyTheCenturyDisagrees_thenBirthYearMismatch() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("001090012345", IN_2026);

        assertThat(pin.disagreementWith(Sex.MALE, 2090)).contains(Reason.BIRTH_YEAR_MISMATCH);
    }

    @Test
    void whenBothDisagree_thenBirthYearMismatchIsReportedFirst() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("001090012345", IN_2026);

        assertThat(pin.disagreementWith(Sex.FEMALE, 1991)).contains(Reason.BIRTH_YEAR_MISMATCH);
    }

    @Test
    void whenPrinted_thenTheNumberIsMasked() throws Exception {
        PersonalIdNumber pin = PersonalIdNumber.parse("001090012345", IN_2026);

        assertThat(pin.toString()).isEqualTo("001*******45").doesNotContain("0900123");
        assertThat(String.valueOf(java.util.List.of(pin))).doesNotContain("001090012345");
    }

    @Test
    void whenSameDigits_thenEqualWithSameHashCode() throws Exception {
        PersonalIdNumber a = PersonalIdNumber.parse("001090012345", IN_2026);
        PersonalIdNumber b = PersonalIdNumber.parse(" 001090012345 ", IN_2026);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(PersonalIdNumber.parse("001090012346", IN_2026));
    }

    @Test
    void whenRejected_thenEachReasonHasItsOwnStableCodeAndNoDigitsInTheMessage() {
        assertThat(Reason.EMPTY.code()).isEqualTo("pin.empty");
        assertThat(Reason.NOT_TWELVE_DIGITS.code()).isEqualTo("pin.not_twelve_digits");
        assertThat(Reason.UNKNOWN_PROVINCE.code()).isEqualTo("pin.unknown_province");
        assertThat(Reason.CENTURY_IN_FUTURE.code()).isEqualTo("pin.century_in_future");
        assertThat(Reason.BIRTH_YEAR_IN_FUTURE.code()).isEqualTo("pin.birth_year_in_future");
        assertThat(Reason.SEX_MISMATCH.code()).isEqualTo("pin.sex_mismatch");
        assertThat(Reason.BIRTH_YEAR_MISMATCH.code()).isEqualTo("pin.birth_year_mismatch");

        assertThatThrownBy(() -> PersonalIdNumber.parse("999090012345", IN_2026))
                .isInstanceOf(InvalidPersonalIdNumberException.class)
                .hasMessageStartingWith("pin.unknown_province")
                .hasMessageNotContaining("999090012345");
    }

    @Test
    void whenBuildingAPrefix_thenItParsesBackToTheSameSexAndYear() throws Exception {
        for (Sex sex : Sex.values()) {
            for (int year : new int[] { 1900, 1945, 1999, 2000, 2026 }) {
                PersonalIdNumber pin = PersonalIdNumber.parse(PersonalIdNumber.prefix("079", sex, year) + "000001",
                        IN_2026);
                assertThat(pin.disagreementWith(sex, year)).isEmpty();
            }
        }
        assertThat(PersonalIdNumber.centurySexDigit(Sex.FEMALE, 2101)).isEqualTo(5);
        assertThatThrownBy(() -> PersonalIdNumber.centurySexDigit(Sex.MALE, 1899))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenProvinceListLoaded_thenSixtyThreeCodesWithNames() {
        assertThat(Provinces.codes()).hasSize(63).startsWith("001").endsWith("096");
        assertThat(Provinces.name("079")).contains("Hồ Chí Minh");
        assertThat(Provinces.isKnown("003")).isFalse();
    }
}

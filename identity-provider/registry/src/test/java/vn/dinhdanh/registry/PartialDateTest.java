package vn.dinhdanh.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @Test
    void whenYearOnly_thenMonthAndDayAreEmpty() {
        PartialDate d = PartialDate.parse("1940");

        assertThat(d.year()).isEqualTo(1940);
        assertThat(d.month()).isEmpty();
        assertThat(d.day()).isEmpty();
        assertThat(d.isComplete()).isFalse();
        assertThat(d).hasToString("1940");
    }

    @Test
    void whenYearAndMonth_thenDayIsEmpty() {
        PartialDate d = PartialDate.parse("1940-03");

        assertThat(d.month()).hasValue(3);
        assertThat(d.day()).isEmpty();
        assertThat(d.isComplete()).isFalse();
        assertThat(d).hasToString("1940-03");
    }

    @Test
    void whenFullDate_thenCompleteAndMatchesThatDay() {
        PartialDate d = PartialDate.parse("1990-03-15");

        assertThat(d.isComplete()).isTrue();
        assertThat(d.day()).hasValue(15);
        assertThat(d.matches(LocalDate.of(1990, 3, 15))).isTrue();
        assertThat(d.matches(LocalDate.of(1990, 3, 16))).isFalse();
        assertThat(d.toLocalDate()).contains(LocalDate.of(1990, 3, 15));
        assertThat(d).hasToString("1990-03-15");
    }

    @Test
    void whenPartial_thenItMatchesNoDay() {
        assertThat(PartialDate.parse("1990").matches(LocalDate.of(1990, 1, 1))).isFalse();
        assertThat(PartialDate.parse("1990-03").matches(LocalDate.of(1990, 3, 1))).isFalse();
        assertThat(PartialDate.parse("1990-03-15").matches(null)).isFalse();
    }

    @Test
    void whenBuiltFromLocalDate_thenEqualToParsedForm() {
        assertThat(PartialDate.of(LocalDate.of(2002, 1, 5))).isEqualTo(PartialDate.parse("2002-01-05"))
                .hasSameHashCodeAs(PartialDate.parse("2002-01-05")).hasToString("2002-01-05");
        assertThat(PartialDate.parse("2002")).isNotEqualTo(PartialDate.parse("2002-01"));
        assertThat(PartialDate.ofYearMonth(1931, 7)).hasToString("1931-07");
        assertThat(PartialDate.ofYear(1931)).hasToString("1931");
    }

    @Test
    void whenLeapDay_thenValidOnlyInLeapYears() {
        assertThat(PartialDate.parse("2000-02-29").isComplete()).isTrue();
        assertThatThrownBy(() -> PartialDate.parse("1900-02-29")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "90", "1990-3", "1990-03-5", "1990-13", "1990-00", "1990-04-31", "1990-03-00",
            "15/03/1990", "1990-03-15T00:00", "0000", "abcd", "1990-03-15 " + "x" })
    void whenNotIsoPartialDate_thenIllegalArgument(String text) {
        assertThatThrownBy(() -> PartialDate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenNull_thenIllegalArgument() {
        assertThatThrownBy(() -> PartialDate.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

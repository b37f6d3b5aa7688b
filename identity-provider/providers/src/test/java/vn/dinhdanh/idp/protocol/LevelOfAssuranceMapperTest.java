package vn.dinhdanh.idp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LevelOfAssuranceMapperTest {

    private static final Map<String, Integer> LEVELS = Map.of("low", 1, "substantial", 2, "high", 3);

    @Test
    void theLevelReachedIsNamed_whateverWasAsked() {
        assertThat(LevelOfAssuranceMapper.acr(3, LEVELS, List.of())).isEqualTo("high");
        assertThat(LevelOfAssuranceMapper.acr(2, LEVELS, List.of())).isEqualTo("substantial");
        assertThat(LevelOfAssuranceMapper.acr(1, LEVELS, List.of())).isEqualTo("low");
    }

    @Test
    void aLevelBetweenNamesIsNamedByTheHighestItSatisfies() {
        assertThat(LevelOfAssuranceMapper.acr(5, LEVELS, List.of())).isEqualTo("high");
    }

    @Test
    void aLevelBelowEveryNameStaysANumber() {
        assertThat(LevelOfAssuranceMapper.acr(0, LEVELS, List.of())).isEqualTo("0");
        assertThat(LevelOfAssuranceMapper.acr(2, Map.of(), List.of())).isEqualTo("2");
    }

    @Test
    void anEssentialAcrClaimIsAnsweredWithOneOfItsValues_whenTheLevelReachedIsNotAmongThem() {
        assertThat(LevelOfAssuranceMapper.acr(3, LEVELS, List.of("substantial"))).isEqualTo("substantial");
        assertThat(LevelOfAssuranceMapper.acr(3, LEVELS, List.of("substantial", "high"))).isEqualTo("high");
        assertThat(LevelOfAssuranceMapper.acr(3, LEVELS, List.of("low", "substantial"))).isEqualTo("substantial");
    }

    @Test
    void anEssentialValueAboveTheLevelReachedNeverRaisesTheAnswer() {
        assertThat(LevelOfAssuranceMapper.acr(2, LEVELS, List.of("high"))).isEqualTo("substantial");
        assertThat(LevelOfAssuranceMapper.acr(1, LEVELS, List.of("gold"))).isEqualTo("low");
    }
}

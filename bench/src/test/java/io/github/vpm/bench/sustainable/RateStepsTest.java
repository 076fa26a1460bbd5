package io.github.vpm.bench.sustainable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class RateStepsTest {

    /** Runs the search against a system that passes exactly the rates {@code sustains} accepts. */
    private static List<Long> search(RateSteps steps, LongPredicate sustains) {
        List<Long> rates = new ArrayList<>();
        for (OptionalLong next = steps.next(); next.isPresent(); next = steps.next()) {
            long rate = next.getAsLong();
            rates.add(rate);
            steps.record(rate, sustains.test(rate));
            assertThat(rates).hasSizeLessThan(100);
        }
        return rates;
    }

    @Test
    void climbsByTheFactorThenRefinesBetweenTheLastPassAndTheFirstFail() {
        RateSteps steps = new RateSteps(2_000, 1.5, 2, 10_000_000);
        List<Long> rates = search(steps, rate -> rate <= 8_000);
        // 2000 3000 4500 6750 pass, 10125 fails; sqrt(6750*10125)=8267 fails; sqrt(6750*8267)=7470 passes
        assertThat(rates).containsExactly(2_000L, 3_000L, 4_500L, 6_750L, 10_125L, 8_267L, 7_470L);
        assertThat(steps.sustainable()).isEqualTo(7_470);
        assertThat(steps.lowestFailed()).hasValue(8_267);
        assertThat(steps.steps()).isEqualTo(7);
    }

    @Test
    void withoutRefinementTheSustainableRateIsTheLastClimbingStepThatPassed() {
        RateSteps steps = new RateSteps(2_000, 1.5, 0, 10_000_000);
        assertThat(search(steps, rate -> rate <= 8_000)).containsExactly(2_000L, 3_000L, 4_500L, 6_750L, 10_125L);
        assertThat(steps.sustainable()).isEqualTo(6_750);
    }

    @Test
    void aFailedFirstStepStepsDownUntilOnePasses() {
        RateSteps steps = new RateSteps(2_000, 2, 1, 10_000_000);
        assertThat(search(steps, rate -> rate <= 600)).containsExactly(2_000L, 1_000L, 500L, 707L);
        assertThat(steps.sustainable()).isEqualTo(500);
    }

    @Test
    void aSystemThatSustainsNothingEndsAtZero() {
        RateSteps steps = new RateSteps(2_000, 2, 2, 10_000_000);
        assertThat(search(steps, rate -> false)).containsExactly(2_000L, 1_000L, 500L, 250L, 125L);
        assertThat(steps.sustainable()).isZero();
        assertThat(steps.lowestFailed()).hasValue(125);
    }

    @Test
    void stopsAtTheMaximumRate() {
        RateSteps steps = new RateSteps(2_000, 3, 2, 20_000);
        assertThat(search(steps, rate -> true)).containsExactly(2_000L, 6_000L, 18_000L, 20_000L);
        assertThat(steps.sustainable()).isEqualTo(20_000);
        assertThat(steps.lowestFailed()).isEmpty();
    }

    @Test
    void refinementStopsWhenNoRateIsLeftBetween() {
        RateSteps steps = new RateSteps(1, 2, 5, 1_000);
        assertThat(search(steps, rate -> rate <= 2)).containsExactly(1L, 2L, 4L, 3L);
        assertThat(steps.sustainable()).isEqualTo(2);
    }

    @Test
    void aSmallFactorStillClimbs() {
        RateSteps steps = new RateSteps(1, 1.01, 0, 3);
        assertThat(search(steps, rate -> true)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aFailedStepRunsAgainBeforeItCounts() {
        RateSteps steps = new RateSteps(2_000, 1.5, 1, 10_000_000, 1);
        // 4500 fails once (a stall) then passes; 6750 fails twice: the climb ends there
        List<Boolean> outcomes = new ArrayList<>(List.of(true, true, false, true, false, false, true));
        List<Long> rates = new ArrayList<>();
        List<Boolean> repeats = new ArrayList<>();
        for (OptionalLong next = steps.next(); next.isPresent(); next = steps.next()) {
            rates.add(next.getAsLong());
            steps.record(next.getAsLong(), outcomes.remove(0));
            repeats.add(steps.repeating());
        }
        // then one refinement, sqrt(4500*6750)=5511, passes
        assertThat(rates).containsExactly(2_000L, 3_000L, 4_500L, 4_500L, 6_750L, 6_750L, 5_511L);
        assertThat(repeats).containsExactly(false, false, true, false, true, false, false);
        assertThat(steps.sustainable()).isEqualTo(5_511);
        assertThat(steps.lowestFailed()).hasValue(6_750);
        assertThat(steps.steps()).isEqualTo(7);
    }

    @Test
    void retriesDoNotChangeWhereASteadySystemEnds() {
        RateSteps steps = new RateSteps(2_000, 1.5, 2, 10_000_000, 2);
        List<Long> rates = search(steps, rate -> rate <= 8_000);
        assertThat(rates).containsExactly(2_000L, 3_000L, 4_500L, 6_750L, 10_125L, 10_125L, 10_125L, 8_267L, 8_267L,
                8_267L, 7_470L);
        assertThat(steps.sustainable()).isEqualTo(7_470);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new RateSteps(10, 1.5, 1, 100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSteps(0, 1.5, 2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSteps(10, 1.0, 2, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSteps(10, 1.5, -1, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSteps(10, 1.5, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.vpm.bench.sustainable;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.bench.sustainable.StepVerdict.Step;
import org.junit.jupiter.api.Test;

class StepVerdictTest {

    private static final long BOUND = 2_000;

    @Test
    void withinTheBoundAtTheTargetRateAndCaughtUpPasses() {
        StepVerdict verdict = StepVerdict.judge(new Step(10_000, 9_990, 5_000, 1_400, 900), BOUND);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.describe()).isEqualTo("pass");
    }

    @Test
    void exactlyTheBoundStillPasses() {
        assertThat(StepVerdict.judge(new Step(10_000, 9_500, 1, BOUND, BOUND), BOUND).passed()).isTrue();
    }

    @Test
    void aP99AboveTheBoundFails() {
        StepVerdict verdict = StepVerdict.judge(new Step(10_000, 10_000, 5_000, 2_001, 900), BOUND);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.describe()).isEqualTo("FAIL (p99 2001 ms > 2000 ms)");
    }

    @Test
    void aProducerBelowTheTargetFails() {
        StepVerdict verdict = StepVerdict.judge(new Step(100_000, 94_999, 5_000, 1_000, 900), BOUND);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).containsExactly("the producer reached only 94999 of 100000 readings/s");
    }

    @Test
    void fallingBehindFailsEvenWithAGoodP99() {
        assertThat(StepVerdict.judge(new Step(10_000, 10_000, 5_000, 1_000, 2_500), BOUND).reasons())
                .containsExactly("fell behind: the last readings' maximum was visible 2500 ms after they were sent"
                        + " (> 2000 ms)");
        assertThat(StepVerdict.judge(new Step(10_000, 10_000, 5_000, 1_000, -1), BOUND).reasons())
                .containsExactly("fell behind: the last readings' maximum was visible not at all after they were"
                        + " sent (> 2000 ms)");
    }

    @Test
    void noMaximaFailsAndEveryReasonIsGiven() {
        StepVerdict verdict = StepVerdict.judge(new Step(10_000, 5_000, 0, 0, -1), BOUND);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.reasons()).hasSize(3).contains("no maxima in the measured window");
    }
}

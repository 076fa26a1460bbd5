package io.github.vpm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SustainableLineTest {

    @Test
    void theLineIsExactlyTheIssuesFormat() {
        assertThat(new SustainableLine(45_562, 15_188).format())
                .isEqualTo("sustainable: job=45562 kafka-streams=15188 job/kafka-streams=3.00");
        assertThat(new SustainableLine(10_125, 15_188).format())
                .isEqualTo("sustainable: job=10125 kafka-streams=15188 job/kafka-streams=0.67");
    }

    @Test
    void theRatioAlwaysHasADot() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(new SustainableLine(1, 3).format()).endsWith(" job/kafka-streams=0.33");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aSystemThatSustainedNothingReadsZero() {
        assertThat(new SustainableLine(0, 2_000).format()).isEqualTo(
                "sustainable: job=0 kafka-streams=2000 job/kafka-streams=0.00");
        assertThat(new SustainableLine(2_000, 0).format()).isEqualTo(
                "sustainable: job=2000 kafka-streams=0 job/kafka-streams=NaN");
    }
}

package io.github.vpm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.bench.report.Report.ThroughputResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScaleLineTest {

    @Test
    void theLineIsExactlyTheIssuesFormat() {
        ScaleLine line = new ScaleLine(1_000_000, 3_000_000, 250_000.4, 600_000, 1234, 5_678_901, 98_765_432, 4321);
        assertThat(line.format()).isEqualTo("scale: vehicles=1000000 readings=3000000 job=250000 ceiling=600000"
                + " job/ceiling=0.42 checkpoint_ms=1234 checkpoint_bytes=5678901 state_bytes=98765432 restore_ms=4321");
    }

    @Test
    void theRatioAlwaysHasADot() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(new ScaleLine(1, 3, 1, 3, 0, 0, 0, 0).format()).contains(" job/ceiling=0.33 ");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void jobAndCeilingAreTheMediansOfTheirRuns() {
        List<ThroughputResult> runs = List.of(
                new ThroughputResult("ceiling", 1, 300, 1, 1, 0, 0),
                new ThroughputResult("job", 1, 100, 1, 1, 0, 0),
                new ThroughputResult("ceiling", 2, 900, 1, 1, 0, 0),
                new ThroughputResult("job", 2, 150, 1, 1, 0, 0),
                new ThroughputResult("ceiling", 3, 600, 1, 1, 0, 0),
                new ThroughputResult("job", 3, 120, 1, 1, 0, 0));
        ScaleLine line = ScaleLine.of(10, 30, runs, 1, 2, 3, 4);
        assertThat(line.job()).isEqualTo(120);
        assertThat(line.ceiling()).isEqualTo(600);
        assertThat(line.jobToCeiling()).isEqualTo(0.2);
    }

    @Test
    void aSingleRunIsItsOwnMedian() {
        ScaleLine line = ScaleLine.of(10, 30, List.of(new ThroughputResult("job", 1, 50, 1, 1, 0, 0),
                new ThroughputResult("ceiling", 1, 200, 1, 1, 0, 0)), 1, 2, 3, 4);
        assertThat(line.format()).startsWith("scale: vehicles=10 readings=30 job=50 ceiling=200 job/ceiling=0.25 ");
    }
}

package io.github.vpm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.bench.report.Report.ThroughputResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Report report(double ceiling, double job, double... moreJobRuns) {
        List<ThroughputResult> runs = new ArrayList<>();
        runs.add(new ThroughputResult("ceiling", 1, ceiling, 1, 10, 1, 0));
        runs.add(new ThroughputResult("job", 1, job, 1, 10, 1, 0));
        int round = 2;
        for (double more : moreJobRuns) {
            runs.add(new ThroughputResult("job", round++, more, 1, 10, 1, 0));
        }
        return new Report(1000, runs, List.of(), 20_000);
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void theLastLineOfAReportIsTheRatios() {
        List<ThroughputResult> runs = new ArrayList<>(List.of(
                new ThroughputResult("ceiling", 1, 800_000, 1, 10, 1, 0),
                new ThroughputResult("kafka-streams", 1, 250_000, 1, 10, 1, 0),
                new ThroughputResult("job", 1, 400_000, 1, 10, 1, 0)));
        assertThat(lastLine(new Report(1000, runs, List.of(), 20_000).render("conditions")))
                .isEqualTo("ratios: job/ceiling=0.50 job/kafka-streams=1.60");
    }

    @Test
    void theRatiosLineLeavesOutABaselineThatDidNotRun() {
        assertThat(lastLine(report(800_000, 400_000).render("conditions"))).isEqualTo("ratios: job/ceiling=0.50");
    }

    @Test
    void theSecurityLineHasTheMediansAndTheJobsRatio() {
        Report plaintext = report(800_000, 400_000, 300_000, 500_000);
        Report saslSsl = report(500_000, 300_000, 100_000, 310_000);
        String text = Report.securityComparison(plaintext, saslSsl);
        assertThat(lastLine(text)).isEqualTo("security: plaintext_job=400000 sasl_ssl_job=300000"
                + " plaintext_ceiling=800000 sasl_ssl_ceiling=500000 sasl_ssl/plaintext=0.75");
        assertThat(text).contains("ceiling                      800000         500000                 0.63");
    }

    @Test
    void aSystemThatDidNotRunIsNaN() {
        Report jobOnly = new Report(1000, List.of(new ThroughputResult("job", 1, 100, 1, 1, 1, 0)), List.of(), 1);
        assertThat(lastLine(Report.securityComparison(jobOnly, jobOnly))).isEqualTo(
                "security: plaintext_job=100 sasl_ssl_job=100 plaintext_ceiling=NaN sasl_ssl_ceiling=NaN"
                        + " sasl_ssl/plaintext=1.00");
    }
}

package io.github.vpm.bench.report;

import io.github.vpm.bench.report.Report.ThroughputResult;
import java.util.List;
import java.util.Locale;

/**
 * The result of one fleet size of {@code bench/run --scale}, printed as one line that scripts and
 * BENCHMARKS.md quote. {@code job} and {@code ceiling} are readings/s (medians of the size's runs),
 * checkpoint figures are those of one incremental checkpoint taken under load, {@code stateBytes}
 * the full state that checkpoint stands for on disk, {@code restoreMillis} the time to start the job
 * from a savepoint of that state until every task runs.
 */
public record ScaleLine(int vehicles, long readings, double job, double ceiling, long checkpointMillis,
                        long checkpointBytes, long stateBytes, long restoreMillis) {

    /** The line of one size from its runs (medians of the {@code job} and {@code ceiling} runs) and its state figures. */
    public static ScaleLine of(int vehicles, long readings, List<ThroughputResult> runs, long checkpointMillis,
                               long checkpointBytes, long stateBytes, long restoreMillis) {
        return new ScaleLine(vehicles, readings, medianOf(runs, "job"), medianOf(runs, "ceiling"), checkpointMillis,
                checkpointBytes, stateBytes, restoreMillis);
    }

    private static double medianOf(List<ThroughputResult> runs, String system) {
        List<Double> values = runs.stream().filter(r -> r.system().equals(system))
                .map(ThroughputResult::recordsPerSecond).toList();
        return values.isEmpty() ? Double.NaN : Stats.median(values);
    }

    public double jobToCeiling() {
        return job / ceiling;
    }

    /** One line, exactly the format; Locale.ROOT so that the ratio always has a dot. */
    public String format() {
        return String.format(Locale.ROOT, "scale: vehicles=%d readings=%d job=%.0f ceiling=%.0f job/ceiling=%.2f"
                        + " checkpoint_ms=%d checkpoint_bytes=%d state_bytes=%d restore_ms=%d", vehicles, readings,
                job, ceiling, jobToCeiling(), checkpointMillis, checkpointBytes, stateBytes, restoreMillis);
    }
}

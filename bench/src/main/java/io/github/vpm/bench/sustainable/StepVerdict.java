package io.github.vpm.bench.sustainable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a system sustained one step of a constant input rate. It did when, over the step's measured
 * window, the p99 end-to-end latency of its maxima (a reading's send time to the maximum being visible
 * to a {@code read_committed} reader) stayed within {@code boundMillis}, the producer reached the
 * target rate (at least {@value #MIN_ACHIEVED} of it), and the maximum of the step's last readings was
 * visible within {@code boundMillis} after they were sent (so the system had not fallen behind).
 *
 * @param passed  all of the above
 * @param reasons why not, one phrase each; empty when it passed
 */
public record StepVerdict(boolean passed, List<String> reasons) {

    /** The share of the target rate the producer must reach. */
    public static final double MIN_ACHIEVED = 0.95;

    /**
     * What one step measured.
     *
     * @param targetRate    readings/s asked of the producer
     * @param achievedRate  readings/s it sent
     * @param samples       maxima with a latency in the measured window
     * @param p99Millis     their 99th percentile (meaningless without samples)
     * @param catchUpMillis from the step's last reading being sent to its maximum being visible; -1 if it
     *                      was not visible at all within the wait
     */
    public record Step(long targetRate, double achievedRate, int samples, long p99Millis, long catchUpMillis) {}

    public static StepVerdict judge(Step step, long boundMillis) {
        List<String> reasons = new ArrayList<>();
        if (step.achievedRate() < MIN_ACHIEVED * step.targetRate()) {
            reasons.add(String.format(Locale.ROOT, "the producer reached only %.0f of %d readings/s",
                    step.achievedRate(), step.targetRate()));
        }
        if (step.samples() == 0) {
            reasons.add("no maxima in the measured window");
        } else if (step.p99Millis() > boundMillis) {
            reasons.add("p99 " + step.p99Millis() + " ms > " + boundMillis + " ms");
        }
        if (step.catchUpMillis() < 0 || step.catchUpMillis() > boundMillis) {
            reasons.add("fell behind: the last readings' maximum was visible "
                    + (step.catchUpMillis() < 0 ? "not at all" : step.catchUpMillis() + " ms") + " after they were"
                    + " sent (> " + boundMillis + " ms)");
        }
        return new StepVerdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    /** "pass" or "FAIL (reason; reason)". */
    public String describe() {
        return passed ? "pass" : "FAIL (" + String.join("; ", reasons) + ")";
    }
}

package io.github.vpm.bench.sustainable;

import java.util.OptionalLong;

/**
 * The input rates of a sustainable-rate search ({@code bench/run --sustainable}), one step at a time:
 * start at {@code start} readings/s and multiply by {@code factor} after every step that passed; after
 * the first failed step, up to {@code refinements} steps at the geometric mean of the highest passed
 * and the lowest failed rate. If the very first step fails, it steps down by the same factor until one
 * passes (or the rate would fall below {@value #MIN_RATE}/s), then refines likewise. No step goes above
 * {@code maxRate}. A failed step runs again, up to {@code retries} times, before it counts as failed: on a
 * busy machine one stall (a slow checkpoint, a neighbour's burst) can push one window's p99 over the bound.
 * The sustainable rate is the highest rate that passed.
 *
 * <p>Pure: {@link #next()} says what to run, {@link #record} what happened.
 */
public final class RateSteps {

    /** Below this the search gives up: the system sustains (almost) nothing. */
    public static final long MIN_RATE = 100;

    private final long start;
    private final double factor;
    private final int refinements;
    private final long maxRate;
    private final int retries;

    private long highestPassed;
    private long lowestFailed = Long.MAX_VALUE;
    private int steps;
    private int refined;
    /** The rate being run again after a fail, or -1; and how often it has failed so far. */
    private long repeating = -1;
    private int failures;

    /** Without retries: a step that fails once counts as failed. */
    public RateSteps(long start, double factor, int refinements, long maxRate) {
        this(start, factor, refinements, maxRate, 0);
    }

    public RateSteps(long start, double factor, int refinements, long maxRate, int retries) {
        if (start < 1 || !(factor > 1) || refinements < 0 || maxRate < start || retries < 0) {
            throw new IllegalArgumentException("bad steps: start " + start + ", factor " + factor + ", refinements "
                    + refinements + ", max " + maxRate + ", retries " + retries);
        }
        this.retries = retries;
        this.start = start;
        this.factor = factor;
        this.refinements = refinements;
        this.maxRate = maxRate;
    }

    /** The rate of the next step, or empty when the search is over. */
    public OptionalLong next() {
        if (steps == 0) {
            return OptionalLong.of(start);
        }
        if (repeating >= 0) {
            return OptionalLong.of(repeating);
        }
        if (lowestFailed == Long.MAX_VALUE) { // everything passed so far: climb
            if (highestPassed >= maxRate) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.min(maxRate, Math.max(highestPassed + 1, Math.round(highestPassed * factor))));
        }
        if (highestPassed == 0) { // everything failed so far: step down
            long lower = Math.round(lowestFailed / factor);
            return lower < MIN_RATE || lower >= lowestFailed ? OptionalLong.empty() : OptionalLong.of(lower);
        }
        if (refined >= refinements) {
            return OptionalLong.empty();
        }
        long between = Math.round(Math.sqrt((double) highestPassed * lowestFailed));
        return between <= highestPassed || between >= lowestFailed ? OptionalLong.empty() : OptionalLong.of(between);
    }

    /** What the step at {@code rate} (the rate {@link #next()} gave) came to. */
    public void record(long rate, boolean passed) {
        steps++;
        if (!passed && failures < retries) {
            failures++;
            repeating = rate; // not decided yet: run it again
            return;
        }
        repeating = -1;
        failures = 0;
        if (highestPassed > 0 && lowestFailed != Long.MAX_VALUE) {
            refined++;
        }
        if (passed) {
            highestPassed = Math.max(highestPassed, rate);
        } else {
            lowestFailed = Math.min(lowestFailed, rate);
        }
    }

    /** The highest rate that passed; 0 if none did. */
    public long sustainable() {
        return highestPassed;
    }

    /** The lowest rate that failed; empty if none did (the search stopped at {@code maxRate}). */
    public OptionalLong lowestFailed() {
        return lowestFailed == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowestFailed);
    }

    /** Whether the next step repeats a step that failed (not yet counted as failed). */
    public boolean repeating() {
        return repeating >= 0;
    }

    /** Steps run, repeats included. */
    public int steps() {
        return steps;
    }
}

package io.github.vpm.portal.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * A query_range window. Prometheus evaluates at {@code start + k * step}; with start and end on the step
 * grid every query of a panel answers on the same timestamps, so their series share one time axis.
 */
public record TimeRange(long startSeconds, long endSeconds, long stepSeconds) {

    public static final Duration WINDOW = Duration.ofHours(1);
    /** 241 points over the hour: fine enough for a 15 s scrape interval, small for the page. */
    public static final Duration STEP = Duration.ofSeconds(15);

    public TimeRange {
        if (stepSeconds <= 0 || endSeconds < startSeconds || (endSeconds - startSeconds) % stepSeconds != 0) {
            throw new IllegalArgumentException("bad range " + startSeconds + ".." + endSeconds + " step " + stepSeconds);
        }
    }

    /** The last hour up to {@code now}, on the step grid. */
    public static TimeRange lastHour(Instant now) {
        long step = STEP.toSeconds();
        long end = Math.floorDiv(now.getEpochSecond(), step) * step;
        return new TimeRange(end - WINDOW.toSeconds(), end, step);
    }

    public int points() {
        return (int) ((endSeconds - startSeconds) / stepSeconds) + 1;
    }

    /** The index of {@code seconds} on this range's grid, or -1 if it is not a point of it. */
    public int index(double seconds) {
        double offset = (seconds - startSeconds) / stepSeconds;
        long i = Math.round(offset);
        if (Math.abs(offset - i) > 1e-6 || i < 0 || i >= points()) {
            return -1;
        }
        return (int) i;
    }

    public long secondsAt(int index) {
        return startSeconds + index * stepSeconds;
    }
}

package io.github.vpm.simulator;

import java.time.Instant;

/** Event time of the n-th reading: the wall clock, or a virtual clock so tests can reproduce timestamps. */
@FunctionalInterface
public interface ReadingClock {

    long epochMillis(long readingIndex);

    static ReadingClock wallClock() {
        return index -> System.currentTimeMillis();
    }

    /** Reading n happens n/rate seconds after start, as if the simulator kept its rate exactly. */
    static ReadingClock fixed(Instant start, int ratePerSecond) {
        long startMillis = start.toEpochMilli();
        return index -> startMillis + index * 1000 / ratePerSecond;
    }
}

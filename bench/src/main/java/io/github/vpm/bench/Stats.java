package io.github.vpm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of latency samples. */
final class Stats {

    private Stats() {}

    /** Nearest-rank percentile of {@code values} (need not be sorted). */
    static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}

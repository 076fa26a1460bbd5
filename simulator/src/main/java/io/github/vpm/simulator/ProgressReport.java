package io.github.vpm.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/** Logs a progress line every interval: readings sent, Kafka's answers, the recent and overall rate. */
final class ProgressReport {

    private final long intervalNanos;
    private final long startNanos;
    private final Consumer<String> log;
    private long lastNanos;
    private long lastSent;

    ProgressReport(Duration interval, long startNanos, Consumer<String> log) {
        this.intervalNanos = interval.toNanos();
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
        this.log = log;
    }

    void maybeReport(long nowNanos, long sent, long acked, long failed, long anomalies) {
        if (intervalNanos <= 0 || nowNanos - lastNanos < intervalNanos) {
            return;
        }
        log.accept(String.format(Locale.ROOT,
                "Progress: %d readings sent (%d acknowledged, %d failed, %d anomalies), "
                        + "%.1f/s over the last %.1f s, %.1f/s overall",
                sent, acked, failed, anomalies,
                perSecond(sent - lastSent, nowNanos - lastNanos), (nowNanos - lastNanos) / 1e9,
                perSecond(sent, nowNanos - startNanos)));
        lastNanos = nowNanos;
        lastSent = sent;
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0.0 : count * 1e9 / nanos;
    }
}

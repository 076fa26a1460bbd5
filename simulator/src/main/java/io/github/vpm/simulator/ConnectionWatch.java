package io.github.vpm.simulator;

import io.github.vpm.cli.Durations;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Remembers whether Kafka is answering and says so sparingly: one line when it stops answering, one
 * every {@code repeatEvery} while it stays away, one when it is back. Also hands out the back-off
 * before the next attempt (doubling up to a cap) so an unreachable broker costs neither CPU nor log
 * lines. Not thread-safe.
 */
final class ConnectionWatch {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final long repeatNanos;
    private final Consumer<String> log;
    private boolean down;
    private long downSince;
    private long lastLogged;
    private Duration backoff = FIRST_BACKOFF;

    ConnectionWatch(String bootstrapServers, Duration repeatEvery, Consumer<String> log) {
        this.bootstrapServers = bootstrapServers;
        this.repeatNanos = repeatEvery.toNanos();
        this.log = log;
    }

    /** Kafka did not answer; reason is a short explanation (may be null). @return how long to back off */
    Duration unreachable(long nowNanos, String reason) {
        String line = "Kafka at " + bootstrapServers + " unreachable, retrying..."
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
        if (!down) {
            down = true;
            downSince = nowNanos;
            lastLogged = nowNanos;
            backoff = FIRST_BACKOFF;
            log.accept(line);
            return backoff;
        }
        if (nowNanos - lastLogged >= repeatNanos) {
            lastLogged = nowNanos;
            log.accept(line);
        }
        Duration current = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return current;
    }

    /** Kafka answered at {@code answeredNanos}; ends an outage that began before that. */
    void answered(long answeredNanos, long nowNanos) {
        if (down && answeredNanos - downSince > 0) {
            down = false;
            log.accept("Kafka at " + bootstrapServers + " reachable again after "
                    + Durations.format(Duration.ofSeconds(Math.max(1, (nowNanos - downSince) / 1_000_000_000L)))
                    + ", resuming");
        }
    }

    boolean down() {
        return down;
    }
}

package io.github.vpm.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded waiting: poll until something holds or the deadline passes. */
final class Waits {

    private static final Duration POLL = Duration.ofSeconds(1);

    private Waits() {
    }

    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> diagnostics) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n" + diagnostics.get());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}

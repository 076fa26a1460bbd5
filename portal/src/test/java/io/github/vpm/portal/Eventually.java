package io.github.vpm.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Wait-until with a bounded deadline: tests poll for an outcome instead of sleeping. */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    /** Polls {@code probe} until {@code done} accepts its value; fails with the last value after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (Instant.now().isAfter(deadline)) {
                AssertionError failure = new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; last seen: " + (lastError != null ? lastError : last));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
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

package io.github.vpm.testkit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits of the test kit: a client's future, a pause between polls. */
final class Blocking {

    /** Generous: a broker on a busy two-core machine can take many seconds to answer. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private Blocking() {
    }

    /** The future's value within {@link #CLIENT_TIMEOUT}; an IllegalStateException naming {@code what} else. */
    static <T> T get(Future<T> future, String what) {
        try {
            return future.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " timed out after " + CLIENT_TIMEOUT, e);
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

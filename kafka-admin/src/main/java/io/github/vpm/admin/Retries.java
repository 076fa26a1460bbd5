package io.github.vpm.admin;

import io.github.vpm.cli.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs an attempt again while the brokers do not answer (a busy broker on a slow machine), up to a number of
 * attempts, with one warning line before each retry. Any other failure (a refusal, a topic that would have
 * to shrink) would only repeat itself and is thrown at once. The run changed the cluster if any attempt did,
 * or failed after sending changes: the retry after a create that timed out finds the topic and changes
 * nothing, yet the run made it.
 */
final class Retries {

    /** Waits between attempts; the tool sleeps, the tests record. */
    interface Pause {
        void pause(Duration delay) throws InterruptedException;
    }

    private final int attempts;
    private final Duration delay;
    private final Pause pause;

    Retries(int attempts, Duration delay, Pause pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        this.delay = delay;
        this.pause = pause;
    }

    /**
     * @param attempt one attempt; true if it changed something
     * @param log     where the warning before each retry goes
     * @return whether any attempt changed something or failed after sending changes
     * @throws AdminFailure the last attempt's failure, or the first that is not a missing answer
     */
    boolean run(BooleanSupplier attempt, PrintStream log) {
        boolean changesSent = false;
        for (int n = 1; ; n++) {
            try {
                return attempt.getAsBoolean() || changesSent;
            } catch (AdminFailure e) {
                if (!e.noAnswer() || n == attempts) {
                    throw e;
                }
                changesSent |= e.changesRequested();
                log.println(KafkaAdminTool.WARNING + e.getMessage() + "; attempt " + (n + 1) + " of " + attempts
                        + " in " + Durations.format(delay));
                try {
                    pause.pause(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AdminFailure("interrupted while waiting to try again after: " + e.getMessage());
                }
            }
        }
    }
}

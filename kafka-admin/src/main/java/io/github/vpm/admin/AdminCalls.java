package io.github.vpm.admin;

import io.github.vpm.cli.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits for the Admin client's answers and turns every failure into one {@link AdminFailure} line that
 * says what was attempted and why it failed, in an operator's words where Kafka's are obscure (a
 * timeout, no authorizer, a refused login).
 */
final class AdminCalls {

    /**
     * The client ends each call itself after default.api.timeout.ms; this margin only guards against a
     * call it never ends.
     */
    private static final Duration GUARD = Duration.ofSeconds(15);

    private final String bootstrapServer;
    private final Duration timeout;

    AdminCalls(String bootstrapServer, Duration timeout) {
        this.bootstrapServer = bootstrapServer;
        this.timeout = timeout;
    }

    /**
     * @param what the attempt, completing "cannot ..." (e.g. "describe topic x")
     * @throws AdminFailure the call failed or got no answer
     */
    <T> T await(KafkaFuture<T> future, String what) {
        try {
            return get(future, what);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    /** As {@link #await}, but a topic that does not exist is empty rather than a failure. */
    <T> Optional<T> awaitUnlessNoTopic(KafkaFuture<T> future, String what) {
        try {
            return Optional.of(get(future, what));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failure(what, e.getCause());
        }
    }

    /** The call's result; only its own failure is left to the caller. */
    private <T> T get(KafkaFuture<T> future, String what) throws ExecutionException {
        try {
            return future.get(timeout.plus(GUARD).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw noAnswer("the client did not end the call to " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminFailure("interrupted while trying to " + what);
        }
    }

    /** The line for a failed attempt to {@code what}. */
    AdminFailure failure(String what, Throwable cause) {
        String reason = reason(cause);
        if (cause instanceof TimeoutException) {
            return noAnswer(reason);
        }
        if (cause instanceof SecurityDisabledException) {
            return new AdminFailure("cannot " + what + ": the brokers have no authorizer (authorizer.class.name),"
                    + " so they keep no ACLs (" + reason + ")");
        }
        if (cause instanceof AuthenticationException) {
            return new AdminFailure("cannot " + what + ": the brokers at " + bootstrapServer
                    + " refused to authenticate this client (" + reason + ")");
        }
        if (cause instanceof AuthorizationException) {
            return new AdminFailure("cannot " + what + ": not authorized (" + reason + ")");
        }
        return new AdminFailure("cannot " + what + ": " + cause.getClass().getSimpleName() + ": " + reason);
    }

    private AdminFailure noAnswer(String reason) {
        return AdminFailure.noAnswer("no answer from the brokers at " + bootstrapServer + " within "
                + Durations.format(timeout) + " (" + reason + ")");
    }

    /** The exception's message on one line, or its class when it has none. */
    static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final Duration DELAY = Duration.ofSeconds(5);

    private final List<Duration> pauses = new ArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger runs = new AtomicInteger();

    private Retries retries(int attempts) {
        return new Retries(attempts, DELAY, pauses::add);
    }

    private List<String> logLines() {
        return logBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anAttemptThatSucceedsRunsOnceAndSaysNothing() {
        assertThat(retries(3).run(() -> runs.incrementAndGet() < 0, log)).isFalse();

        assertThat(runs).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(logLines()).isEmpty();
    }

    @Test
    void noAnswerIsTriedAgainAfterTheDelayWithAWarning() {
        boolean changed = retries(3).run(() -> {
            if (runs.incrementAndGet() < 3) {
                throw AdminFailure.noAnswer("no answer from the brokers at b:9092 within 2min (timed out)");
            }
            return true;
        }, log);

        assertThat(changed).isTrue();
        assertThat(runs).hasValue(3);
        assertThat(pauses).containsExactly(DELAY, DELAY);
        assertThat(logLines()).containsExactly(
                "vpm-kafka-admin: warning: no answer from the brokers at b:9092 within 2min (timed out); attempt 2 of 3 in 5s",
                "vpm-kafka-admin: warning: no answer from the brokers at b:9092 within 2min (timed out); attempt 3 of 3 in 5s");
    }

    @Test
    void theLastAttemptsFailureIsThrown() {
        assertThatThrownBy(() -> retries(2).run(() -> {
            throw AdminFailure.noAnswer("no answer, run " + runs.incrementAndGet());
        }, log)).isInstanceOf(AdminFailure.class).hasMessage("no answer, run 2");

        assertThat(pauses).containsExactly(DELAY);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        assertThatThrownBy(() -> retries(5).run(() -> {
            runs.incrementAndGet();
            throw new AdminFailure("cannot create topic x: not authorized (denied)");
        }, log)).isInstanceOf(AdminFailure.class).hasMessage("cannot create topic x: not authorized (denied)");

        assertThat(runs).hasValue(1);
        assertThat(pauses).isEmpty();
        assertThat(logLines()).isEmpty();
    }

    @Test
    void changesSentByAnAttemptThatGotNoAnswerCountAfterARetryThatFindsNothingToDo() {
        boolean changed = retries(3).run(() -> {
            if (runs.incrementAndGet() == 1) {
                FirstFailure creations = new FirstFailure();
                creations.run(() -> {
                    throw AdminFailure.noAnswer("no answer while creating topic x");
                });
                creations.throwIfAny();
            }
            return false; // the topic is there now: nothing to do
        }, log);

        assertThat(runs).hasValue(2);
        assertThat(changed).isTrue();
    }

    @Test
    void aRetryAfterAFailureBeforeAnyChangeThatFindsNothingToDoIsNoChange() {
        boolean changed = retries(3).run(() -> {
            if (runs.incrementAndGet() == 1) {
                throw AdminFailure.noAnswer("no answer while describing the topics");
            }
            return false;
        }, log);

        assertThat(runs).hasValue(2);
        assertThat(changed).isFalse();
    }

    @Test
    void aFailureBeforeAnyChangeIsNotMarkedAsAfterChanges() {
        AdminFailure describe = AdminFailure.noAnswer("no answer while describing");

        assertThat(describe.changesRequested()).isFalse();
        assertThat(describe.noAnswer()).isTrue();
        assertThat(describe.afterChangesRequested().changesRequested()).isTrue();
        assertThat(describe.afterChangesRequested().noAnswer()).isTrue();
        assertThat(describe.afterChangesRequested().getMessage()).isEqualTo(describe.getMessage());
    }

    @Test
    void atLeastOneAttempt() {
        assertThatThrownBy(() -> retries(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionWatchTest {

    private static final long SECOND = 1_000_000_000L;

    private final List<String> lines = new ArrayList<>();
    private final ConnectionWatch watch = new ConnectionWatch("broker:9092", Duration.ofSeconds(30), lines::add);

    @Test
    void logsOnceWhenKafkaGoesAwayThenEveryThirtySeconds() {
        for (long t = 0; t < 95 * SECOND; t += SECOND / 2) {
            watch.unreachable(t, "no answer");
        }
        assertThat(lines).hasSize(4) // at 0, 30, 60 and 90 s
                .allMatch(line -> line.equals("Kafka at broker:9092 unreachable, retrying... (no answer)"));
        assertThat(watch.down()).isTrue();
    }

    @Test
    void backsOffExponentiallyUpToACap() {
        List<Duration> backoffs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            backoffs.add(watch.unreachable(i * SECOND, null));
        }
        assertThat(backoffs).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        assertThat(lines.get(0)).isEqualTo("Kafka at broker:9092 unreachable, retrying...");
    }

    @Test
    void saysWhenKafkaIsBackAndOnlyForAnswersAfterTheOutageBegan() {
        watch.answered(5 * SECOND, 5 * SECOND);
        assertThat(lines).isEmpty();
        watch.unreachable(10 * SECOND, null);
        watch.answered(5 * SECOND, 11 * SECOND); // an old ack: still down
        assertThat(watch.down()).isTrue();
        watch.answered(52 * SECOND, 52 * SECOND);
        assertThat(watch.down()).isFalse();
        assertThat(lines).containsExactly("Kafka at broker:9092 unreachable, retrying...",
                "Kafka at broker:9092 reachable again after 42s, resuming");
        watch.unreachable(60 * SECOND, null);
        assertThat(lines).hasSize(3);
    }
}

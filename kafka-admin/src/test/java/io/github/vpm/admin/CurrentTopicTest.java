package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrentTopicTest {

    @Test
    void isALineOfTheTopicsFileWithItsOverridesSortedByKey() {
        CurrentTopic t = new CurrentTopic("maxima", 4, 1,
                Map.of("min.compaction.lag.ms", "0", "cleanup.policy", "compact", "retention.ms", "-1"));

        assertThat(t.toLine()).isEqualTo("maxima 4 1 cleanup.policy=compact min.compaction.lag.ms=0 retention.ms=-1");
        assertThat(new CurrentTopic("dlq", 1, 3, Map.of()).toLine()).isEqualTo("dlq 1 3");
    }
}

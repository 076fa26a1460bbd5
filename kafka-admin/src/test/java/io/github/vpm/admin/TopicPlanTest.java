package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    private static DesiredTopic desired(String name, int partitions, int replication, Map<String, String> configs) {
        return new DesiredTopic(name, partitions, (short) replication, configs);
    }

    private static CurrentTopic current(String name, int partitions, int replication, Map<String, String> overrides) {
        return new CurrentTopic(name, partitions, replication, overrides);
    }

    @Test
    void createsAMissingTopicWithItsPartitionsReplicationAndConfigs() {
        DesiredTopic t = desired("in", 6, 1, Map.of("cleanup.policy", "delete"));

        TopicPlan plan = TopicPlan.of(List.of(t), Map.of());

        assertThat(plan.creations()).containsExactly(t);
        assertThat(plan.partitionIncreases()).isEmpty();
        assertThat(plan.configChanges()).isEmpty();
        assertThat(plan.isEmpty()).isFalse();
        assertThat(TopicPlan.describeCreation(t)).isEqualTo("created topic in: 6 partitions, replication 1, cleanup.policy=delete");
        assertThat(TopicPlan.describeCreation(desired("x", 1, 3, Map.of()))).isEqualTo("created topic x: 1 partitions, replication 3");
    }

    @Test
    void aTopicAlreadyInShapeNeedsNothingWhateverElseItsConfigHolds() {
        TopicPlan plan = TopicPlan.of(List.of(desired("in", 6, 1, Map.of("cleanup.policy", "delete"))),
                Map.of("in", current("in", 6, 1, Map.of("cleanup.policy", "delete", "retention.ms", "1000"))));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.errors()).isEmpty();
    }

    @Test
    void raisesTooFewPartitions() {
        TopicPlan plan = TopicPlan.of(List.of(desired("in", 6, 1, Map.of())), Map.of("in", current("in", 4, 1, Map.of())));

        assertThat(plan.partitionIncreases()).containsExactly(new TopicPlan.PartitionIncrease("in", 4, 6));
        assertThat(plan.partitionIncreases().get(0).describe()).isEqualTo("raised partitions of topic in from 4 to 6");
        assertThat(plan.creations()).isEmpty();
        assertThat(plan.errors()).isEmpty();
    }

    @Test
    void tooManyPartitionsIsAnErrorAndThenNothingAtAllIsPlanned() {
        TopicPlan plan = TopicPlan.of(
                List.of(desired("new", 1, 1, Map.of()), desired("in", 3, 1, Map.of("retention.ms", "1")),
                        desired("out", 4, 1, Map.of())),
                Map.of("in", current("in", 6, 1, Map.of()), "out", current("out", 2, 1, Map.of())));

        assertThat(plan.errors()).containsExactly("in has 6 partitions, more than the 3 asked for; Kafka cannot shrink a topic");
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void aDifferentReplicationFactorIsOnlyAWarning() {
        TopicPlan plan = TopicPlan.of(List.of(desired("in", 6, 3, Map.of())), Map.of("in", current("in", 6, 1, Map.of())));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.warnings()).containsExactly(
                "topic in has replication factor 1, not 3 (not changed: that needs a partition reassignment)");
    }

    @Test
    void setsOnlyTheNamedConfigsThatDifferOrAreNotOverridden() {
        TopicPlan plan = TopicPlan.of(
                List.of(desired("out", 4, 1, Map.of("cleanup.policy", "compact", "retention.ms", "1000", "segment.ms", "60000"))),
                Map.of("out", current("out", 4, 1, Map.of("cleanup.policy", "compact", "retention.ms", "5000", "min.insync.replicas", "1"))));

        assertThat(plan.configChanges()).hasSize(1);
        TopicPlan.ConfigChange change = plan.configChanges().get(0);
        assertThat(change.topic()).isEqualTo("out");
        assertThat(change.set()).containsOnly(Map.entry("retention.ms", "1000"), Map.entry("segment.ms", "60000"));
        assertThat(change.previous()).containsOnly(Map.entry("retention.ms", "5000"));
        assertThat(plan.partitionIncreases()).isEmpty();
    }

    @Test
    void aConfigChangeSaysWhatEachValueWas() {
        TopicPlan.ConfigChange change = new TopicPlan.ConfigChange("out",
                new java.util.LinkedHashMap<>(Map.of("retention.ms", "1000")), Map.of("retention.ms", "5000"));
        TopicPlan.ConfigChange fresh = new TopicPlan.ConfigChange("out", Map.of("segment.ms", "60000"), Map.of());

        assertThat(change.describe()).isEqualTo("set config of topic out: retention.ms=1000 (was 5000)");
        assertThat(fresh.describe()).isEqualTo("set config of topic out: segment.ms=60000 (was not set on the topic)");
    }

    @Test
    void handlesEachTopicOnItsOwn() {
        TopicPlan plan = TopicPlan.of(
                List.of(desired("a", 1, 1, Map.of()), desired("b", 2, 1, Map.of()), desired("c", 1, 1, Map.of("x", "1"))),
                Map.of("b", current("b", 1, 1, Map.of()), "c", current("c", 1, 1, Map.of())));

        assertThat(plan.creations()).extracting(DesiredTopic::name).containsExactly("a");
        assertThat(plan.partitionIncreases()).extracting(TopicPlan.PartitionIncrease::topic).containsExactly("b");
        assertThat(plan.configChanges()).extracting(TopicPlan.ConfigChange::topic).containsExactly("c");
    }
}

package io.github.vpm.admin;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A topic as the cluster has it: what {@link TopicPlan} compares a {@link DesiredTopic} with, and what
 * {@code --describe-topics} prints.
 *
 * @param replicationFactor the size of partition 0's replica list
 * @param overrides         the topic's own configs (source DYNAMIC_TOPIC_CONFIG), sorted by key; defaults of
 *                          the broker are not among them
 */
record CurrentTopic(String name, int partitions, int replicationFactor, Map<String, String> overrides) {

    CurrentTopic {
        overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    /** The topic as a line of the topics file: {@code name partitions replication-factor key=value ...}. */
    String toLine() {
        return name + " " + partitions + " " + replicationFactor
                + overrides.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
    }
}

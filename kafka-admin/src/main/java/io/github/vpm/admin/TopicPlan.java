package io.github.vpm.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What must happen for the cluster's topics to be as the topics file says, without touching the
 * cluster: missing topics are created; a topic with fewer partitions gets more; each config the file
 * names whose override differs (or is absent) is set. Configs the file does not name are left alone.
 *
 * <p>A topic with more partitions than asked for is an error (Kafka cannot shrink a topic); a different
 * replication factor only a warning, as changing it needs a partition reassignment plan: an operator's
 * decision. Any error means nothing is to be done at all, so a bad file never half-applies.
 */
record TopicPlan(List<DesiredTopic> creations, List<PartitionIncrease> partitionIncreases,
                 List<ConfigChange> configChanges, List<String> warnings, List<String> errors) {

    /** A topic that needs more partitions. */
    record PartitionIncrease(String topic, int from, int to) {
        String describe() {
            return "raised partitions of topic " + topic + " from " + from + " to " + to;
        }
    }

    /**
     * Configs to set on one topic.
     *
     * @param set      key to the value wanted, in the file's order
     * @param previous key to the topic's override before, absent when it had none
     */
    record ConfigChange(String topic, Map<String, String> set, Map<String, String> previous) {
        ConfigChange {
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
            previous = Map.copyOf(previous);
        }

        String describe() {
            return "set config of topic " + topic + ": " + set.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue() + " (was "
                            + (previous.containsKey(e.getKey()) ? previous.get(e.getKey()) : "not set on the topic") + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    TopicPlan {
        creations = List.copyOf(creations);
        partitionIncreases = List.copyOf(partitionIncreases);
        configChanges = List.copyOf(configChanges);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /**
     * @param desired the topics file, in its order
     * @param current the desired topics the cluster has, by name; a desired topic not in it is missing
     */
    static TopicPlan of(List<DesiredTopic> desired, Map<String, CurrentTopic> current) {
        List<DesiredTopic> creations = new ArrayList<>();
        List<PartitionIncrease> increases = new ArrayList<>();
        List<ConfigChange> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (DesiredTopic topic : desired) {
            CurrentTopic now = current.get(topic.name());
            if (now == null) {
                creations.add(topic);
                continue;
            }
            if (now.partitions() > topic.partitions()) {
                errors.add(topic.name() + " has " + now.partitions() + " partitions, more than the "
                        + topic.partitions() + " asked for; Kafka cannot shrink a topic");
            } else if (now.partitions() < topic.partitions()) {
                increases.add(new PartitionIncrease(topic.name(), now.partitions(), topic.partitions()));
            }
            if (now.replicationFactor() != topic.replicationFactor()) {
                warnings.add("topic " + topic.name() + " has replication factor " + now.replicationFactor() + ", not "
                        + topic.replicationFactor() + " (not changed: that needs a partition reassignment)");
            }
            Map<String, String> set = new LinkedHashMap<>();
            Map<String, String> previous = new LinkedHashMap<>();
            topic.configs().forEach((key, value) -> {
                String was = now.overrides().get(key);
                if (!value.equals(was)) {
                    set.put(key, value);
                    if (was != null) {
                        previous.put(key, was);
                    }
                }
            });
            if (!set.isEmpty()) {
                changes.add(new ConfigChange(topic.name(), set, previous));
            }
        }
        if (!errors.isEmpty()) {
            return new TopicPlan(List.of(), List.of(), List.of(), warnings, errors);
        }
        return new TopicPlan(creations, increases, changes, warnings, errors);
    }

    /** Whether the cluster already is as the file says (errors aside). */
    boolean isEmpty() {
        return creations.isEmpty() && partitionIncreases.isEmpty() && configChanges.isEmpty();
    }

    /** The line that says a topic was created, with what it was created with. */
    static String describeCreation(DesiredTopic topic) {
        return "created topic " + topic.name() + ": " + topic.partitions() + " partitions, replication "
                + topic.replicationFactor() + topic.configs().entrySet().stream()
                .map(e -> ", " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
    }
}

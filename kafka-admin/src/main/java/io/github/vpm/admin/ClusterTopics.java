package io.github.vpm.admin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The cluster's topics through the Admin client: reads them as {@link CurrentTopic}s and carries out a
 * {@link TopicPlan}. Each kind of change is one request for all topics; every change that succeeded is
 * reported even when another of the same request failed, so the log tells exactly what was done.
 */
final class ClusterTopics {

    private final Admin admin;
    private final AdminCalls calls;

    ClusterTopics(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
    }

    /** The named topics the cluster has (the others are absent from the map), with their own configs. */
    Map<String, CurrentTopic> describe(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> found = new LinkedHashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : admin.describeTopics(names).topicNameValues().entrySet()) {
            calls.awaitUnlessNoTopic(e.getValue(), "describe topic " + e.getKey())
                    .ifPresent(d -> found.put(e.getKey(), d));
        }
        if (found.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = found.keySet().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = calls.await(admin.describeConfigs(resources).all(),
                "describe the configs of topics " + String.join(", ", found.keySet()));
        Map<String, CurrentTopic> current = new LinkedHashMap<>();
        for (TopicDescription d : found.values()) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name()));
            current.put(d.name(), new CurrentTopic(d.name(), d.partitions().size(), replicationFactor(d),
                    config == null ? Map.of() : overrides(config)));
        }
        return current;
    }

    /**
     * Brings the topics into the file's shape.
     *
     * @param log where each action and warning goes, one line each
     * @return whether anything changed
     * @throws AdminFailure the plan has errors (nothing is then changed), or a change failed
     */
    boolean reconcile(List<DesiredTopic> desired, PrintStream log) {
        TopicPlan plan = TopicPlan.of(desired, describe(desired.stream().map(DesiredTopic::name).toList()));
        plan.warnings().forEach(w -> log.println(KafkaAdminTool.WARNING + w));
        if (!plan.errors().isEmpty()) {
            throw new AdminFailure(String.join("; ", plan.errors()));
        }
        FirstFailure failures = new FirstFailure();
        if (!plan.creations().isEmpty()) {
            List<NewTopic> topics = plan.creations().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactor()).configs(t.configs()))
                    .toList();
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            for (DesiredTopic t : plan.creations()) {
                failures.run(() -> {
                    calls.await(results.get(t.name()), "create topic " + t.name());
                    log.println(TopicPlan.describeCreation(t));
                });
            }
        }
        if (!plan.partitionIncreases().isEmpty()) {
            Map<String, NewPartitions> increases = new LinkedHashMap<>();
            plan.partitionIncreases().forEach(i -> increases.put(i.topic(), NewPartitions.increaseTo(i.to())));
            Map<String, KafkaFuture<Void>> results = admin.createPartitions(increases).values();
            for (TopicPlan.PartitionIncrease i : plan.partitionIncreases()) {
                failures.run(() -> {
                    calls.await(results.get(i.topic()), "raise the partitions of topic " + i.topic() + " to " + i.to());
                    log.println(i.describe());
                });
            }
        }
        if (!plan.configChanges().isEmpty()) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
            for (TopicPlan.ConfigChange c : plan.configChanges()) {
                List<AlterConfigOp> ops = new ArrayList<>();
                c.set().forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, c.topic()), ops);
            }
            Map<ConfigResource, KafkaFuture<Void>> results = admin.incrementalAlterConfigs(changes).values();
            for (TopicPlan.ConfigChange c : plan.configChanges()) {
                failures.run(() -> {
                    calls.await(results.get(new ConfigResource(ConfigResource.Type.TOPIC, c.topic())),
                            "set the config of topic " + c.topic());
                    log.println(c.describe());
                });
            }
        }
        failures.throwIfAny();
        return !plan.isEmpty();
    }

    /**
     * The named topics as lines of the topics file, in the order named.
     *
     * @throws AdminFailure a topic does not exist, or the brokers did not answer
     */
    List<String> describeLines(List<String> names) {
        Map<String, CurrentTopic> current = describe(names);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            CurrentTopic topic = current.get(name);
            if (topic == null) {
                throw new AdminFailure("cannot describe topic " + name + ": it does not exist");
            }
            lines.add(topic.toLine());
        }
        return lines;
    }

    /** The size of partition 0's replica list: how kafka-topics reports a topic's replication factor. */
    private static int replicationFactor(TopicDescription d) {
        Optional<TopicPartitionInfo> first = d.partitions().stream().filter(p -> p.partition() == 0).findFirst();
        return first.map(p -> p.replicas().size()).orElse(0);
    }

    /** The topic's own configs; the broker's defaults and static settings are not the topic's. */
    private static Map<String, String> overrides(Config config) {
        Map<String, String> overrides = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                overrides.put(entry.name(), entry.value() == null ? "" : entry.value());
            }
        }
        return overrides;
    }
}

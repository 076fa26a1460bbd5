package io.github.vpm.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three topics of the contract (input, maxima, dead letters), as defined once in
 * {@code contract/topics.json} (on the classpath as {@value #RESOURCE}). Tests that share a broker use
 * {@link #withSuffix} so each gets its own set.
 */
public record ContractTopics(String input, String output, String dlq) {

    /** Where testkit's jar carries {@code contract/topics.json}. */
    public static final String RESOURCE = "/contract/topics.json";

    /** One topic of the contract: default name, partition count and topic-level settings. */
    public record Topic(String name, int partitions, Map<String, String> config) {
        public Topic {
            config = Map.copyOf(config);
        }
    }

    private static final Map<String, Topic> CONTRACT = load();

    public static final int INPUT_PARTITIONS = inputTopic().partitions();
    public static final int OUTPUT_PARTITIONS = outputTopic().partitions();
    public static final int DLQ_PARTITIONS = dlqTopic().partitions();

    public static ContractTopics defaults() {
        return new ContractTopics(inputTopic().name(), outputTopic().name(), dlqTopic().name());
    }

    public static ContractTopics withSuffix(String suffix) {
        ContractTopics d = defaults();
        return new ContractTopics(d.input + "-" + suffix, d.output + "-" + suffix, d.dlq + "-" + suffix);
    }

    /** The readings topic ({@code topics.input}). */
    public static Topic inputTopic() {
        return CONTRACT.get("input");
    }

    /** The maxima topic ({@code topics.output}). */
    public static Topic outputTopic() {
        return CONTRACT.get("output");
    }

    /** The dead-letter topic ({@code topics.dlq}). */
    public static Topic dlqTopic() {
        return CONTRACT.get("dlq");
    }

    private static Map<String, Topic> load() {
        try (InputStream in = ContractTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (testkit's pom packs contract/topics.json)");
            }
            JsonNode topics = new ObjectMapper().readTree(in).path("topics");
            Map<String, Topic> result = new LinkedHashMap<>();
            for (String id : new String[] {"input", "output", "dlq"}) {
                JsonNode t = topics.path(id);
                if (!t.path("name").isTextual() || !t.path("partitions").canConvertToInt()) {
                    throw new IllegalStateException(RESOURCE + ": topics." + id + " needs a name and a partition count");
                }
                Map<String, String> config = new LinkedHashMap<>();
                t.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
                result.put(id, new Topic(t.get("name").asText(), t.get("partitions").asInt(), config));
            }
            return Map.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}

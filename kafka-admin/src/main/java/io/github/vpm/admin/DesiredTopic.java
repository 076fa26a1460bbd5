package io.github.vpm.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One line of the topics file: {@code <name> <partitions> <replication-factor> [key=value ...]}, the
 * topic as it should be. The configs are topic-level overrides; those the file does not name are never
 * touched.
 *
 * @param configs the overrides in the order written; unmodifiable
 */
record DesiredTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    /** Kafka's rule for topic names (org.apache.kafka.common.internals.Topic), checked here to fail early. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    static final String FORMAT = "<name> <partitions> <replication-factor> [key=value ...]";

    DesiredTopic {
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }

    /**
     * Reads the file named by {@code option}.
     *
     * @throws io.github.vpm.cli.InvalidOptionException unreadable file or a malformed line (its number named);
     *                                                  a topic named twice
     */
    static List<DesiredTopic> parseFile(String option, String file) {
        List<DesiredTopic> topics = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (DesiredStateFile.Line line : DesiredStateFile.read(option, file)) {
            DesiredTopic topic = parse(line);
            Integer earlier = seen.putIfAbsent(topic.name(), line.number());
            if (earlier != null) {
                throw line.error("topic " + topic.name() + " is already on line " + earlier);
            }
            topics.add(topic);
        }
        return List.copyOf(topics);
    }

    static DesiredTopic parse(DesiredStateFile.Line line) {
        if (line.fields().size() < 3) {
            throw line.error("expected " + FORMAT + ", got " + DesiredStateFile.quote(line.text()));
        }
        String name = line.field(0);
        if (!isLegalName(name)) {
            throw line.error("a topic name has 1 to 249 letters, digits, '.', '_' or '-' (not '.' or '..'), not "
                    + DesiredStateFile.quote(name));
        }
        int partitions = positive(line, "partitions", line.field(1), Integer.MAX_VALUE);
        short replication = (short) positive(line, "replication factor", line.field(2), Short.MAX_VALUE);
        Map<String, String> configs = new LinkedHashMap<>();
        for (String config : line.fields().subList(3, line.fields().size())) {
            int eq = config.indexOf('=');
            if (eq <= 0) {
                throw line.error("a topic config is key=value, not " + DesiredStateFile.quote(config));
            }
            if (configs.put(config.substring(0, eq), config.substring(eq + 1)) != null) {
                throw line.error("config " + config.substring(0, eq) + " is given twice");
            }
        }
        return new DesiredTopic(name, partitions, replication, configs);
    }

    static boolean isLegalName(String name) {
        return LEGAL_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    private static int positive(DesiredStateFile.Line line, String what, String value, int max) {
        String problem = what + " must be a positive integer" + (max < Integer.MAX_VALUE ? " up to " + max : "")
                + ", not " + DesiredStateFile.quote(value);
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > max) {
                throw line.error(problem);
            }
            return n;
        } catch (NumberFormatException e) {
            throw line.error(problem);
        }
    }
}

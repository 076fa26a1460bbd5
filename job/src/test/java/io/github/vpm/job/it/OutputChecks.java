package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vpm.job.it.PressureDataSet.Input;
import io.github.vpm.job.it.PressureDataSet.Reading;
import io.github.vpm.testkit.KafkaCluster;
import io.github.vpm.testkit.KafkaRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What a {@code read_committed} reader of the job's output and dead-letter topics must see, per the
 * contract: checked against the test's own expectations, never against the job's code.
 */
final class OutputChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEED_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final DateTimeFormatter SEED_PARSER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");

    /**
     * How long a test waits for expected output at most. Normally seconds; generous because on a
     * two-core machine busy with other builds a job has been seen to need 90 s for its first output.
     */
    static final Duration DEADLINE = Duration.ofSeconds(180);
    /** Nothing more may arrive for this long after the expected output: a few checkpoint intervals. */
    static final Duration QUIET = JobRun.CHECKPOINT_INTERVAL.multipliedBy(3);

    private OutputChecks() {
    }

    /** Reads the output topic until each vehicle's last update is its expected maximum, then until quiet. */
    static List<KafkaRecord> readMaxima(KafkaCluster kafka, String topic, List<Input> inputs, Duration quiet) {
        return kafka.readCommitted(topic, reachedMaxima(PressureDataSet.expectedMaxima(inputs)), quiet, DEADLINE);
    }

    /** Reads the dead-letter topic until it holds {@code count} records, then until quiet. */
    static List<KafkaRecord> readDeadLetters(KafkaCluster kafka, String topic, int count, Duration quiet) {
        return kafka.readCommitted(topic, r -> r.size() >= count, quiet, DEADLINE);
    }

    /** The pressureMax number exactly as written (the JSON tree would lose its spelling). */
    private static final Pattern PRESSURE_MAX_TEXT = Pattern.compile("\"pressureMax\":\\s*([-+0-9.eE]+)");

    /** One parsed record of the output topic; {@code pressureMaxText} is the number as written. */
    record MaxUpdate(KafkaRecord record, String vehicleId, double pressureMax, String pressureMaxText,
                     String sensorId, String timestamp, Double temperature) {
    }

    static List<MaxUpdate> parseUpdates(List<KafkaRecord> records) {
        List<MaxUpdate> updates = new ArrayList<>(records.size());
        for (KafkaRecord r : records) {
            JsonNode n = tree(r);
            JsonNode temperature = n.get("temperature");
            java.util.regex.Matcher number = PRESSURE_MAX_TEXT.matcher(r.value());
            updates.add(new MaxUpdate(r, text(n, "vehicleId"), pressureMax(n), number.find() ? number.group(1) : null,
                    text(n, "sensorId"), text(n, "timestamp"),
                    temperature == null || temperature.isNull() ? null : temperature.asDouble()));
        }
        return updates;
    }

    /** The last pressureMax per vehicle (records of a vehicle share a partition, hence its order). */
    static Map<String, Double> lastMaxima(List<KafkaRecord> records) {
        Map<String, Double> last = new HashMap<>();
        for (KafkaRecord r : records) {
            last.put(r.key(), pressureMax(tree(r)));
        }
        return last;
    }

    /** pressureMax as a double; NaN if it is missing or not a number (never equal to anything). */
    private static double pressureMax(JsonNode n) {
        JsonNode v = n.get("pressureMax");
        return v != null && v.isNumber() ? v.doubleValue() : Double.NaN;
    }

    /**
     * Done once every expected vehicle's last update is its expected maximum (vehicles that should
     * not be there at all are left to {@link #assertMaxima}, instead of waiting for the deadline).
     */
    static Predicate<List<KafkaRecord>> reachedMaxima(Map<String, Double> expected) {
        return records -> {
            Map<String, Double> last = lastMaxima(records);
            return expected.entrySet().stream().allMatch(e -> e.getValue().equals(last.get(e.getKey())));
        };
    }

    /**
     * Per vehicle: keys are vehicle ids, the pressureMax sequence strictly increases, its last
     * value is the maximum of all valid readings, and every update is one of the vehicle's valid
     * readings (sensor, event time in the seed format with three fraction digits, temperature,
     * Kafka record timestamp = event time).
     */
    static void assertMaxima(List<KafkaRecord> output, List<Input> inputs) {
        Map<String, Double> expected = PressureDataSet.expectedMaxima(inputs);
        Map<String, List<Reading>> readingsByVehicle = new HashMap<>();
        for (Input in : inputs) {
            if (in.valid()) {
                readingsByVehicle.computeIfAbsent(in.reading().vehicleId(), k -> new ArrayList<>()).add(in.reading());
            }
        }
        Map<String, List<MaxUpdate>> byVehicle = new LinkedHashMap<>();
        for (MaxUpdate u : parseUpdates(output)) {
            assertThat(u.record().key()).as("key of %s", u.record()).isEqualTo(u.vehicleId());
            byVehicle.computeIfAbsent(u.vehicleId(), k -> new ArrayList<>()).add(u);
        }
        assertThat(byVehicle.keySet()).as("vehicles in the output").containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        byVehicle.forEach((vehicle, updates) -> {
            List<Double> sequence = updates.stream().map(MaxUpdate::pressureMax).toList();
            for (int i = 1; i < sequence.size(); i++) {
                if (sequence.get(i) <= sequence.get(i - 1)) {
                    fail("pressureMax of %s does not strictly increase: %s%n%s", vehicle, sequence, updates);
                }
            }
            assertThat(sequence.get(sequence.size() - 1)).as("last pressureMax of %s (sequence %s)", vehicle, sequence)
                    .isEqualTo(expected.get(vehicle));
            for (MaxUpdate u : updates) {
                assertComesFromAReading(u, readingsByVehicle.get(vehicle));
            }
        });
    }

    private static void assertComesFromAReading(MaxUpdate u, List<Reading> readings) {
        assertThat(u.timestamp()).as("timestamp format of %s", u.record()).matches(SEED_MILLIS);
        Instant written = LocalDateTime.parse(u.timestamp(), SEED_PARSER).toInstant(ZoneOffset.UTC);
        // Among the readings with this value, the contract's spelling: 950000, 823456.7891234.
        boolean spelled = readings.stream().filter(r -> r.pressure() == u.pressureMax())
                .anyMatch(r -> r.outputSpelling().equals(u.pressureMaxText()));
        if (!spelled) {
            fail("pressureMax of %s is written as %s, not in the contract's form", u.record(), u.pressureMaxText());
        }
        boolean match = readings.stream().anyMatch(r -> r.pressure() == u.pressureMax()
                && r.sensorId().equals(u.sensorId())
                && r.timestamp().truncatedTo(ChronoUnit.MILLIS).equals(written)
                && u.record().timestamp() == r.timestamp().toEpochMilli()
                && (r.temperature() == null ? u.temperature() == null
                        : u.temperature() != null && Math.abs(r.temperature() - u.temperature()) < 1e-9));
        if (!match) {
            fail("update %s matches no valid reading of %s with that pressure: %s", u, u.vehicleId(),
                    readings.stream().filter(r -> r.pressure() == u.pressureMax()).toList());
        }
    }

    /**
     * Exactly one dead letter per invalid input: same key, raw value, topic, partition and offset,
     * and a non-empty error.
     *
     * @param invalid the invalid inputs and, at the same index, where the producer put them
     */
    static void assertDeadLetters(List<KafkaRecord> dlq, List<Input> invalid, List<RecordMetadata> where,
                                  String inputTopic) {
        Map<String, Input> expected = new LinkedHashMap<>();
        for (int i = 0; i < invalid.size(); i++) {
            expected.put(where.get(i).partition() + "@" + where.get(i).offset(), invalid.get(i));
        }
        Map<String, KafkaRecord> seen = new LinkedHashMap<>();
        for (KafkaRecord r : dlq) {
            JsonNode n = tree(r);
            String at = n.path("partition").asInt(-1) + "@" + n.path("offset").asLong(-1);
            KafkaRecord before = seen.put(at, r);
            if (before != null) {
                fail("two dead letters for input %s:%n%s%n%s", at, before, r);
            }
            Input in = expected.get(at);
            if (in == null) {
                fail("dead letter for an input that is not invalid (%s): %s", at, r);
            }
            assertThat(n.path("topic").asText()).as("topic of %s", r).isEqualTo(inputTopic);
            assertThat(n.path("raw").isTextual()).as("raw is a string in %s", r).isTrue();
            assertThat(n.path("raw").asText()).as("raw of %s (%s)", at, in.why()).isEqualTo(in.rawText());
            assertThat(n.path("error").asText()).as("error of %s (%s)", at, in.why()).isNotBlank();
            assertThat(r.key()).as("key of the dead letter for %s (%s)", at, in.why()).isEqualTo(in.key());
        }
        List<String> missing = expected.keySet().stream().filter(k -> !seen.containsKey(k))
                .map(k -> k + " (" + expected.get(k).why() + ")").toList();
        assertThat(missing).as("invalid inputs without a dead letter").isEmpty();
        assertThat(dlq).hasSize(invalid.size());
    }

    /** The job's Kafka sinks (maxima, dead letters), each with transactional ids of its own. */
    static final int SINKS = 2;
    /** Room for the odd extra id, e.g. from a failover or a checkpoint committed late. */
    static final int TRANSACTIONAL_ID_SLACK = 4;

    /**
     * Pooled transactional ids: at most two per subtask and sink (one open, one awaiting its
     * commit) plus slack, however many checkpoints ran. The connector's default naming would show
     * one new id per subtask, sink and checkpoint, which the broker keeps for 7 days.
     *
     * @param ids the ids the broker lists for the job's prefix
     * @param parallelism the highest parallelism the job ran with
     */
    static void assertPooledTransactionalIds(Set<String> ids, int parallelism) {
        int bound = 2 * parallelism * SINKS + TRANSACTIONAL_ID_SLACK;
        assertThat(ids).as("transactional ids of both sinks").anyMatch(id -> id.contains("-max-"))
                .anyMatch(id -> id.contains("-dlq-"));
        assertThat(ids).as("transactional ids the broker keeps (bound %d)", bound).hasSizeLessThanOrEqualTo(bound);
    }

    private static JsonNode tree(KafkaRecord r) {
        try {
            JsonNode n = JSON.readTree(r.valueBytes());
            if (n == null || !n.isObject()) {
                fail("not a JSON object: %s", r);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

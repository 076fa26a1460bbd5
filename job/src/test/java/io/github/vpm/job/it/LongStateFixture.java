package io.github.vpm.job.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vpm.testkit.ContractTopics;
import io.github.vpm.testkit.KafkaCluster;
import io.github.vpm.testkit.KafkaRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The savepoint fixture of release 0.1, whose keyed state is {@code ValueState<Long>}
 * "max-pressure": its data set, topics and job identity. {@link SavepointFixtureWriterIT} made the
 * savepoint under {@code src/test/resources/savepoints/v0.1-long-state/} from exactly this data with
 * the 0.1 code; {@link SavepointUpgradeIT} restores it with the current code. Everything here is
 * deterministic, so the fixture can be made again on the 0.1 code (see the writer's comment).
 *
 * <p>Kept self-contained (own JSON, own record type, longs only) so that later changes to the
 * other test helpers cannot change what the fixture was made from.
 */
final class LongStateFixture {

    static final String NAME = "v0.1-long-state";
    /** Where the fixture lives inside the job module, and its classpath resource name. */
    static final String RESOURCE = "savepoints/" + NAME;
    /** The expected maxima and input offsets, beside the savepoint's files. */
    static final String DESCRIPTION_FILE = "fixture.json";

    /** The savepoint's source state names these topics: a restore must use the same names. */
    static final ContractTopics TOPICS = ContractTopics.withSuffix("fixture-v01");
    /** Consumer group "it-fixture-v01", transactional id prefix "it-fixture-v01". */
    static final String RUN_ID = "fixture-v01";
    static final int PARALLELISM = 2;
    static final int VEHICLES = 12;
    static final int READINGS_PER_VEHICLE = 25;
    private static final long SEED = 20261202L;
    private static final Instant T0 = Instant.parse("2025-07-22T22:00:00Z");
    private static final DateTimeFormatter SEED_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input reading of the fixture: integral pressure, as release 0.1 required. */
    record FixtureReading(int partition, String vehicleId, String sensorId, long pressure, String json) {

        ProducerRecord<byte[], byte[]> toRecord(String topic) {
            return KafkaCluster.record(topic, partition, sensorId, json.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private LongStateFixture() {
    }

    static String vehicleId(int v) {
        return "FIX " + v;
    }

    /** 12 vehicles x 25 readings, 4 sensors per vehicle on different partitions, shuffled. */
    static List<FixtureReading> readings() {
        Random random = new Random(SEED);
        List<FixtureReading> all = new ArrayList<>();
        int n = 0;
        for (int v = 0; v < VEHICLES; v++) {
            for (int i = 0; i < READINGS_PER_VEHICLE; i++) {
                int s = random.nextInt(4);
                long pressure = 300_000 + random.nextInt(2_000_000);
                String sensorId = "fix" + v + "s" + s;
                String ts = SEED_FORMAT.format(T0.plusMillis(n++ * 250L));
                String json = "{\"timestamp\": \"" + ts + "\", \"pressure\": " + pressure
                        + ", \"temperature\": 20.5, \"sensorId\": \"" + sensorId + "\", \"vehicleId\": \""
                        + vehicleId(v) + "\"}";
                all.add(new FixtureReading((v + s) % ContractTopics.INPUT_PARTITIONS, vehicleId(v), sensorId,
                        pressure, json));
            }
        }
        Collections.shuffle(all, random);
        return all;
    }

    static Map<String, Long> maxima(List<FixtureReading> readings) {
        Map<String, Long> max = new LinkedHashMap<>();
        for (FixtureReading r : readings) {
            max.merge(r.vehicleId(), r.pressure(), Math::max);
        }
        return max;
    }

    /** Records per input partition: the source offsets the savepoint holds once all were read. */
    static Map<Integer, Long> inputOffsets(List<FixtureReading> readings) {
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        for (int p = 0; p < ContractTopics.INPUT_PARTITIONS; p++) {
            offsets.put(p, 0L);
        }
        readings.forEach(r -> offsets.merge(r.partition(), 1L, Long::sum));
        return offsets;
    }

    /** The last pressureMax per key, compared as decimals so "950000" and "950000.0" are equal. */
    static Map<String, BigDecimal> lastMaxima(List<KafkaRecord> records) {
        Map<String, BigDecimal> last = new HashMap<>();
        for (KafkaRecord r : records) {
            last.put(r.key(), tree(r).path("pressureMax").decimalValue());
        }
        return last;
    }

    static Predicate<List<KafkaRecord>> reached(Map<String, BigDecimal> expected) {
        return records -> {
            Map<String, BigDecimal> last = lastMaxima(records);
            return expected.entrySet().stream()
                    .allMatch(e -> last.get(e.getKey()) != null && last.get(e.getKey()).compareTo(e.getValue()) == 0);
        };
    }

    static JsonNode tree(KafkaRecord r) {
        try {
            return JSON.readTree(r.valueBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r, e);
        }
    }

    /** What {@code fixture.json} records. */
    record Description(Map<String, Long> maxima, Map<Integer, Long> inputOffsets) {

        static Description read(Path dir) {
            try {
                JsonNode n = JSON.readTree(dir.resolve(DESCRIPTION_FILE).toFile());
                Map<String, Long> maxima = new LinkedHashMap<>();
                n.path("maxima").fields().forEachRemaining(e -> maxima.put(e.getKey(), e.getValue().longValue()));
                Map<Integer, Long> offsets = new LinkedHashMap<>();
                n.path("inputOffsets").fields()
                        .forEachRemaining(e -> offsets.put(Integer.parseInt(e.getKey()), e.getValue().longValue()));
                return new Description(maxima, offsets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(Path dir, String savepointOf) throws IOException {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("fixture", NAME);
            out.put("madeBy", "SavepointFixtureWriterIT on release 0.1 (keyed state ValueState<Long> \"max-pressure\"), "
                    + savepointOf);
            out.put("flinkState", "canonical savepoint, RocksDB, parallelism " + PARALLELISM + ", max parallelism 360");
            out.put("inputTopic", TOPICS.input());
            out.put("outputTopic", TOPICS.output());
            out.put("dlqTopic", TOPICS.dlq());
            out.put("groupId", "it-" + RUN_ID);
            out.put("transactionalIdPrefix", "it-" + RUN_ID);
            out.put("inputOffsets", inputOffsets);
            out.put("maxima", maxima);
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(DESCRIPTION_FILE).toFile(), out);
        }
    }
}

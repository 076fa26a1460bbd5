package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vpm.job.it.PressureDataSet.Input;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records as large as the broker accepts (its default message.max.bytes, about 1 MB), of every
 * kind, among normal data: the job turns each into a maximum or a dead letter that fits the
 * producer's max.request.size, and never fails over for it; the other vehicles' maxima stay exact.
 */
class BoundedRecordsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    /** The job's default --max-request-size, the Kafka producer's own default. */
    private static final int MAX_REQUEST_SIZE = 1_048_576;
    /** What Kafka's producer adds to key and value when checking a record (batch + record header). */
    private static final int KAFKA_OVERHEAD = 82;
    private static final int RAW_LIMIT = 65_536;
    private static final String GUARD_TRUNCATED = "record: too large for max.request.size (1048576 bytes),"
            + " written as a truncated dead letter; ";
    private static final String GUARD_MAXIMUM = "record: its maximum would be too large for max.request.size"
            + " (1048576 bytes), written as a dead letter";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE_VEHICLE = "VEH HUGE";

    /** One large input record, where it went, and what its dead letter's error must be (null: valid). */
    private record Big(Input input, byte[] key, Predicate<String> error, boolean keyMayBeCut, RecordMetadata where) {
    }

    @Test
    void everyRecordTheBrokerAcceptsBecomesAMaximumOrADeadLetterThatFits(
            @InjectMiniCluster MiniCluster miniCluster, @TempDir Path tmp) throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "bounded", 20251202L);
        Random random = new Random(7);
        Instant t0 = Instant.parse("2025-07-22T22:30:00Z");

        List<Big> bigs = new ArrayList<>();
        // A 600 KB vehicleId: its maximum would carry it twice (key and value), over 1 MB. Rejected by
        // the decoder's id limit (256 bytes by default); the second test raises it to reach the guard.
        bigs.add(big(0, "bigsensor0", reading("V".repeat(600_000), "bigsensor0", 900_000, t0),
                e -> e.startsWith("vehicleId: expected at most 256 bytes of UTF-8"), false));
        // About 1 MB of control bytes: escaped six-fold in raw, were it not cut to 64 KiB.
        byte[] controls = new byte[1_040_000];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (1 + i % 31);
        }
        bigs.add(big(1, "bigsensor1", controls, e -> e.startsWith("value: "), false));
        // About 1 MB of binary, mostly invalid UTF-8.
        byte[] binary = new byte[1_040_000];
        random.nextBytes(binary);
        binary[0] = (byte) 0xFF;
        bigs.add(big(2, "bigsensor2", binary, e -> e.startsWith("value: "), false));
        // A huge key with an invalid value, as large as the broker's default message.max.bytes
        // (1 048 588 per batch) lets it be: the dead letter's key has to give way.
        bigs.add(big(3, "k".repeat(1_048_400), "not json".getBytes(StandardCharsets.UTF_8),
                e -> e.startsWith(GUARD_TRUNCATED + "value: "), true));
        // A large key with 400 KB of control bytes: both fit whole after the 64 KiB cut.
        bigs.add(big(4, "K".repeat(600_000), Arrays.copyOf(controls, 400_000), e -> e.startsWith("value: "), false));
        // Valid: a huge unknown field is ignored, the maximum is an ordinary small record.
        byte[] hugeValid = ("{\"timestamp\": \"2025-07-22T22:30:00Z\", \"pressure\": 4242424,"
                + " \"temperature\": 21.5, \"firmwareBlob\": \"" + "x".repeat(1_000_000) + "\","
                + " \"sensorId\": \"hugesensor\", \"vehicleId\": \"VEH HUGE\"}").getBytes(StandardCharsets.UTF_8);
        bigs.add(big(5, "hugesensor", hugeValid, null, false));

        s.feed().send(s.data().phase1());
        List<Big> sentBigs = sendBig(s.topics().input(), bigs.subList(0, 3));
        try (JobRun job = s.start(2, null)) {
            List<Input> valid = new ArrayList<>(s.feed().sent());
            OutputChecks.readMaxima(KAFKA, s.topics().output(), valid, Duration.ZERO);
            // The rest of the large records and the second phase while the job runs.
            sentBigs.addAll(sendBig(s.topics().input(), bigs.subList(3, bigs.size())));
            s.feed().send(s.data().phase2());

            // First until the huge-field reading's maximum is there, then until the data set's are.
            KAFKA.readCommitted(s.topics().output(),
                    r -> r.stream().anyMatch(m -> HUGE_VEHICLE.equals(m.key())), Duration.ZERO, OutputChecks.DEADLINE);
            List<KafkaRecord> out = OutputChecks.readMaxima(KAFKA, s.topics().output(), s.feed().sent(), OutputChecks.QUIET);
            assertThat(out).allSatisfy(r -> assertFits(r));
            List<KafkaRecord> huge = out.stream().filter(r -> HUGE_VEHICLE.equals(r.key())).toList();
            assertThat(huge).as("maxima of the reading with a huge unknown field").hasSize(1);
            JsonNode max = JSON.readTree(huge.get(0).valueBytes());
            assertThat(max.path("pressureMax").asDouble()).isEqualTo(4_242_424.0);
            assertThat(max.path("sensorId").asText()).isEqualTo("hugesensor");
            assertThat(max.path("timestamp").asText()).isEqualTo("2025-07-22 22:30:00.000Z");
            assertThat(max.path("temperature").asDouble()).isEqualTo(21.5);
            OutputChecks.assertMaxima(out.stream().filter(r -> !HUGE_VEHICLE.equals(r.key())).toList(),
                    s.feed().sent());

            List<Big> expected = new ArrayList<>();
            List<Input> invalid = s.feed().invalid();
            for (int i = 0; i < invalid.size(); i++) {
                expected.add(new Big(invalid.get(i), keyBytes(invalid.get(i)), e -> !e.isBlank(), false,
                        s.feed().invalidWhere().get(i)));
            }
            sentBigs.stream().filter(b -> b.error() != null).forEach(expected::add);
            List<KafkaRecord> dlq = OutputChecks.readDeadLetters(KAFKA, s.topics().dlq(), expected.size(),
                    OutputChecks.QUIET);
            assertDeadLetters(dlq, expected, s.topics().input());

            assertRunningWithoutRestarts(miniCluster, job);
        }
    }

    @Test
    void theGuardTurnsAMaximumThatCannotBeWrittenIntoADeadLetter(
            @InjectMiniCluster MiniCluster miniCluster, @TempDir Path tmp) throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "guard", 1L);
        List<String> args = JobRun.args(KAFKA, s.topics(), "guard-" + System.nanoTime(), tmp.resolve("cp"));
        // Raise the decoder's id limit so that only the size guard stands in the way.
        args.addAll(List.of("--max-id-bytes", "1000000"));
        Instant t0 = Instant.parse("2025-07-22T22:30:00Z");
        s.feed().send(s.data().phase1());
        String hugeId = "\u00e9".repeat(300_000); // 600 000 bytes of UTF-8
        List<Big> sent = sendBig(s.topics().input(), List.of(big(1, "bigsensor", reading(hugeId, "bigsensor", 900_000, t0),
                GUARD_MAXIMUM::equals, false)));
        try (JobRun job = JobRun.start(miniCluster, args, 1, null)) {
            List<Big> expected = new ArrayList<>(sent);
            List<Input> invalid = s.feed().invalid();
            for (int i = 0; i < invalid.size(); i++) {
                expected.add(new Big(invalid.get(i), keyBytes(invalid.get(i)), e -> !e.isBlank(), false,
                        s.feed().invalidWhere().get(i)));
            }
            List<KafkaRecord> dlq = OutputChecks.readDeadLetters(KAFKA, s.topics().dlq(), expected.size(),
                    OutputChecks.QUIET);
            assertDeadLetters(dlq, expected, s.topics().input());
            List<KafkaRecord> out = OutputChecks.readMaxima(KAFKA, s.topics().output(), s.feed().sent(),
                    OutputChecks.QUIET);
            OutputChecks.assertMaxima(out, s.feed().sent());
            assertRunningWithoutRestarts(miniCluster, job);
        }
    }

    private static byte[] reading(String vehicleId, String sensorId, long pressure, Instant ts) {
        return ("{\"timestamp\": \"" + ts + "\", \"pressure\": " + pressure + ", \"sensorId\": \"" + sensorId
                + "\", \"vehicleId\": \"" + vehicleId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static Big big(int partition, String key, byte[] value, Predicate<String> error, boolean keyMayBeCut) {
        return new Big(new Input(partition, key, value, null, "large record on partition " + partition),
                key.getBytes(StandardCharsets.UTF_8), error, keyMayBeCut, null);
    }

    private static byte[] keyBytes(Input in) {
        return in.key() == null ? null : in.key().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends with a producer whose own max.request.size lets records up to the broker's limit through. */
    private static List<Big> sendBig(String topic, List<Big> bigs) throws Exception {
        Properties p = KAFKA.clientProperties();
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2097152");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Big> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (Big b : bigs) {
                futures.add(producer.send(new ProducerRecord<>(topic, b.input().partition(), b.key(),
                        b.input().value())));
            }
            for (int i = 0; i < bigs.size(); i++) {
                Big b = bigs.get(i);
                sent.add(new Big(b.input(), b.key(), b.error(), b.keyMayBeCut(),
                        futures.get(i).get(60, TimeUnit.SECONDS)));
            }
        }
        return sent;
    }

    /**
     * Exactly one dead letter per expected invalid record, each within max.request.size: raw is the
     * value as UTF-8 cut to 64 KiB on a character boundary, rawBytes its size, truncated whether
     * raw was cut, the key the input's (or, where the guard had to cut it, a prefix of it).
     */
    private static void assertDeadLetters(List<KafkaRecord> dlq, List<Big> expected, String inputTopic)
            throws Exception {
        Map<String, Big> byWhere = new HashMap<>();
        for (Big b : expected) {
            byWhere.put(b.where().partition() + "@" + b.where().offset(), b);
        }
        Map<String, KafkaRecord> seen = new HashMap<>();
        for (KafkaRecord r : dlq) {
            assertFits(r);
            JsonNode n = JSON.readTree(r.valueBytes());
            String at = n.path("partition").asInt(-1) + "@" + n.path("offset").asLong(-1);
            if (seen.put(at, r) != null) {
                fail("two dead letters for input %s", at);
            }
            Big b = byWhere.get(at);
            if (b == null) {
                fail("dead letter for an input that is not invalid (%s): %.300s", at, r);
            }
            String why = b.input().why();
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("fields of %s", why)
                    .containsExactly("error", "raw", "rawBytes", "truncated", "topic", "partition", "offset");
            assertThat(n.path("topic").asText()).isEqualTo(inputTopic);
            assertThat(n.path("error").asText()).as("error of %s", why).matches(b.error());
            String full = b.input().rawText();
            String raw = cutTo64KiB(full);
            assertThat(n.path("raw").asText()).as("raw of %s", why).isEqualTo(raw);
            long size = b.input().value() == null ? 0 : b.input().value().length;
            assertThat(n.path("rawBytes").isIntegralNumber()).isTrue();
            assertThat(n.path("rawBytes").asLong()).as("rawBytes of %s", why).isEqualTo(size);
            assertThat(n.path("truncated").isBoolean()).isTrue();
            assertThat(n.path("truncated").asBoolean()).as("truncated of %s", why).isEqualTo(!raw.equals(full));
            if (b.keyMayBeCut()) {
                assertThat(r.keyBytes()).as("key of %s", why).isNotEmpty();
                assertThat(b.key()).as("key of %s", why).startsWith(r.keyBytes());
            } else {
                assertThat(r.keyBytes()).as("key of %s", why).isEqualTo(b.key());
            }
        }
        assertThat(byWhere.keySet()).as("inputs with a dead letter").containsExactlyInAnyOrderElementsOf(seen.keySet());
        assertThat(dlq).hasSize(expected.size());
    }

    /** The longest prefix of whole code points of at most 64 KiB of UTF-8, measured by the JDK's encoder. */
    private static String cutTo64KiB(String text) {
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            bytes += text.substring(end, next).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > RAW_LIMIT) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }

    private static void assertFits(KafkaRecord r) {
        long size = (r.keyBytes() == null ? 0 : r.keyBytes().length)
                + (r.valueBytes() == null ? 0 : r.valueBytes().length);
        assertThat(size + KAFKA_OVERHEAD).as("size of %s-%d@%d", r.topic(), r.partition(), r.offset())
                .isLessThanOrEqualTo(MAX_REQUEST_SIZE);
    }

    /** RUNNING, every task in its first attempt and the job never in RESTARTING: no failover happened. */
    private static void assertRunningWithoutRestarts(MiniCluster miniCluster, JobRun job) throws Exception {
        AccessExecutionGraph graph = miniCluster.getArchivedExecutionGraph(job.id()).get(10, TimeUnit.SECONDS);
        assertThat(graph.getState()).isEqualTo(JobStatus.RUNNING);
        assertThat(graph.getStatusTimestamp(JobStatus.RESTARTING)).as("time the job last restarted").isZero();
        for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            assertThat(v.getCurrentExecutionAttempt().getAttemptNumber()).as("attempt of %s", v.getTaskNameWithSubtaskIndex())
                    .isZero();
        }
    }
}

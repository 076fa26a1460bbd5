package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.it.LongStateFixture.Description;
import io.github.vpm.testkit.ContractTopics;
import io.github.vpm.testkit.KafkaCluster;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.KafkaRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint taken by release 0.1 (state: one long per vehicle) restores into this release (one
 * double per vehicle) with every maximum intact: the fixture {@link LongStateFixture}, made by
 * {@link SavepointFixtureWriterIT} on the 0.1 code, is restored on a fresh broker at a different
 * parallelism (2 -> 3), and the output must be exactly what the fixture's maxima imply.
 *
 * <p>The savepoint's source offsets point behind the fixture's readings on the old broker. Here
 * each input partition is first padded with exactly that many filler readings of other vehicles,
 * so the restored offsets are the log end: a job that read any filler (offsets not restored)
 * would emit maxima for the filler vehicles, and the exact-output check would fail.
 */
class SavepointUpgradeIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    private static final int RESTORED_PARALLELISM = 3;

    @Test
    void restoresRelease01MaximaAndKeepsThemAsDoublesAfterwards(@InjectMiniCluster MiniCluster miniCluster,
                                                               @TempDir Path tmp) throws Exception {
        Path fixture = copyFixture(tmp.resolve("fixture"));
        Description description = Description.read(fixture);
        assertThat(description.maxima()).hasSize(LongStateFixture.VEHICLES);
        // The recorded maxima are the ones of the fixture's data set, computed here independently.
        assertThat(description.maxima()).isEqualTo(LongStateFixture.maxima(LongStateFixture.readings()));

        KAFKA.createContractTopics(LongStateFixture.TOPICS);
        padInputPartitions(description.inputOffsets());
        List<String> args = JobRun.args(KAFKA, LongStateFixture.TOPICS, LongStateFixture.RUN_ID,
                tmp.resolve("checkpoints"));

        // Step 1: from the 0.1 savepoint. Per vehicle: below the restored maximum (fractional), equal
        // to it spelled as a double (850000 vs 850000.0), and a quarter above it: only that emits.
        Map<String, String> expected1 = new TreeMap<>();
        List<ProducerRecord<byte[], byte[]>> step1 = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Long> e : description.maxima().entrySet()) {
            long max = e.getValue();
            step1.add(reading(n++, e.getKey(), (max - 1) + ".5"));
            step1.add(reading(n++, e.getKey(), max + ".0"));
            step1.add(reading(n++, e.getKey(), max + ".25"));
            expected1.put(e.getKey(), max + ".25");
        }
        // A vehicle new since the upgrade: its first reading emits, the same value spelled longer does not.
        step1.add(reading(0, "NEW 1", "100.5", 0));
        step1.add(reading(1, "NEW 1", "100.50", 0));
        expected1.put("NEW 1", "100.5");
        KAFKA.produce(step1);

        String savepoint;
        try (JobRun job = JobRun.start(miniCluster, args, RESTORED_PARALLELISM, fixture.toUri().toString())) {
            List<KafkaRecord> out = awaitExactly(expected1, 0);
            assertThat(job.restoredFrom()).hasValueSatisfying(path -> assertThat(path).contains("fixture"));
            assertThat(out).hasSize(expected1.size());
            savepoint = job.stopWithSavepoint(tmp.resolve("savepoints"));
        }

        // Step 2: the migrated maxima are doubles in the new state and survive the next savepoint:
        // a tie with the fractional maximum emits nothing, anything above it does.
        Map<String, String> expected2 = new TreeMap<>();
        List<ProducerRecord<byte[], byte[]>> step2 = new ArrayList<>();
        for (Map.Entry<String, Long> e : description.maxima().entrySet()) {
            long max = e.getValue();
            step2.add(reading(n++, e.getKey(), max + ".250"));
            step2.add(reading(n++, e.getKey(), max + ".2"));
            step2.add(reading(n++, e.getKey(), max + ".7891234"));
            expected2.put(e.getKey(), max + ".7891234");
        }
        step2.add(reading(2, "NEW 1", "1.005e2", 0));
        step2.add(reading(3, "NEW 1", "101", 0));
        expected2.put("NEW 1", "101");
        KAFKA.produce(step2);

        try (JobRun job = JobRun.start(miniCluster, args, RESTORED_PARALLELISM, savepoint)) {
            List<KafkaRecord> out = awaitExactly(expected2, expected1.size());
            assertThat(out).hasSize(expected1.size() + expected2.size());
        }
    }

    /**
     * Reads until the last update per vehicle is the expected one and then a quiet period, and
     * checks that, beyond the first {@code before} records, exactly one update per expected vehicle
     * arrived, spelled as expected, and nothing else.
     */
    private static List<KafkaRecord> awaitExactly(Map<String, String> expected, int before) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        expected.forEach((k, v) -> values.put(k, new BigDecimal(v)));
        List<KafkaRecord> out = KAFKA.readCommitted(LongStateFixture.TOPICS.output(),
                records -> records.size() >= before && LongStateFixture.reached(values).test(records),
                OutputChecks.QUIET, OutputChecks.DEADLINE);
        Map<String, String> written = new TreeMap<>();
        List<String> all = new ArrayList<>();
        for (KafkaRecord r : out.subList(Math.min(before, out.size()), out.size())) {
            String text = r.value().replaceAll(".*\"pressureMax\":([^,]+),.*", "$1");
            written.put(r.key(), text);
            all.add(r.key() + "=" + text);
            assertThat(LongStateFixture.tree(r).path("vehicleId").asText()).isEqualTo(r.key());
        }
        assertThat(written).as("updates after the first %d: %s", before, all).isEqualTo(expected);
        assertThat(all).as("exactly one update per vehicle").hasSize(expected.size());
        return out;
    }

    private static ProducerRecord<byte[], byte[]> reading(int n, String vehicleId, String pressure) {
        return reading(n % ContractTopics.INPUT_PARTITIONS, vehicleId, pressure, n);
    }

    private static ProducerRecord<byte[], byte[]> reading(int partition, String vehicleId, String pressure, int n) {
        String sensorId = vehicleId.toLowerCase().replace(" ", "") + "s" + partition;
        String json = "{\"timestamp\": \"2025-07-23 08:00:" + String.format("%02d", n % 60) + ".000Z\", \"pressure\": "
                + pressure + ", \"temperature\": 21.0, \"sensorId\": \"" + sensorId + "\", \"vehicleId\": \""
                + vehicleId + "\"}";
        return KafkaCluster.record(LongStateFixture.TOPICS.input(), partition, sensorId,
                json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Fills each input partition up to the savepoint's offset with readings of unrelated vehicles. */
    private static void padInputPartitions(Map<Integer, Long> offsets) {
        List<ProducerRecord<byte[], byte[]>> filler = new ArrayList<>();
        offsets.forEach((partition, count) -> {
            for (long i = 0; i < count; i++) {
                filler.add(reading(partition, "FILLER " + partition + "-" + i, "9000000", (int) i));
            }
        });
        List<RecordMetadata> where = KAFKA.produce(filler);
        Map<Integer, Long> end = new TreeMap<>();
        where.forEach(m -> end.merge(m.partition(), m.offset() + 1, Math::max));
        offsets.forEach((partition, count) -> {
            if (count > 0) {
                assertThat(end.get(partition)).as("log end of partition %d", partition).isEqualTo(count);
            }
        });
    }

    /** The fixture from the test classpath, copied so that nothing can write beside the original. */
    private static Path copyFixture(Path target) throws Exception {
        URL metadata = SavepointUpgradeIT.class.getClassLoader()
                .getResource(LongStateFixture.RESOURCE + "/_metadata");
        assertThat(metadata).as("fixture %s on the test classpath", LongStateFixture.RESOURCE).isNotNull();
        Path source = Path.of(URI.create(metadata.toString())).getParent();
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }

}

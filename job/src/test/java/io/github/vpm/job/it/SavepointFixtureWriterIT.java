package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.it.LongStateFixture.Description;
import io.github.vpm.job.it.LongStateFixture.FixtureReading;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.KafkaRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the savepoint fixture {@link LongStateFixture}: not a test, a reproducible recipe, skipped
 * unless asked for. It was run once on release 0.1's job code (main sources of commit 4174d25,
 * before the state became a double; this class and its helpers as of commit 2e19919), from the
 * repository root:
 *
 * <pre>
 * ./mvnw -B -o verify -pl job -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SavepointFixtureWriterIT -Dvpm.savepoint-fixture.dir=src/test/resources/savepoints/v0.1-long-state
 * </pre>
 *
 * (the directory is relative to the job module). To make it again, check out commit 2e19919 and
 * run the same command; the data set is seeded, so the maxima and offsets come out the same.
 *
 * <p>It feeds the fixture's readings, runs the job until every maximum is committed
 * ({@code read_committed}) and then until two more checkpoints completed, so no records are left
 * in an open transaction and the savepoint holds no pending Kafka committables, then stops with a
 * canonical savepoint and copies its files (relocatable: they refer to each other by relative
 * path) into the fixture directory beside {@code fixture.json}, the expected maxima and the
 * per-partition source offsets.
 */
@EnabledIfSystemProperty(named = SavepointFixtureWriterIT.DIR_PROPERTY, matches = ".+")
class SavepointFixtureWriterIT {

    static final String DIR_PROPERTY = "vpm.savepoint-fixture.dir";

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    @Test
    void writeFixture(@InjectMiniCluster MiniCluster miniCluster, @TempDir Path tmp) throws Exception {
        Path target = Path.of(System.getProperty(DIR_PROPERTY)).toAbsolutePath();
        List<FixtureReading> readings = LongStateFixture.readings();
        Map<String, Long> maxima = LongStateFixture.maxima(readings);
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        maxima.forEach((k, v) -> expected.put(k, BigDecimal.valueOf(v)));

        KAFKA.createContractTopics(LongStateFixture.TOPICS);
        KAFKA.produce(readings.stream().map(r -> r.toRecord(LongStateFixture.TOPICS.input())).toList());

        List<String> args = JobRun.args(KAFKA, LongStateFixture.TOPICS, LongStateFixture.RUN_ID,
                tmp.resolve("checkpoints"));
        String savepoint;
        // Every piece of state in a file of its own (relative path) rather than inline in _metadata,
        // where Flink would name it by its absolute temporary path.
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ZERO);
        try (JobRun job = JobRun.start(miniCluster, args, LongStateFixture.PARALLELISM, null, conf)) {
            List<KafkaRecord> out = KAFKA.readCommitted(LongStateFixture.TOPICS.output(),
                    LongStateFixture.reached(expected), Duration.ZERO, OutputChecks.DEADLINE);
            assertThat(LongStateFixture.lastMaxima(out)).as("committed maxima").isEqualTo(expected);
            long after = job.completedCheckpoints();
            job.awaitCompletedCheckpoints(after + 2);
            savepoint = job.stopWithSavepoint(tmp.resolve("savepoints"));
        }

        Path source = Path.of(URI.create(savepoint));
        recreate(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        new Description(maxima, LongStateFixture.inputOffsets(readings))
                .write(target, "savepoint " + source.getFileName());
        assertThat(target.resolve("_metadata")).exists();
        // Relocatable and free of this machine's paths: nothing may name the temporary directory.
        String metadata = new String(Files.readAllBytes(target.resolve("_metadata")), StandardCharsets.ISO_8859_1);
        assertThat(metadata).doesNotContain(tmp.toString());
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
    }
}

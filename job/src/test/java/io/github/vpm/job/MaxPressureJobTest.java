package io.github.vpm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaxPressureJobTest {

    @Test
    void helpPrintsTheUsageAndStartsNothing() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MaxPressureJob.main(new String[] {"--help"}); // returns (exit 0) instead of executing a job
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(JobOptions.usage());
    }

    @Test
    void badOptionsExitWithTwoAndOnePlainLine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                MaxPressureJob.class.getName(), "--checkpoint-interval", "abc")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.lines().collect(Collectors.toList())).containsExactly(
                "--checkpoint-interval: expected a duration like 10s, got \"abc\"");
    }

    @Test
    void configuresExactlyOnceCheckpointsRocksDbRestartsAndKeyGroups() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        MaxPressureJob.configureEnvironment(env, JobOptions.parse(
                "--checkpoint-interval", "3s", "--checkpoint-dir", "file:///flink-checkpoints", "--max-parallelism", "120",
                "--checkpoint-timeout", "45s", "--restart-max-backoff", "30s", "--tolerable-failed-checkpoints", "7"));

        ReadableConfig config = env.getConfiguration();
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(3));
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(3_000);
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(env.getCheckpointConfig().getExternalizedCheckpointRetention())
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///flink-checkpoints");
        assertThat(config.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(env.getCheckpointConfig().getCheckpointTimeout()).isEqualTo(45_000);
        assertThat(env.getCheckpointConfig().getTolerableCheckpointFailureNumber()).isEqualTo(7);
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(env.getMaxParallelism()).isEqualTo(120);
        assertThat(config.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(config.get(PipelineOptions.OBJECT_REUSE)).isTrue();
    }

    @Test
    void leavesTheCheckpointDirToTheClusterWhenNotGiven() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        MaxPressureJob.configureEnvironment(env, JobOptions.parse());
        assertThat(env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
    }

    @Test
    void pipelineHasStableUidsAndNoKryoTypes() {
        for (String guarantee : List.of("exactly-once", "at-least-once")) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobOptions options = JobOptions.parse("--delivery-guarantee", guarantee);
            MaxPressureJob.configureEnvironment(env, options);
            MaxPressureJob.buildPipeline(env, options);

            // Generic types are disabled, so building the graph fails if any type would need Kryo.
            StreamGraph graph = env.getStreamGraph();
            List<String> uids = graph.getStreamNodes().stream()
                    .map(StreamNode::getTransformationUID)
                    .collect(Collectors.toList());
            assertThat(uids).contains(
                    MaxPressureJob.UID_SOURCE,
                    MaxPressureJob.UID_ROUTER,
                    MaxPressureJob.UID_MAX,
                    MaxPressureJob.UID_MAXIMA_SINK,
                    MaxPressureJob.UID_DEAD_LETTER_SINK);
            assertThat(uids).doesNotContainNull();
        }
    }

    @Test
    void aKafkaSettingTheJobReliesOnExitsWithTwoAndOnePlainLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nisolation.level=read_uncommitted\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                MaxPressureJob.class.getName(), "--kafka-properties", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.lines().collect(Collectors.toList())).containsExactly(
                "--kafka-properties: isolation.level is set by the job itself and cannot be overridden (in \""
                        + file + "\")");
    }

    @Test
    void kafkaPropertiesReachTheSourceAndBothSinksUnderTheJobsOwnSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        JobOptions options = JobOptions.parse("--kafka-properties", file.toString(), "--bootstrap-servers", "b:1");

        Field sourceProps = KafkaSource.class.getDeclaredField("props");
        sourceProps.setAccessible(true);
        Properties source = (Properties) sourceProps.get(MaxPressureJob.readingsSource(options));
        assertThat(source)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:1");

        // The connector only exposes its producer settings to subclasses and tests.
        Method config = KafkaSink.class.getDeclaredMethod("getKafkaProducerConfig");
        config.setAccessible(true);
        for (KafkaSink<?> sink : List.of(MaxPressureJob.maximaSink(options), MaxPressureJob.deadLetterSink(options))) {
            Properties producer = (Properties) config.invoke(sink);
            assertThat(producer)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "3600000")
                    .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:1");
        }
    }

    @Test
    void bothSinksUseTheMaxRequestSizeTheGuardKeepsRecordsWithin() throws Exception {
        JobOptions options = JobOptions.parse("--max-request-size", "524288");
        for (KafkaSink<?> sink : List.of(MaxPressureJob.maximaSink(options), MaxPressureJob.deadLetterSink(options))) {
            // The connector only exposes its producer settings to subclasses and tests.
            Method config = KafkaSink.class.getDeclaredMethod("getKafkaProducerConfig");
            config.setAccessible(true);
            Properties properties = (Properties) config.invoke(sink);
            assertThat(properties.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEqualTo("524288");
        }
    }
}

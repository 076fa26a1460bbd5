package io.github.vpm.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobOptionsTest {

    @Test
    void defaultsMatchTheContract() {
        JobOptions o = JobOptions.parse();
        assertThat(o.helpRequested()).isFalse();
        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.inputTopic()).isEqualTo("sensor_pressure_stream");
        assertThat(o.outputTopic()).isEqualTo("vehicle_pressure_max");
        assertThat(o.dlqTopic()).isEqualTo("sensor_pressure_dlq");
        assertThat(o.groupId()).isEqualTo("vehicle-pressure-max");
        assertThat(o.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(o.transactionalIdPrefix()).isEqualTo("vehicle-pressure-max");
        assertThat(o.transactionTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(o.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.checkpointTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.restartMaxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.tolerableFailedCheckpoints()).isEqualTo(20);
        assertThat(o.checkpointDir()).isEmpty();
        assertThat(o.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.sourceIdleness()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.pressureMin()).isZero();
        assertThat(o.pressureMax()).isEqualTo(10_000_000);
        assertThat(o.maxIdBytes()).isEqualTo(256);
        assertThat(o.maxParallelism()).isEqualTo(360);
        assertThat(o.stateTtl()).isZero();
        assertThat(o.stateCacheSize()).isEqualTo(100_000);
    }

    @Test
    void readsEveryOption() {
        JobOptions o = JobOptions.parse(
                "--bootstrap-servers", "b1:9092,b2:9092",
                "--input-topic", "in",
                "--output-topic", "out",
                "--dlq-topic", "dlq",
                "--group-id", "g",
                "--delivery-guarantee", "at-least-once",
                "--transactional-id-prefix", "tx",
                "--transaction-timeout", "5min",
                "--checkpoint-interval", "250ms",
                "--checkpoint-timeout", "90s",
                "--restart-max-backoff", "20s",
                "--tolerable-failed-checkpoints", "2",
                "--checkpoint-dir", "file:///flink-checkpoints",
                "--max-out-of-orderness", "0s",
                "--source-idleness", "0s",
                "--pressure-min", "-5",
                "--pressure-max", "5",
                "--max-id-bytes", "64",
                "--max-parallelism", "128",
                "--state-ttl", "7 d",
                "--state-cache-size", "0");
        assertThat(o.bootstrapServers()).isEqualTo("b1:9092,b2:9092");
        assertThat(o.inputTopic()).isEqualTo("in");
        assertThat(o.outputTopic()).isEqualTo("out");
        assertThat(o.dlqTopic()).isEqualTo("dlq");
        assertThat(o.groupId()).isEqualTo("g");
        assertThat(o.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(o.transactionalIdPrefix()).isEqualTo("tx");
        assertThat(o.transactionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(o.checkpointTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.restartMaxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.tolerableFailedCheckpoints()).isEqualTo(2);
        assertThat(o.checkpointDir()).contains("file:///flink-checkpoints");
        assertThat(o.maxOutOfOrderness()).isZero();
        assertThat(o.sourceIdleness()).isZero();
        assertThat(o.pressureMin()).isEqualTo(-5);
        assertThat(o.pressureMax()).isEqualTo(5);
        assertThat(o.maxIdBytes()).isEqualTo(64);
        assertThat(o.maxParallelism()).isEqualTo(128);
        assertThat(o.stateTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(o.stateCacheSize()).isZero();
    }

    @Test
    void acceptsDecimalPressureLimits() {
        JobOptions o = JobOptions.parse("--pressure-min", "0.5", "--pressure-max", "8.5e5");
        assertThat(o.pressureMin()).isEqualTo(0.5);
        assertThat(o.pressureMax()).isEqualTo(850_000.0);
        JobOptions equal = JobOptions.parse("--pressure-min", "-0", "--pressure-max", "0.0");
        assertThat(Double.doubleToRawLongBits(equal.pressureMin())).isZero();
        assertThat(equal.pressureMax()).isZero();
    }

    @Test
    void maxRequestSizeDefaultsToTheProducersAndIsChecked() {
        assertThat(JobOptions.parse().maxRequestSize()).isEqualTo(1_048_576);
        assertThat(JobOptions.parse("--max-request-size", "2097152").maxRequestSize()).isEqualTo(2_097_152);
        assertThat(JobOptions.usage()).contains("--max-request-size <bytes>", "(default: 1048576)");
        assertThatThrownBy(() -> JobOptions.parse("--max-request-size", "1000"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--max-request-size: expected a whole number from 16384 to 2147483647, got \"1000\"");
        assertThatThrownBy(() -> JobOptions.parse("--max-request-size", "1MB"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--max-request-size: expected a whole number from 16384 to 2147483647, got \"1MB\"");
    }

    @Test
    void kafkaPropertiesAreReadOnceAndRefuseWhatTheJobReliesOn(@TempDir Path dir) throws Exception {
        assertThat(JobOptions.parse().kafkaSettings()).isEqualTo(KafkaClientSettings.NONE);
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.jaas.config=x required password=\"s3cret\";\n");
        JobOptions o = JobOptions.parse("--kafka-properties", file.toString());
        assertThat(o.kafkaSettings().asMap()).containsOnlyKeys("security.protocol", "sasl.jaas.config");
        assertThat(o.toString()).contains("sasl.jaas.config=(hidden)").doesNotContain("s3cret");
        // Read once: changing the file afterwards changes nothing.
        Files.writeString(file, "security.protocol=PLAINTEXT\n");
        assertThat(o.kafkaSettings().asMap()).containsEntry("security.protocol", "SASL_SSL");

        assertThat(JobOptions.RESERVED_KAFKA_SETTINGS).contains("isolation.level", "transactional.id",
                "transaction.timeout.ms", "enable.idempotence", "acks", "key.serializer", "value.serializer",
                "key.deserializer", "value.deserializer", "group.id", "bootstrap.servers", "max.request.size");
        for (String key : JobOptions.RESERVED_KAFKA_SETTINGS) {
            Path reserved = dir.resolve(key + ".properties");
            Files.writeString(reserved, "security.protocol=SASL_SSL\n" + key + "=x\n");
            assertThatThrownBy(() -> JobOptions.parse("--kafka-properties", reserved.toString()))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessage("--kafka-properties: " + key + " is set by the job itself and cannot be overridden"
                            + " (in \"" + reserved + "\")");
        }
        assertThat(JobOptions.usage()).contains("--kafka-properties <file>", "Without it: PLAINTEXT");
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(JobOptions.parse("--help").helpRequested()).isTrue();
        assertThat(JobOptions.parse("--checkpoint-interval", "abc", "--help").helpRequested()).isTrue();
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        String usage = JobOptions.usage();
        assertThat(usage).contains(
                "--bootstrap-servers <host:port,...>", "(default: localhost:9092)",
                "--input-topic <topic>", "(default: sensor_pressure_stream)",
                "--output-topic <topic>", "(default: vehicle_pressure_max)",
                "--dlq-topic <topic>", "(default: sensor_pressure_dlq)",
                "--group-id <id>", "(default: vehicle-pressure-max)",
                "--delivery-guarantee exactly-once|at-least-once", "(default: exactly-once)",
                "--transactional-id-prefix <prefix>",
                "--transaction-timeout <duration>", "(default: 1h)",
                "--checkpoint-interval <duration>", "(default: 10s)",
                "--checkpoint-timeout <duration>", "(default: 2min)",
                "--restart-max-backoff <duration>", "(default: 1min)",
                "--tolerable-failed-checkpoints <n>", "(default: 20)",
                "--checkpoint-dir <uri>", "(default: the cluster's execution.checkpointing.dir)\n",
                "--max-out-of-orderness <duration>", "(default: 30s)",
                "--source-idleness <duration>", "(default: 1min)",
                "--pressure-min <pascals>", "(default: 0)",
                "--pressure-max <pascals>", "(default: 10000000)",
                "--max-id-bytes <bytes>", "(default: 256)",
                "--max-parallelism <n>", "(default: 360)",
                "--state-ttl <duration>", "(default: 0s)",
                "--state-cache-size <vehicles>", "(default: 100000)",
                "--help");
        assertThat(usage).doesNotContain("(default: none)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--checkpoint-interval     | abc            | --checkpoint-interval: expected a duration like 10s, got \"abc\"",
        "--checkpoint-interval     | 10             | --checkpoint-interval: expected a duration like 10s, got \"10\"",
        "--checkpoint-interval     | 10 parsecs     | --checkpoint-interval: expected a duration like 10s, got \"10 parsecs\"",
        "--checkpoint-interval     | -1s            | --checkpoint-interval: expected a duration like 10s, got \"-1s\"",
        "--checkpoint-interval     | 5ms            | --checkpoint-interval: expected a duration of at least 10 ms, got \"5ms\"",
        "--transaction-timeout     | 0s             | --transaction-timeout: expected a duration of at least 1 ms, got \"0s\"",
        "--transaction-timeout     | 2800s          | --transaction-timeout: must be longer than (--tolerable-failed-checkpoints + 1) x (--checkpoint-timeout + --checkpoint-interval) + --checkpoint-interval + --restart-max-backoff ((20 + 1) x (2min + 10s) + 10s + 1min = 2800 s), got \"2800s\"",
        "--tolerable-failed-checkpoints | -1        | --tolerable-failed-checkpoints: expected a whole number from 0 to 1000, got \"-1\"",
        "--tolerable-failed-checkpoints | some      | --tolerable-failed-checkpoints: expected a whole number from 0 to 1000, got \"some\"",
        "--checkpoint-timeout      | 5ms            | --checkpoint-timeout: expected a duration of at least 10 ms, got \"5ms\"",
        "--checkpoint-timeout      | 2              | --checkpoint-timeout: expected a duration like 10s, got \"2\"",
        "--restart-max-backoff     | 500ms          | --restart-max-backoff: expected a duration of at least 1 s, got \"500ms\"",
        "--restart-max-backoff     | never          | --restart-max-backoff: expected a duration like 10s, got \"never\"",
        "--transaction-timeout     | 30d            | --transaction-timeout: must fit in an int of milliseconds (about 24 days), got \"30d\"",
        "--max-out-of-orderness    | soon           | --max-out-of-orderness: expected a duration like 10s, got \"soon\"",
        "--source-idleness         | 1              | --source-idleness: expected a duration like 10s, got \"1\"",
        "--state-ttl               | forever        | --state-ttl: expected a duration like 10s, got \"forever\"",
        "--pressure-min            | low            | --pressure-min: expected a number, got \"low\"",
        "--pressure-max            | NaN            | --pressure-max: expected a number, got \"NaN\"",
        "--pressure-max            | Infinity       | --pressure-max: expected a number, got \"Infinity\"",
        "--pressure-max            | 1e999          | --pressure-max: expected a number, got \"1e999\"",
        "--pressure-max            | 0x10           | --pressure-max: expected a number, got \"0x10\"",
        "--pressure-max            | 5d             | --pressure-max: expected a number, got \"5d\"",
        "--pressure-max            | .5             | --pressure-max: expected a number, got \".5\"",
        "--pressure-max            | -1             | --pressure-max: must not be below --pressure-min (0), got \"-1\"",
        "--pressure-max            | -0.5           | --pressure-max: must not be below --pressure-min (0), got \"-0.5\"",
        "--max-id-bytes            | 0              | --max-id-bytes: expected a whole number from 1 to 1000000, got \"0\"",
        "--max-id-bytes            | 1000001        | --max-id-bytes: expected a whole number from 1 to 1000000, got \"1000001\"",
        "--max-id-bytes            | 2.5            | --max-id-bytes: expected a whole number from 1 to 1000000, got \"2.5\"",
        "--max-parallelism         | 0              | --max-parallelism: expected a whole number from 1 to 32768, got \"0\"",
        "--max-parallelism         | 32769          | --max-parallelism: expected a whole number from 1 to 32768, got \"32769\"",
        "--state-cache-size        | -1             | --state-cache-size: expected a whole number from 0 to 100000000, got \"-1\"",
        "--state-cache-size        | lots           | --state-cache-size: expected a whole number from 0 to 100000000, got \"lots\"",
        "--max-parallelism         | many           | --max-parallelism: expected a whole number from 1 to 32768, got \"many\"",
        "--delivery-guarantee      | exactly_once   | --delivery-guarantee: expected exactly-once or at-least-once, got \"exactly_once\"",
        "--delivery-guarantee      | none           | --delivery-guarantee: expected exactly-once or at-least-once, got \"none\"",
        "--input-topic             | a b            | --input-topic: expected a Kafka topic name (letters, digits, '.', '_', '-'), got \"a b\"",
        "--output-topic            | ..             | --output-topic: expected a Kafka topic name (letters, digits, '.', '_', '-'), got \"..\"",
        "--output-topic            | sensor_pressure_stream | --output-topic: must differ from --input-topic, got \"sensor_pressure_stream\"",
        "--dlq-topic               | sensor_pressure_stream | --dlq-topic: must differ from --input-topic, got \"sensor_pressure_stream\"",
        "--bootstrap-servers       | ' '            | --bootstrap-servers: expected host:port[,host:port...], got \" \"",
        "--bootstrap-servers       | broker         | --bootstrap-servers: expected host:port[,host:port...], got \"broker\"",
        "--bootstrap-servers       | b1:9092,b2:0   | --bootstrap-servers: expected host:port[,host:port...], got \"b1:9092,b2:0\"",
        "--group-id                | ''             | --group-id: expected a non-empty value, got \"\"",
        "--transactional-id-prefix | ''             | --transactional-id-prefix: expected a non-empty value, got \"\"",
        "--checkpoint-dir          | ''             | --checkpoint-dir: expected a non-empty value, got \"\"",
    })
    void rejectsBadValuesWithOneLineNamingTheOption(String option, String value, String error) {
        assertThatThrownBy(() -> JobOptions.parse(option, value))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage(error);
    }

    @Test
    void transactionTimeoutMustOutlastEveryToleratedFailureTheNextCheckpointAndTheRestartBackoff() {
        // Nothing tolerated: 1 x (30s + 5s) + 5s + 20s = 60s. One millisecond more is enough, 60s is not.
        String[] rest = {"--checkpoint-timeout", "30s", "--checkpoint-interval", "5s", "--restart-max-backoff", "20s",
            "--tolerable-failed-checkpoints", "0"};
        assertThat(JobOptions.parse(with(rest, "--transaction-timeout", "60001ms")).transactionTimeout())
                .isEqualTo(Duration.ofMillis(60_001));
        assertThatThrownBy(() -> JobOptions.parse(with(rest, "--transaction-timeout", "1min")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--transaction-timeout: must be longer than (--tolerable-failed-checkpoints + 1) x"
                        + " (--checkpoint-timeout + --checkpoint-interval) + --checkpoint-interval + --restart-max-backoff"
                        + " ((0 + 1) x (30s + 5s) + 5s + 20s = 1 min), got \"1min\"");
        // Each tolerated failure adds a checkpoint timeout and an interval: 3 x 35s + 25s = 130s.
        String[] two = {"--checkpoint-timeout", "30s", "--checkpoint-interval", "5s", "--restart-max-backoff", "20s",
            "--tolerable-failed-checkpoints", "2"};
        assertThat(JobOptions.parse(with(two, "--transaction-timeout", "130001ms")).tolerableFailedCheckpoints())
                .isEqualTo(2);
        assertThatThrownBy(() -> JobOptions.parse(with(two, "--transaction-timeout", "130s")))
                .hasMessageEndingWith("((2 + 1) x (30s + 5s) + 5s + 20s = 130 s), got \"130s\"");
        // Each term counts against the default 1h: 21 x 130s + 10s + 1min = 2800s leaves 800s.
        assertThatThrownBy(() -> JobOptions.parse("--checkpoint-timeout", "3min"))
                .hasMessageStartingWith("--transaction-timeout: must be longer than");
        assertThatThrownBy(() -> JobOptions.parse("--checkpoint-interval", "50s"))
                .hasMessageStartingWith("--transaction-timeout: must be longer than");
        assertThatThrownBy(() -> JobOptions.parse("--restart-max-backoff", "15min"))
                .hasMessageStartingWith("--transaction-timeout: must be longer than");
        assertThat(JobOptions.parse("--restart-max-backoff", "14min").restartMaxBackoff())
                .isEqualTo(Duration.ofMinutes(14));
        assertThatThrownBy(() -> JobOptions.parse("--tolerable-failed-checkpoints", "27"))
                .hasMessageStartingWith("--transaction-timeout: must be longer than");
        assertThat(JobOptions.parse("--tolerable-failed-checkpoints", "26").tolerableFailedCheckpoints())
                .isEqualTo(26);
    }

    private static String[] with(String[] rest, String... more) {
        String[] all = Arrays.copyOf(rest, rest.length + more.length);
        System.arraycopy(more, 0, all, rest.length, more.length);
        return all;
    }

    @Test
    void rejectsMalformedCommandLines() {
        assertThatThrownBy(() -> JobOptions.parse("--no-such-option", "x"))
                .hasMessage("--no-such-option: unknown option");
        assertThatThrownBy(() -> JobOptions.parse("--input-topic"))
                .hasMessage("--input-topic: missing value");
        assertThatThrownBy(() -> JobOptions.parse("--group-id", "a", "--group-id", "b"))
                .hasMessage("--group-id: given more than once");
        assertThatThrownBy(() -> JobOptions.parse("input"))
                .hasMessage("unexpected argument \"input\": options look like --name value");
        assertThatThrownBy(() -> JobOptions.parse("--"))
                .hasMessage("unexpected argument \"--\": options look like --name value");
    }

    @Test
    void everyErrorIsOneLine() {
        assertThatThrownBy(() -> JobOptions.parse("--checkpoint-interval", "a\nb"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--checkpoint-interval: expected a duration like 10s, got \"a\\u000ab\"");
    }
}

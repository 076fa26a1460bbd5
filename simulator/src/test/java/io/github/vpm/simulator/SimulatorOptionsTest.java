package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorOptionsTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void defaults() throws Exception {
        SimulatorOptions o = SimulatorOptions.parse(NO_ENV);
        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.topic()).isEqualTo("sensor_pressure_stream");
        assertThat(o.vehicles()).isEqualTo(10);
        assertThat(o.sensorsPerVehicle()).isEqualTo(4);
        assertThat(o.rate()).isEqualTo(10);
        assertThat(o.duration()).isZero();
        assertThat(o.count()).isZero();
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.spikeProbability()).isEqualTo(0.001);
        assertThat(o.startTime()).isNull();
        assertThat(o.progressInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.help()).isFalse();
        assertThat(o.runsForever()).isTrue();
        assertThat(o.kafkaSettings()).isEqualTo(KafkaClientSettings.NONE);
    }

    @Test
    void kafkaPropertiesAreMergedIntoTheProducerUnderItsOwnSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("simulator.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nlinger.ms=50\n");
        SimulatorOptions o = SimulatorOptions.parse(NO_ENV, "--kafka-properties", file.toString());
        assertThat(o.kafkaSettings().asMap()).containsEntry("security.protocol", "SASL_SSL").hasSize(3);

        Map<String, Object> config = ReadingPublisher.producerConfig(o.bootstrapServers(), o.kafkaSettings());
        assertThat(config)
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                // A tunable the simulator also sets: its own value counts.
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    @Test
    void kafkaPropertiesMustNotTouchWhatTheSimulatorReliesOn(@TempDir Path dir) throws Exception {
        for (String key : SimulatorOptions.RESERVED_KAFKA_SETTINGS) {
            Path file = dir.resolve(key + ".properties");
            Files.writeString(file, "security.protocol=SASL_SSL\n" + key + "=x\n");
            assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, "--kafka-properties", file.toString()))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessage("--kafka-properties: " + key + " is set by the simulator itself and cannot be"
                            + " overridden (in \"" + file + "\")");
        }
        assertThat(SimulatorOptions.RESERVED_KAFKA_SETTINGS).contains("acks", "enable.idempotence",
                "key.serializer", "value.serializer", "bootstrap.servers");
        assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, "--kafka-properties", dir.resolve("none").toString()))
                .hasMessage("--kafka-properties: no such file \"" + dir.resolve("none") + "\"");
    }

    @Test
    void everyOptionFromTheCommandLine() throws Exception {
        SimulatorOptions o = SimulatorOptions.parse(NO_ENV,
                "--bootstrap-servers", "a:1,b:2", "--topic", "t1", "--vehicles", "3",
                "--sensors-per-vehicle", "6", "--rate", "100000", "--duration", "5min", "--count", "2000",
                "--seed", "-7", "--spike-probability", "0.5", "--start-time", "2025-07-22 22:30:45.123Z",
                "--progress-interval=0", "--pressure-decimals", "7");
        assertThat(o).isEqualTo(new SimulatorOptions("a:1,b:2", KafkaClientSettings.NONE, "t1", 3, 6, 100_000, Duration.ofMinutes(5), 2000,
                -7, 0.5, 7, Instant.parse("2025-07-22T22:30:45.123Z"), Duration.ZERO, false));
        assertThat(o.runsForever()).isFalse();
        assertThat(o.totalSensors()).isEqualTo(18);
    }

    @Test
    void environmentVariablesAreDefaults() throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "SIMULATION_DURATION", "60", "MESSAGES_PER_SECOND", "500");
        SimulatorOptions o = SimulatorOptions.parse(env);
        assertThat(o.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.rate()).isEqualTo(500);
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "SIMULATION_DURATION", "not-a-duration", "MESSAGES_PER_SECOND", "500");
        SimulatorOptions o = SimulatorOptions.parse(env,
                "--bootstrap-servers", "other:19092", "--duration", "10s", "--rate", "7");
        assertThat(o.bootstrapServers()).isEqualTo("other:19092");
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.rate()).isEqualTo(7);
    }

    @Test
    void zeroDurationFromTheEnvironmentMeansForever() throws Exception {
        assertThat(SimulatorOptions.parse(Map.of("SIMULATION_DURATION", "0")).duration()).isZero();
        assertThat(SimulatorOptions.parse(Map.of("SIMULATION_DURATION", " ")).duration()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"30, PT30S", "10s, PT10S", "5min, PT5M", "250ms, PT0.25S", "2h, PT2H", "1d, PT24H",
            "'10 s', PT10S", "0, PT0S", "3 minutes, PT3M"})
    void durationsInSecondsOrFlinkSyntax(String text, Duration expected) throws Exception {
        assertThat(SimulatorOptions.parse(NO_ENV, "--duration", text).duration()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--rate|0|--rate",
            "--rate|1000001|--rate",
            "--rate|fast|--rate",
            "--rate|1.5|--rate",
            "--vehicles|0|--vehicles",
            "--vehicles|-3|--vehicles",
            "--sensors-per-vehicle|0|--sensors-per-vehicle",
            "--duration|-5s|--duration",
            "--duration|10 parsecs|--duration",
            "--count|-1|--count",
            "--count|many|--count",
            "--seed|0x2a|--seed",
            "--spike-probability|1.5|--spike-probability",
            "--spike-probability|NaN|--spike-probability",
            "--pressure-decimals|9|--pressure-decimals",
            "--pressure-decimals|-1|--pressure-decimals",
            "--pressure-decimals|two|--pressure-decimals",
            "--bootstrap-servers|localhost|--bootstrap-servers",
            "--bootstrap-servers|localhost:99999|--bootstrap-servers",
            "--bootstrap-servers|a:1,|--bootstrap-servers",
            "--topic|bad topic|--topic",
            "--start-time|yesterday|--start-time",
            "--progress-interval|often|--progress-interval"})
    void badValuesNameTheOptionInOneLine(String option, String value, String named) {
        assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, option, value))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(named + ":")
                .hasMessageContaining("\"" + value + "\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        assertThatThrownBy(() -> SimulatorOptions.parse(Map.of("MESSAGES_PER_SECOND", "lots")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("MESSAGES_PER_SECOND: expected a whole number from 1 to 1000000, got \"lots\"");
        assertThatThrownBy(() -> SimulatorOptions.parse(Map.of("SIMULATION_DURATION", "soon")))
                .hasMessageStartingWith("SIMULATION_DURATION:");
        assertThatThrownBy(() -> SimulatorOptions.parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "nohost")))
                .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS:");
    }

    @Test
    void tooManySensorsInTotal() {
        assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, "--vehicles", "100000", "--sensors-per-vehicle", "11"))
                .hasMessageStartingWith("--sensors-per-vehicle:");
    }

    @Test
    void unknownOptionsAndMissingValues() {
        assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, "--speed", "3"))
                .hasMessage("--speed: unknown option");
        assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, "--rate"))
                .hasMessage("--rate: missing value");
        assertThatThrownBy(() -> SimulatorOptions.parse(NO_ENV, "rate", "3"))
                .hasMessage("unexpected argument \"rate\": options look like --name value");
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertThat(SimulatorOptions.parse(Map.of("MESSAGES_PER_SECOND", "lots"), "--rate", "0", "--help").help())
                .isTrue();
        assertThat(SimulatorOptions.parse(NO_ENV, "-h").help()).isTrue();
    }

    @Test
    void usageListsEveryOptionWithItsDefault() {
        String usage = SimulatorOptions.usage();
        for (String option : new String[] {"--bootstrap-servers", "--topic", "--vehicles", "--sensors-per-vehicle",
                "--rate", "--duration", "--count", "--seed", "--spike-probability", "--start-time",
                "--progress-interval", "--pressure-decimals", "--kafka-properties", "--help"}) {
            assertThat(usage).contains(option + " ");
        }
        assertThat(usage).contains("default: localhost:9092; environment variable KAFKA_BOOTSTRAP_SERVERS")
                .contains("default: sensor_pressure_stream")
                .contains("default: 10; environment variable MESSAGES_PER_SECOND")
                .contains("default: 0; environment variable SIMULATION_DURATION")
                .contains("default: 42")
                .contains("default: 0.001");
    }
}

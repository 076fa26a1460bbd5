package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vpm.testkit.ChildProcess;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.KafkaRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The simulator jar against a real broker: what lands on the topic, and the command line. */
class SimulatorIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final int COUNT = 2_000;
    private static final long SEED = 7;
    private static final int RATE = 20_000;
    private static final double SPIKES = 0.01;
    private static final String START = "2025-07-22T22:30:45.123Z";

    @Test
    void writesExactlyTheSeededReadingsKeyedBySensorIdAndValidPerTheContract() {
        String topic = "sensor_pressure_stream-run";
        KAFKA.createTopic(topic, 6, Map.of("cleanup.policy", "delete"));

        int exitCode;
        List<String> output;
        try (ChildProcess simulator = SimulatorJar.start("run",
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic, "--count", String.valueOf(COUNT),
                "--rate", String.valueOf(RATE), "--seed", String.valueOf(SEED),
                "--spike-probability", String.valueOf(SPIKES), "--start-time", START)) {
            exitCode = simulator.awaitExit(Duration.ofSeconds(90));
            output = simulator.stdoutLines();
            assertThat(simulator.stderr()).isEmpty();
        }
        assertThat(exitCode).as("exit code; output:\n%s", String.join("\n", output)).isZero();
        assertThat(output).anyMatch(line -> line.startsWith("Stopped after " + COUNT + " readings")
                && line.contains(COUNT + " acknowledged, 0 failed"));

        List<KafkaRecord> records = KAFKA.readCommitted(topic, COUNT, Duration.ofSeconds(60));
        assertThat(records).hasSize(COUNT);
        for (KafkaRecord record : records) {
            assertThat(ContractRules.violation(record.value())).as(record.value()).isNull();
            JsonNode reading = ContractRules.parse(record.value());
            assertThat(record.key()).isEqualTo(reading.get("sensorId").asText());
            assertThat(reading.get("timestamp").asText()).matches(ContractRules.SIMULATOR_TIMESTAMP);
        }
        assertThat(records.stream().map(KafkaRecord::key).distinct()).hasSize(40);
        assertThat(records.stream().map(r -> ContractRules.parse(r.value()).get("vehicleId").asText()).distinct())
                .hasSize(10);
        // A sensor's readings all land in one partition (keyed by sensorId).
        Map<String, Set<Integer>> partitionsBySensor = records.stream().collect(Collectors.groupingBy(
                KafkaRecord::key, Collectors.mapping(KafkaRecord::partition, Collectors.toSet())));
        assertThat(partitionsBySensor.values()).allMatch(partitions -> partitions.size() == 1);

        // With a seed and a fixed start time the run is fully reproducible: the same readings the
        // generator makes in-process, each exactly once.
        List<String> expected = expectedReadings(0);
        assertThat(records.stream().map(KafkaRecord::value).toList()).containsExactlyInAnyOrderElementsOf(expected);

        // Every spike was logged as a line starting with "Anomaly" naming vehicle, sensor and pressure.
        List<String> anomalies = output.stream().filter(line -> line.startsWith("Anomaly")).toList();
        List<JsonNode> spikes = records.stream().map(r -> ContractRules.parse(r.value()))
                .filter(r -> r.get("pressure").asLong() > 1_200_000).toList();
        assertThat(spikes).isNotEmpty();
        assertThat(anomalies).hasSameSizeAs(spikes);
        for (JsonNode spike : spikes) {
            assertThat(anomalies).anyMatch(line -> line.contains(spike.get("vehicleId").asText())
                    && line.contains(spike.get("sensorId").asText())
                    && line.contains(" " + spike.get("pressure").asLong() + " "));
        }
    }

    @Test
    void sendsFractionalPressuresLikeTheReplacedSystemsSensors() {
        String topic = "sensor_pressure_stream-fractional";
        KAFKA.createTopic(topic, 6, Map.of("cleanup.policy", "delete"));
        try (ChildProcess simulator = SimulatorJar.start("fractional",
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic, "--count", String.valueOf(COUNT),
                "--rate", String.valueOf(RATE), "--seed", String.valueOf(SEED),
                "--spike-probability", String.valueOf(SPIKES), "--start-time", START, "--pressure-decimals", "7")) {
            assertThat(simulator.awaitExit(Duration.ofSeconds(90))).as(simulator.stdout()).isZero();
        }
        List<KafkaRecord> records = KAFKA.readCommitted(topic, COUNT, Duration.ofSeconds(60));
        for (KafkaRecord record : records) {
            assertThat(ContractRules.violation(record.value())).as(record.value()).isNull();
            assertThat(record.value()).as(record.value()).containsPattern("\"pressure\": \\d+\\.\\d{7}, ");
        }
        assertThat(records.stream().map(KafkaRecord::value).toList())
                .containsExactlyInAnyOrderElementsOf(expectedReadings(7));
    }

    @Test
    void stopsCleanlyOnSigterm() {
        String topic = "sensor_pressure_stream-sigterm";
        KAFKA.createTopic(topic, 6, Map.of("cleanup.policy", "delete"));
        try (ChildProcess simulator = SimulatorJar.start("sigterm",
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic, "--rate", "500",
                "--progress-interval", "1s")) {
            assertThat(simulator.awaitLine(line -> SimulatorJar.acknowledged(line) > 0,
                    Duration.ofSeconds(60))).isPresent();
            simulator.terminate();
            assertThat(simulator.awaitExit(Duration.ofSeconds(30))).isZero();
            String stopped = simulator.awaitLine(line -> line.startsWith("Stopped after"), Duration.ZERO).orElseThrow();
            long sent = Long.parseLong(stopped.split(" ")[2]);
            assertThat(stopped).contains(sent + " acknowledged, 0 failed");
            assertThat(simulator.stdout()).contains("SIGTERM received");
            assertThat(KAFKA.readCommitted(topic, (int) sent, Duration.ofSeconds(60))).hasSize((int) sent);
        }
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        try (ChildProcess simulator = SimulatorJar.start("help", "--help")) {
            assertThat(simulator.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(simulator.stdout()).contains("--bootstrap-servers", "--rate", "--duration", "--count", "--seed",
                    "MESSAGES_PER_SECOND");
        }
    }

    @Test
    void aBadValueIsOnePlainLineNamingTheOptionAndExitCodeTwo() {
        try (ChildProcess simulator = SimulatorJar.start("bad-option", "--rate", "lots")) {
            assertThat(simulator.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            List<String> lines = new ArrayList<>(simulator.stderr().lines().toList());
            assertThat(lines).containsExactly("--rate: expected a whole number from 1 to 1000000, got \"lots\"");
            assertThat(simulator.stdout()).isEmpty();
        }
    }

    @Test
    void aKafkaSettingTheSimulatorReliesOnIsRefusedWithOnePlainLineAndExitCodeTwo(@TempDir Path dir)
            throws IOException {
        Path properties = dir.resolve("reserved.properties");
        Files.writeString(properties, "security.protocol=SASL_SSL\nacks=1\n");
        try (ChildProcess simulator = SimulatorJar.start("reserved-setting", "--kafka-properties",
                properties.toString())) {
            assertThat(simulator.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(simulator.stderr().lines().toList()).containsExactly(
                    "--kafka-properties: acks is set by the simulator itself and cannot be overridden (in \""
                            + properties + "\")");
            assertThat(simulator.stdout()).isEmpty();
        }
    }

    private static List<String> expectedReadings(int pressureDecimals) {
        FleetModel fleet = FleetModel.generate(10, 4, SEED);
        ReadingGenerator generator = new ReadingGenerator(fleet, SEED, SPIKES,
                ReadingClock.fixed(Instant.parse(START), RATE), pressureDecimals);
        ReadingJson json = new ReadingJson(pressureDecimals);
        List<String> expected = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            expected.add(json.encode(generator.next()));
        }
        return expected;
    }
}

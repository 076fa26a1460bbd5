package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.ChildProcess;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.KafkaRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker goes away (or never was there): the simulator keeps running, says so sparingly, recovers. */
class BrokerOutageIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @Test
    void keepsRunningWhileTheBrokerIsStoppedAndRecoversWhenItIsBack() {
        String topic = "sensor_pressure_stream-outage";
        KAFKA.createTopic(topic, 6, Map.of("cleanup.policy", "delete"));
        String unreachable = "Kafka at " + KAFKA.bootstrapServers() + " unreachable, retrying...";
        try (ChildProcess simulator = SimulatorJar.start("outage",
                "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic, "--rate", "200",
                "--progress-interval", "1s")) {
            assertThat(simulator.awaitLine(line -> SimulatorJar.acknowledged(line) > 0,
                    Duration.ofSeconds(60))).as("acknowledged readings before the outage").isPresent();

            KAFKA.stopBroker();
            assertThat(simulator.awaitLine(line -> line.startsWith(unreachable), Duration.ofSeconds(60)))
                    .as("unreachable line; output:\n%s", simulator.stdout()).isPresent();
            assertThat(simulator.isAlive()).isTrue();

            KAFKA.startBroker();
            assertThat(simulator.awaitLine(line -> line.contains("reachable again"), Duration.ofSeconds(90)))
                    .as("recovery line; output:\n%s", simulator.stdout()).isPresent();
            int progressLines = progressLines(simulator);
            assertThat(simulator.awaitLine(line -> line.startsWith("Progress:") && progressLines(simulator)
                    > progressLines + 1, Duration.ofSeconds(30))).isPresent();

            simulator.terminate();
            assertThat(simulator.awaitExit(Duration.ofSeconds(30))).isZero();
            String output = simulator.stdout();
            assertThat(output).doesNotContain("\tat ", "Exception in thread");
            // One line when it went away, then at most one every 30 s: no log loop.
            assertThat(output.lines().filter(line -> line.startsWith(unreachable))).hasSizeLessThanOrEqualTo(3);

            // Nothing was lost or duplicated: the readings Kafka acknowledged are on the topic exactly once.
            String stopped = simulator.awaitLine(line -> line.startsWith("Stopped after"), Duration.ZERO).orElseThrow();
            long sent = Long.parseLong(stopped.split(" ")[2]);
            assertThat(stopped).contains(sent + " acknowledged, 0 failed");
            List<KafkaRecord> records = KAFKA.readCommitted(topic, (int) sent, Duration.ofSeconds(60));
            assertThat(records).hasSize((int) sent);
            assertThat(records.stream().map(KafkaRecord::value).distinct()).hasSize((int) sent);
            assertThat(records).allMatch(r -> ContractRules.violation(r.value()) == null);
        }
    }

    @Test
    void waitsForABrokerThatIsNotThereWithoutCrashingAndStopsOnSigterm() {
        String nowhere = "127.0.0.1:" + unusedPort();
        try (ChildProcess simulator = SimulatorJar.start("no-broker",
                "--bootstrap-servers", nowhere, "--rate", "1000")) {
            assertThat(simulator.awaitLine(line -> line.startsWith("Kafka at " + nowhere + " unreachable, retrying..."),
                    Duration.ofSeconds(60))).as("output:\n%s", simulator.stdout()).isPresent();
            assertThat(simulator.isAlive()).isTrue();
            simulator.terminate();
            assertThat(simulator.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(simulator.stdout()).doesNotContain("\tat ", "Exception");
            assertThat(simulator.stderr()).isEmpty();
        }
    }

    private static int progressLines(ChildProcess simulator) {
        return (int) simulator.stdoutLines().stream().filter(line -> line.startsWith("Progress:")).count();
    }

    /** A port nobody listens on: bound once by us, then released. */
    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

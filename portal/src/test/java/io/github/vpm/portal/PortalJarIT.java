package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar as operators run it: {@code java -jar vpm-portal.jar ...}. */
class PortalJarIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("portal listening on http://[^:]+:(\\d+)/");
    private static Path jar;
    private static Path logs;

    @BeforeAll
    static void findJar() throws IOException {
        jar = Path.of(System.getProperty("vpm.portal.jar", "target/vpm-portal.jar"));
        assertThat(jar).as("the shaded jar (built by `package`)").isRegularFile();
        logs = Files.createDirectories(Path.of(System.getProperty("vpm.test.logs", "target/it-logs")));
    }

    private static Process run(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(output.resolveSibling(output.getFileName() + ".err").toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        return builder.start();
    }

    private static int exitCode(Process process) throws InterruptedException {
        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("process ended").isTrue();
        return process.exitValue();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    @Test
    void badOptionFailsWithOnePlainLineAndExitCode2() throws Exception {
        Path out = logs.resolve("bad-option.out");
        Process process = run(out, "--port", "eighty");
        assertThat(exitCode(process)).isEqualTo(2);
        String err = read(out.resolveSibling("bad-option.out.err"));
        assertThat(err.lines()).containsExactly("--port: expected a whole number from 0 to 65535, got \"eighty\"");
        assertThat(read(out)).isEmpty();
    }

    @Test
    void aKafkaSettingThePortalReliesOnIsRefusedWithOnePlainLineAndExitCode2() throws Exception {
        Path properties = logs.resolve("reserved.properties");
        Files.writeString(properties, "security.protocol=SASL_SSL\nisolation.level=read_uncommitted\n");
        Path out = logs.resolve("reserved-setting.out");
        Process process = run(out, "--kafka-properties", properties.toString());
        assertThat(exitCode(process)).isEqualTo(2);
        assertThat(read(out.resolveSibling("reserved-setting.out.err")).lines()).containsExactly(
                "--kafka-properties: isolation.level is set by the portal itself and cannot be overridden (in \""
                        + properties + "\")");
        assertThat(read(out)).isEmpty();
    }

    @Test
    void helpPrintsUsage() throws Exception {
        Path out = logs.resolve("help.out");
        assertThat(exitCode(run(out, "--help"))).isZero();
        assertThat(read(out)).contains("Usage:", "--bootstrap-servers", "--kafka-properties", "--topic", "--bind", "--port", "--history");
    }

    @Test
    void servesWhileTheBrokerIsUnreachableAndStopsCleanlyOnSigterm() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed again: nothing listens there
        }
        Path out = logs.resolve("unreachable.out");
        Process process = run(out, "--bootstrap-servers", "127.0.0.1:" + deadPort, "--bind", "127.0.0.1",
                "--port", "0");
        try {
            String log = Eventually.await("the portal to listen", TIMEOUT, () -> read(out),
                    s -> LISTENING.matcher(s).find());
            Matcher m = LISTENING.matcher(log);
            assertThat(m.find()).isTrue();
            PortalApi api = new PortalApi(Integer.parseInt(m.group(1)));

            JsonNode status = Eventually.await("WAITING status", TIMEOUT, () -> api.json("/api/status"),
                    s -> s.get("state").asText().equals("WAITING"));
            assertThat(status.get("detail").asText()).contains("127.0.0.1:" + deadPort);
            assertThat(api.get("/").statusCode()).isEqualTo(200);
            assertThat(api.json("/api/vehicles").get("count").asInt()).isZero();
            Eventually.await("a log line about waiting", TIMEOUT, () -> read(out),
                    s -> s.contains("waiting for Kafka"));

            long stopping = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s of SIGTERM").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(20));
            // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran.
            assertThat(process.exitValue()).isEqualTo(143);
            String finalLog = read(out);
            assertThat(finalLog).contains("shutting down", "stopped");
            long waitLines = finalLog.lines().filter(l -> l.contains("waiting for Kafka")).count();
            assertThat(waitLines).as("occasional, not one line per retry").isLessThanOrEqualTo(3);
            assertThat(finalLog + read(out.resolveSibling("unreachable.out.err")))
                    .doesNotContain("Exception in thread");
        } finally {
            process.destroyForcibly();
        }
    }
}

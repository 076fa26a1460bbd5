package io.github.vpm.simulator;

import io.github.vpm.testkit.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real simulator jar ({@code vpm.simulator.jar}, set by failsafe) started as an operator runs it;
 * stdout and stderr go to files under target/simulator-it for the tests and for whoever debugs a failure.
 */
final class SimulatorJar {

    private static final Pattern ACKNOWLEDGED = Pattern.compile("\\((\\d+) acknowledged");

    private SimulatorJar() {
    }

    /** Starts {@code java -jar vpm-simulator.jar <args>}; closing the process kills it. */
    static ChildProcess start(String name, String... args) {
        String jar = System.getProperty("vpm.simulator.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property vpm.simulator.jar must name the built jar, is " + jar);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar));
        command.addAll(List.of(args));
        Path dir = Path.of("target", "simulator-it");
        return ChildProcess.builder("simulator " + name, command)
                .output(dir.resolve(name + ".out"), dir.resolve(name + ".err"))
                // The tests decide every setting; the environment of the build must not leak in.
                .withoutEnvironment("KAFKA_BOOTSTRAP_SERVERS", "SIMULATION_DURATION", "MESSAGES_PER_SECOND")
                .closeGrace(Duration.ZERO)
                .start();
    }

    /** The acknowledged count of a progress line ("Progress: 10 readings sent (8 acknowledged, ..."), else -1. */
    static long acknowledged(String line) {
        Matcher m = ACKNOWLEDGED.matcher(line);
        return line.startsWith("Progress:") && m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}

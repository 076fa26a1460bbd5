package io.github.vpm.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real simulator jar ({@code vpm.simulator.jar}, set by failsafe) running as a child process, as an
 * operator runs it; stdout and stderr go to files under target/simulator-it for the tests and for
 * whoever debugs a failure.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Pattern ACKNOWLEDGED = Pattern.compile("\\((\\d+) acknowledged");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private SimulatorProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static SimulatorProcess start(String name, String... args) {
        String jar = System.getProperty("vpm.simulator.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property vpm.simulator.jar must name the built jar, is " + jar);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar));
        command.addAll(List.of(args));
        try {
            Path dir = Files.createDirectories(Path.of("target", "simulator-it"));
            Path out = dir.resolve(name + ".out");
            Path err = dir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // The tests decide every setting; the environment of the build must not leak in.
            builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
            builder.environment().remove("SIMULATION_DURATION");
            builder.environment().remove("MESSAGES_PER_SECOND");
            return new SimulatorProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The acknowledged count of a progress line ("Progress: 10 readings sent (8 acknowledged, ..."), else -1. */
    static long acknowledged(String line) {
        Matcher m = ACKNOWLEDGED.matcher(line);
        return line.startsWith("Progress:") && m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    List<String> stdoutLines() {
        return read(stdout).lines().toList();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Waits until a stdout line matches; empty if none did within the timeout. */
    Optional<String> awaitLine(Predicate<String> matches, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<String> line = stdoutLines().stream().filter(matches).findFirst();
            if (line.isPresent() || Instant.now().isAfter(deadline)) {
                return line;
            }
            if (!process.isAlive()) {
                // one last look: the process may have written the line just before exiting
                return stdoutLines().stream().filter(matches).findFirst();
            }
            sleep(POLL);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd and Ctrl-C stop it. */
    void terminate() {
        process.destroy();
    }

    /** @return the exit code; fails if the process did not exit within the timeout */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("simulator still running after " + timeout + "; output:\n" + stdout());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

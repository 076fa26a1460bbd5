package io.github.vpm.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process (a dist/ launcher or a java -jar) whose output goes to a log file. */
final class Daemon implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static Daemon start(String name, List<String> command, Map<String, String> env, Path logDir) {
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The exporter agent must reach only the JVM it is meant for (see dist/README.md).
        builder.environment().remove("JAVA_AGENT_OPTS");
        builder.environment().putAll(env);
        try {
            return new Daemon(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Runs a command to its end (bounded) and returns its output; fails on a non-zero exit. */
    static String run(String name, List<String> command, Map<String, String> env, Path logDir, Duration timeout) {
        try (Daemon d = start(name, command, env, logDir)) {
            if (!d.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + d.tail());
            }
            if (d.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + d.process.exitValue() + "\n" + d.tail());
            }
            return Files.readString(d.log, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log " + log + ")";
        }
    }

    String name() {
        return name;
    }

    /** SIGTERM, then SIGKILL after a grace period (the dist launchers exec the JVM: one process). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

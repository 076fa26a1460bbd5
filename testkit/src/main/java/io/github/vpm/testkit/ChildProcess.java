package io.github.vpm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program a test starts (a broker, a dist/ launcher, a {@code java -jar}), its output going to
 * files, never to pipes nobody reads: the files stay for whoever debugs a failure.
 *
 * <pre>{@code
 * try (ChildProcess p = ChildProcess.builder("portal", command).log(dir.resolve("portal.log")).start()) { ... }
 * String out = ChildProcess.builder("create-topic", command).log(file).run(Duration.ofMinutes(2));
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr; // null: merged into stdout
    private final Duration closeGrace;

    private ChildProcess(String name, Process process, Path stdout, Path stderr, Duration closeGrace) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.closeGrace = closeGrace;
    }

    /** @param name for messages: the program's role in the test, e.g. "kafka" */
    public static Builder builder(String name, List<String> command) {
        return new Builder(name, command);
    }

    /** How to start one child process; {@link #log} or {@link #output} must be given. */
    public static final class Builder {
        private final String name;
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> removedEnvironment = new ArrayList<>();
        private Path stdout;
        private Path stderr;
        private boolean append;
        private Duration closeGrace = Duration.ofSeconds(30);

        private Builder(String name, List<String> command) {
            this.name = name;
            this.command = List.copyOf(command);
        }

        /** Standard output and error, interleaved, into one file (replaced). */
        public Builder log(Path file) {
            this.stdout = file;
            this.stderr = null;
            this.append = false;
            return this;
        }

        /** As {@link #log}, appended: a restarted program keeps one log with its whole history. */
        public Builder appendLog(Path file) {
            log(file);
            this.append = true;
            return this;
        }

        /** Standard output and standard error into two files (replaced). */
        public Builder output(Path stdoutFile, Path stderrFile) {
            this.stdout = stdoutFile;
            this.stderr = stderrFile;
            this.append = false;
            return this;
        }

        /** Sets variables in the child's environment (a copy of the test JVM's). */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Removes variables from the child's environment: the build's own must not leak in. */
        public Builder withoutEnvironment(String... names) {
            removedEnvironment.addAll(List.of(names));
            return this;
        }

        /** How long {@link #close()} lets it end after SIGTERM before SIGKILL; zero: SIGKILL at once. */
        public Builder closeGrace(Duration grace) {
            this.closeGrace = grace;
            return this;
        }

        public ChildProcess start() {
            if (stdout == null) {
                throw new IllegalStateException(name + ": no output file given (log or output)");
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            removedEnvironment.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            builder.redirectOutput(append ? ProcessBuilder.Redirect.appendTo(stdout.toFile())
                    : ProcessBuilder.Redirect.to(stdout.toFile()));
            if (stderr == null) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(stderr.toFile());
            }
            try {
                Files.createDirectories(stdout.toAbsolutePath().getParent());
                if (stderr != null) {
                    Files.createDirectories(stderr.toAbsolutePath().getParent());
                }
                return new ChildProcess(name, builder.start(), stdout, stderr, closeGrace);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name + ": " + command, e);
            }
        }

        /**
         * Runs the program to its end and returns its output; fails if it does not end within
         * {@code timeout} or ends with a non-zero status.
         */
        public String run(Duration timeout) {
            try (ChildProcess p = start()) {
                if (!p.waitFor(timeout)) {
                    throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + p.tail());
                }
                if (p.process.exitValue() != 0) {
                    throw new IllegalStateException(name + " exited with " + p.process.exitValue() + "\n" + p.tail());
                }
                return p.stdout();
            }
        }
    }

    public String name() {
        return name;
    }

    /** The file standard output goes to (with standard error, unless they were given two files). */
    public Path log() {
        return stdout;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd and Ctrl-C stop a program; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns once the process is gone. */
    public void stop(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    /** SIGKILL: a crash, no clean shutdown; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(KILL_WAIT);
    }

    /** @return the exit status; an {@link AssertionError} if it still runs after {@code timeout} */
    public int awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new AssertionError(name + " still running after " + timeout + "; output:\n" + stdout());
        }
        return process.exitValue();
    }

    /** Stops it as {@link Builder#closeGrace} says, if it still runs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        if (closeGrace.isZero()) {
            kill();
        } else {
            stop(closeGrace);
        }
    }

    /** Everything written to standard output so far (standard error too if merged). */
    public String stdout() {
        return read(stdout);
    }

    public List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    public String stderr() {
        if (stderr == null) {
            throw new IllegalStateException(name + ": standard error goes to " + stdout + " with standard output");
        }
        return read(stderr);
    }

    /** Waits until a line of standard output matches; empty if none did within the timeout. */
    public Optional<String> awaitLine(Predicate<String> matches, Duration timeout) {
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

    /** The last lines of standard output, headed by the file's name, for failure messages. */
    public String tail() {
        return tail(TAIL_LINES);
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            return "--- last lines of " + stdout + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + stdout + ": " + e + ")";
        }
    }

    /** "{@code <name> <what> (still running | exited with <status>)}" and the end of its log. */
    public String describeFailure(String what) {
        String state = process.isAlive() ? "still running" : "exited with " + process.exitValue();
        return name + " " + what + " (" + state + ")\n" + tail(60);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
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

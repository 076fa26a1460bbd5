package io.github.vpm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    @Test
    void runReturnsTheOutputWithStandardErrorMerged() {
        String out = ChildProcess.builder("echo", sh("echo out; echo err >&2"))
                .log(dir.resolve("sub/echo.log")).run(Duration.ofSeconds(30));
        assertThat(out.lines()).containsExactlyInAnyOrder("out", "err");
    }

    @Test
    void runFailsOnANonZeroExitNamingTheProgramAndShowingItsLog() {
        assertThatThrownBy(() -> ChildProcess.builder("failing", sh("echo why; exit 3"))
                .log(dir.resolve("failing.log")).run(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failing exited with 3")
                .hasMessageContaining("why");
    }

    @Test
    void runFailsWhenTheProgramDoesNotEndInTime() {
        assertThatThrownBy(() -> ChildProcess.builder("sleeper", sh("sleep 30"))
                .log(dir.resolve("sleeper.log")).closeGrace(Duration.ZERO).run(Duration.ofMillis(200)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sleeper did not finish within");
    }

    @Test
    void separateOutputFilesAndTheEnvironmentAsGiven() {
        try (ChildProcess p = ChildProcess.builder("env", sh("echo \"A=$VPM_A B=${VPM_B-unset}\"; echo oops >&2"))
                .output(dir.resolve("env.out"), dir.resolve("env.err"))
                .environment(Map.of("VPM_A", "set", "VPM_B", "x"))
                .withoutEnvironment("VPM_B")
                .start()) {
            assertThat(p.awaitExit(Duration.ofSeconds(30))).isZero();
            // put after remove: a variable given explicitly wins
            assertThat(p.stdout()).isEqualTo("A=set B=x\n");
            assertThat(p.stderr()).isEqualTo("oops\n");
        }
        try (ChildProcess p = ChildProcess.builder("env", sh("echo \"${HOME-unset}\""))
                .log(dir.resolve("home.log")).withoutEnvironment("HOME").start()) {
            p.awaitExit(Duration.ofSeconds(30));
            assertThat(p.stdout()).isEqualTo("unset\n");
            assertThatThrownBy(p::stderr).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void appendLogKeepsTheEarlierRunsOutput() {
        Path log = dir.resolve("twice.log");
        ChildProcess.builder("first", sh("echo one")).appendLog(log).run(Duration.ofSeconds(30));
        String both = ChildProcess.builder("second", sh("echo two")).appendLog(log).run(Duration.ofSeconds(30));
        assertThat(both).isEqualTo("one\ntwo\n");
        assertThat(ChildProcess.builder("third", sh("echo three")).log(log).run(Duration.ofSeconds(30)))
                .isEqualTo("three\n");
    }

    @Test
    void awaitLineTerminateAndExitStatus() {
        try (ChildProcess p = ChildProcess.builder("loop",
                        sh("trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.1; done"))
                .log(dir.resolve("loop.log")).start()) {
            assertThat(p.awaitLine(l -> l.equals("ready"), Duration.ofSeconds(30))).contains("ready");
            assertThat(p.awaitLine(l -> l.equals("never"), Duration.ofMillis(100))).isEmpty();
            assertThat(p.isAlive()).isTrue();
            assertThatThrownBy(() -> p.awaitExit(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("loop still running");
            p.terminate();
            assertThat(p.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(p.stdoutLines()).containsExactly("ready", "bye");
            assertThat(p.tail(1)).endsWith("\nbye").contains("loop.log");
            assertThat(p.describeFailure("ended")).startsWith("loop ended (exited with 0)");
        }
    }

    @Test
    void stopEscalatesToKillAfterTheGraceAndCloseWithZeroGraceKills() {
        ChildProcess stubborn = ChildProcess.builder("stubborn",
                        sh("trap '' TERM; echo ready; while true; do sleep 0.1; done"))
                .log(dir.resolve("stubborn.log")).start();
        stubborn.awaitLine(l -> l.equals("ready"), Duration.ofSeconds(30));
        stubborn.stop(Duration.ofMillis(300));
        assertThat(stubborn.isAlive()).isFalse();

        ChildProcess closed = ChildProcess.builder("closed", sh("sleep 30"))
                .log(dir.resolve("closed.log")).closeGrace(Duration.ZERO).start();
        closed.close();
        assertThat(closed.isAlive()).isFalse();
    }

    @Test
    void startWithoutAnOutputFileIsRefused() {
        assertThatThrownBy(() -> ChildProcess.builder("nowhere", sh("true")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nowhere");
    }
}

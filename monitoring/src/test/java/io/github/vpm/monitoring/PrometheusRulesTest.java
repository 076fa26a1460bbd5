package io.github.vpm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs monitoring/check: promtool check rules on monitoring/prometheus/rules and promtool test rules
 * on monitoring/prometheus/tests (every alert fires on synthetic series, a healthy cluster fires
 * nothing), the metric names against the recorded scrapes, and (where amtool and ansible are
 * installed) amtool check-config on each inventory's Alertmanager configuration. Skipped, not
 * failed, where promtool is not installed: the Java build needs only a JDK; CI installs Debian's
 * prometheus package and calls monitoring/check directly as well.
 */
class PrometheusRulesTest {

    @Test
    void rulesAreValidAndEveryAlertFiresOnItsTestSeries() throws IOException, InterruptedException {
        assumeTrue(onPath("promtool"), "promtool not installed (Debian: apt-get install prometheus)");
        Path check = Paths.get("check").toAbsolutePath();
        Path output = Files.createTempFile("vpm-monitoring-check-", ".log");
        try {
            Process process = new ProcessBuilder(check.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            // Rendering the Alertmanager configurations starts ansible-playbook once per inventory:
            // well over a minute on a busy 2-core machine.
            boolean finished = process.waitFor(300, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("monitoring/check finished in 300 s\n" + log).isTrue();
            assertThat(process.exitValue()).as("monitoring/check exit status\n" + log).isZero();
            assertThat(log).contains("SUCCESS").doesNotContain("FAILED");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Paths.get(dir, program)));
    }
}

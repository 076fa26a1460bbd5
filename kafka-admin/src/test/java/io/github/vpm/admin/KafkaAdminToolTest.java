package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's outcomes that need no broker: usage, and the one line and status 2 of a bad option. */
class KafkaAdminToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KafkaAdminTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageOnStdout() {
        assertThat(run("--help")).isZero();

        assertThat(out()).isEqualTo(AdminOptions.usage());
        assertThat(err()).isEmpty();
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndStatusTwo() {
        assertThat(run("--bootstrap-server", "127.0.0.1:9092", "--timeout", "soon", "--describe-topics", "x")).isEqualTo(2);

        assertThat(err()).isEqualTo("--timeout: expected a duration such as 30s or 2min, above 0 and up to 24d, got \"soon\"\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void nothingToDoIsABadCommandLine() {
        assertThat(run("--bootstrap-server", "127.0.0.1:9092")).isEqualTo(2);

        assertThat(err()).startsWith("nothing to do: ").hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void aMalformedFileIsStatusTwoBeforeAnyBrokerIsAsked() throws IOException {
        Path acls = Files.writeString(dir.resolve("acls"), "TOPIC LITERAL in User:job READ\nTOPIC LITERAL in job READ\n");

        // Port 1: were a broker asked, this would be a timeout (status 1) after 120 s, not status 2 at once.
        assertThat(run("--bootstrap-server", "127.0.0.1:1", "--acls", acls.toString())).isEqualTo(2);

        assertThat(err()).isEqualTo("--acls: " + acls + " line 2: a principal is User:<name>, not 'job'\n");
        assertThat(out()).isEmpty();
    }
}

package io.github.vpm.cli;

import static io.github.vpm.cli.CommandLine.Repeats.LAST_WINS;
import static io.github.vpm.cli.CommandLine.Repeats.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private static final List<String> NAMES = List.of("rate", "topic", "duration");

    @ParameterizedTest
    @EnumSource(CommandLine.Repeats.class)
    void readsNameValuePairsInEitherForm(CommandLine.Repeats repeats) {
        CommandLine line = CommandLine.parse(NAMES, repeats, "--rate", "5", "--topic=a=b", "--duration", "--x");
        assertThat(line.helpRequested()).isFalse();
        assertThat(line.values()).containsExactly(entry("rate", "5"), entry("topic", "a=b"), entry("duration", "--x"));
        assertThat(line.value("rate")).contains("5");
        assertThat(line.value("nothing")).isEmpty();
        assertThat(CommandLine.parse(NAMES, repeats).values()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpAnywhereWinsOverEverythingElse(String help) {
        for (String[] args : List.of(new String[] {help}, new String[] {"--speed", "3", help},
                new String[] {"--rate", help}, new String[] {"stray", "--rate", "1", "--rate", "2", help})) {
            CommandLine line = CommandLine.parse(NAMES, REFUSED, args);
            assertThat(line.helpRequested()).isTrue();
            assertThat(line.values()).isEmpty();
        }
    }

    @Test
    void everyErrorNamesTheOptionFirst() {
        assertThatThrownBy(() -> CommandLine.parse(NAMES, LAST_WINS, "--speed", "3"))
                .isInstanceOf(InvalidOptionException.class).hasMessage("--speed: unknown option");
        assertThatThrownBy(() -> CommandLine.parse(NAMES, LAST_WINS, "--speed=3"))
                .hasMessage("--speed: unknown option");
        assertThatThrownBy(() -> CommandLine.parse(NAMES, LAST_WINS, "--rate", "1", "--topic"))
                .hasMessage("--topic: missing value");
        assertThatThrownBy(() -> CommandLine.parse(NAMES, REFUSED, "--rate", "1", "--rate=2"))
                .hasMessage("--rate: given more than once");
    }

    @Test
    void aRepeatedOptionIsRefusedOrTheLastWins() {
        assertThat(CommandLine.parse(NAMES, LAST_WINS, "--rate", "1", "--topic", "t", "--rate", "2").values())
                .containsExactly(entry("rate", "2"), entry("topic", "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate", "--", "-r", "--=5", "-", ""})
    void aStrayArgumentIsRefused(String arg) {
        assertThatThrownBy(() -> CommandLine.parse(NAMES, LAST_WINS, "--rate", "1", arg))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("unexpected argument \"" + arg + "\": options look like --name value");
    }

    @Test
    void aStrayArgumentStaysOnOneLine() {
        assertThatThrownBy(() -> CommandLine.parse(NAMES, LAST_WINS, "a\nb"))
                .hasMessage("unexpected argument \"a\\u000ab\": options look like --name value");
    }

    @Test
    void orExitPrintsTheOneLineAndExitsWithTwo() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                BadCommandLine.class.getName(), "--speed", "3")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(InvalidOptionException.EXIT_STATUS);
        assertThat(stderr.lines()).containsExactly("--speed: unknown option");
    }

    @Test
    void orExitReturnsWhatTheParseGave() {
        assertThat(CommandLine.orExit(() -> CommandLine.parse(NAMES, REFUSED, "--rate", "7")).value("rate"))
                .contains("7");
    }

    /** A program with the three programs' main: parse or exit. */
    static final class BadCommandLine {
        public static void main(String[] args) {
            CommandLine.orExit(() -> CommandLine.parse(NAMES, REFUSED, args));
            System.out.println("not reached");
        }
    }
}

package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesiredTopicTest {

    @TempDir
    Path dir;

    private String file(String text) throws IOException {
        return Files.writeString(dir.resolve("topics"), text).toString();
    }

    @Test
    void readsTopicsSkippingCommentsAndBlankLinesWithConfigsInTheFilesOrder() throws IOException {
        String f = file("# the contract's topics\n\n  vehicle-pressure 6 1 cleanup.policy=delete\n"
                + "maxima\t4  1 cleanup.policy=compact min.compaction.lag.ms=0\n   # indented comment\ndlq 1 3\n");

        List<DesiredTopic> topics = DesiredTopic.parseFile("--topics", f);

        assertThat(topics).containsExactly(
                new DesiredTopic("vehicle-pressure", 6, (short) 1, Map.of("cleanup.policy", "delete")),
                new DesiredTopic("maxima", 4, (short) 1, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")),
                new DesiredTopic("dlq", 1, (short) 3, Map.of()));
        assertThat(topics.get(1).configs().keySet()).containsExactly("cleanup.policy", "min.compaction.lag.ms");
    }

    @Test
    void aConfigValueMayHoldEqualsSignsAndBeEmpty() throws IOException {
        DesiredTopic t = DesiredTopic.parseFile("--topics", file("t 1 1 a=b=c d=\n")).get(0);

        assertThat(t.configs()).containsExactly(Map.entry("a", "b=c"), Map.entry("d", ""));
    }

    @Test
    void anEmptyFileAsksForNothing() throws IOException {
        assertThat(DesiredTopic.parseFile("--topics", file("# nothing yet\n"))).isEmpty();
    }

    @Test
    void aBadLineIsOneLineNamingTheOptionTheFileAndTheLineNumber() throws IOException {
        String f = file("# topics\nok 1 1\nbad x 1\n");

        assertThatThrownBy(() -> DesiredTopic.parseFile("--topics", f))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--topics: " + f + " line 3: partitions must be a positive integer, not 'x'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t 1|expected <name> <partitions> <replication-factor> [key=value ...], got 't 1'",
        "bad/name 1 1|a topic name has 1 to 249 letters, digits, '.', '_' or '-' (not '.' or '..'), not 'bad/name'",
        ".. 1 1|a topic name has 1 to 249 letters, digits, '.', '_' or '-' (not '.' or '..'), not '..'",
        "t 0 1|partitions must be a positive integer, not '0'",
        "t -3 1|partitions must be a positive integer, not '-3'",
        "t 99999999999 1|partitions must be a positive integer, not '99999999999'",
        "t 1 x|replication factor must be a positive integer up to 32767, not 'x'",
        "t 1 0|replication factor must be a positive integer up to 32767, not '0'",
        "t 1 32768|replication factor must be a positive integer up to 32767, not '32768'",
        "t 1 1 retention.ms|a topic config is key=value, not 'retention.ms'",
        "t 1 1 =5|a topic config is key=value, not '=5'",
        "t 1 1 a=1 a=2|config a is given twice",
    })
    void refusesEachKindOfBadLine(String line, String problem) throws IOException {
        String f = file("\n" + line + "\n");

        assertThatThrownBy(() -> DesiredTopic.parseFile("--topics", f))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--topics: " + f + " line 2: " + problem);
    }

    @Test
    void aTopicNamedTwiceIsRefusedWithBothLines() throws IOException {
        String f = file("t 1 1\nu 1 1\nt 2 1\n");

        assertThatThrownBy(() -> DesiredTopic.parseFile("--topics", f))
                .hasMessage("--topics: " + f + " line 3: topic t is already on line 1");
    }

    @Test
    void aMissingFileIsABadOption() {
        String f = dir.resolve("nope").toString();

        assertThatThrownBy(() -> DesiredTopic.parseFile("--topics", f))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--topics: no such file \"" + f + "\"");
    }
}

package io.github.vpm.job.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sizes are checked against what the JDK's encoder and the job's JSON writer really produce. */
class Utf8JsonTest {

    private static final String MIXED = "a\"\\\b\t\n\f\r\u0000\u001f\u007f é€\uD83D\uDE00\uFFFD\uD800x";

    @Test
    void utf8LengthIsTheEncodedSize() {
        String valid = MIXED.substring(0, MIXED.length() - 2);
        assertThat(Utf8Json.utf8Length(valid)).isEqualTo(valid.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void jsonLengthIsWhatTheDeadLetterWriterWrites() {
        DeadLetter empty = new DeadLetter("", "", "t", 0, 0L, null);
        // Same rawBytes, so only raw differs.
        DeadLetter mixed = new DeadLetter("", MIXED, empty.rawBytes(), false, "t", 0, 0L, null);
        assertThat(Utf8Json.jsonLength(MIXED)).isEqualTo(
                DeadLetterSerializer.toJson(mixed).length - DeadLetterSerializer.toJson(empty).length);
        assertThat(Utf8Json.jsonLength("\u0001")).isEqualTo(Utf8Json.MAX_ESCAPED_BYTES_PER_CHAR);
    }

    @Test
    void cutsKeepWholeCharactersAndPairs() {
        String emoji = "\uD83D\uDE00";
        assertThat(Utf8Json.cutUtf8("ab" + emoji, 5)).isEqualTo("ab");
        assertThat(Utf8Json.cutUtf8("ab" + emoji, 6)).isEqualTo("ab" + emoji);
        assertThat(Utf8Json.cutUtf8("a€", 3)).isEqualTo("a");
        assertThat(Utf8Json.cutUtf8("a€", 4)).isEqualTo("a€");
        assertThat(Utf8Json.cutJson("a\u0001b", 6)).isEqualTo("a");
        assertThat(Utf8Json.cutJson("a\u0001b", 7)).isEqualTo("a\u0001");
        // Jackson writes each half of a pair as a six-byte escape.
        assertThat(Utf8Json.jsonLength(emoji)).isEqualTo(12);
        assertThat(Utf8Json.cutJson("a" + emoji, 12)).isEqualTo("a");
        assertThat(Utf8Json.cutJson("a" + emoji, 13)).isEqualTo("a" + emoji);
        assertThat(Utf8Json.cutJson("abc", 0)).isEmpty();
    }
}

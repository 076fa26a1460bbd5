package io.github.vpm.job.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    private static long millis(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-07-22 22:30:45.123Z       | 2025-07-22T22:30:45.123Z",
        "2025-07-22T22:30:45.123Z       | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45Z           | 2025-07-22T22:30:45Z",
        "2025-07-22 22:30:45.1Z         | 2025-07-22T22:30:45.100Z",
        "2025-07-22 22:30:45.12Z        | 2025-07-22T22:30:45.120Z",
        "2025-07-22 22:30:45.1234Z      | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.123456789Z | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.999999999Z | 2025-07-22T22:30:45.999Z",
        "2025-07-22T22:30:45+02:00      | 2025-07-22T20:30:45Z",
        "2025-07-22T22:30:45.5-05:30    | 2025-07-23T04:00:45.500Z",
        "2025-07-22T00:30:45+01:00      | 2025-07-21T23:30:45Z",
        "2024-02-29 12:00:00Z           | 2024-02-29T12:00:00Z",
        "2000-02-29 12:00:00Z           | 2000-02-29T12:00:00Z",
        "1970-01-01 00:00:00.000Z       | 1970-01-01T00:00:00Z",
        "1969-12-31 23:59:59.999Z       | 1969-12-31T23:59:59.999Z",
        "0000-01-01 00:00:00Z           | 0000-01-01T00:00:00Z",
        "9999-12-31 23:59:59.999999999Z | 9999-12-31T23:59:59.999Z",
        "2025-07-22T22:30:45+18:00      | 2025-07-22T04:30:45Z",
    })
    void parsesBothFormsToEpochMillis(String text, String expectedInstant) {
        assertThat(Timestamps.parse(text)).isEqualTo(millis(expectedInstant));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "2025-07-22",
        "2025-07-22 22:30:45",          // no zone
        "2025-07-22 22:30:45.123",      // no zone
        "2025-07-22 22:30:45.Z",        // dot without digits
        "2025-07-22 22:30:45.1234567890Z", // 10 fraction digits
        "2025-07-22 22:30:45.123+02:00", // seed form is UTC only
        "2025-07-22T22:30:45.123z",
        "2025-07-22t22:30:45.123Z",
        "2025-07-22_22:30:45Z",
        "2025-13-22 22:30:45Z",
        "2025-00-22 22:30:45Z",
        "2025-02-29 22:30:45Z",         // not a leap year
        "1900-02-29 22:30:45Z",         // not a leap year either
        "2025-04-31 22:30:45Z",
        "2025-07-00 22:30:45Z",
        "2025-07-22 24:00:00Z",
        "2025-07-22 22:60:45Z",
        "2025-07-22 22:30:60Z",
        "2025-07-22T22:30:45+19:00",
        "2025-07-22T22:30:45+18:01",
        "2025-07-22T22:30:45+02:60",
        "2025-07-22T22:30:45+0200",
        "2025-07-22T22:30:45+02",
        "2025-07-22T22:30:45.123ZZ",
        "2025-07-22T22:30:45.123Z ",
        " 2025-07-22T22:30:45.123Z",
        "25-07-22 22:30:45.123Z",
        "+2025-07-22T22:30:45Z",
        "2025-7-22 22:30:45.123Z",
        "2025-07-22 2:30:45.1234Z",
        "0000-01-01T00:30:00+01:00",    // before year 0000 in UTC
        "9999-12-31T23:30:00-01:00",    // after year 9999 in UTC
        "1753453845123",
    })
    void rejectsEverythingElse(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void parsesFromAWindowOfALargerBuffer() {
        char[] buffer = "xx2025-07-22 22:30:45.123Zyy".toCharArray();
        assertThat(Timestamps.parse(buffer, 2, 24)).isEqualTo(millis("2025-07-22T22:30:45.123Z"));
    }

    @Test
    void formatsTheSeedFormWithExactlyThreeFractionDigits() {
        assertThat(Timestamps.formatSeed(millis("2025-07-22T22:30:45.123Z"))).isEqualTo("2025-07-22 22:30:45.123Z");
        assertThat(Timestamps.formatSeed(millis("2025-07-22T22:30:45Z"))).isEqualTo("2025-07-22 22:30:45.000Z");
        assertThat(Timestamps.formatSeed(0)).isEqualTo("1970-01-01 00:00:00.000Z");
        assertThat(Timestamps.formatSeed(-1)).isEqualTo("1969-12-31 23:59:59.999Z");
        assertThat(Timestamps.formatSeed(Timestamps.MIN_MILLIS)).isEqualTo("0000-01-01 00:00:00.000Z");
        assertThat(Timestamps.formatSeed(Timestamps.MAX_MILLIS)).isEqualTo("9999-12-31 23:59:59.999Z");
    }

    @Test
    void formatAndParseAgreeWithJavaTimeAcrossTheWholeRange() {
        DateTimeFormatter seed = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long epochMillis = random.nextLong(Timestamps.MIN_MILLIS, Timestamps.MAX_MILLIS + 1);
            String expected = seed.format(Instant.ofEpochMilli(epochMillis));
            String formatted = Timestamps.formatSeed(epochMillis);
            assertThat(formatted).isEqualTo(expected);
            assertThat(Timestamps.parse(formatted)).isEqualTo(epochMillis);
        }
    }

    @Test
    void refusesToFormatOutsideFourDigitYears() {
        assertThatThrownBy(() -> Timestamps.formatSeed(Timestamps.MAX_MILLIS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timestamps.formatSeed(Timestamps.MIN_MILLIS - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.github.vpm.cli;

import static io.github.vpm.cli.Durations.BareNumber.REFUSED;
import static io.github.vpm.cli.Durations.BareNumber.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    /** Everything the job (Flink's syntax) and the simulator accepted before they shared this class. */
    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "10s, PT10S", "'10 s', PT10S", "' 10s ', PT10S", "5min, PT5M", "5m, PT5M",
            "5mins, PT5M", "3 minutes, PT3M", "2h, PT2H", "2 hours, PT2H", "1d, PT24H", "7 d, PT168H",
            "2 days, PT48H", "10 sec, PT10S", "10 secs, PT10S", "1 second, PT1S", "0s, PT0S", "10S, PT10S",
            "5 MIN, PT5M", "60001ms, PT1M0.001S", "7 millis, PT0.007S", "1500µs, PT0.0015S", "2 micros, PT0.000002S",
            "5ns, PT0.000000005S", "3 nanoseconds, PT0.000000003S"})
    void acceptsANumberWithAUnit(String text, Duration expected) {
        assertThat(Durations.parse(text, REFUSED)).contains(expected);
        assertThat(Durations.parse(text, SECONDS)).contains(expected);
    }

    @Test
    void aBareNumberIsSecondsOnlyWhereTheOptionSaysSo() {
        assertThat(Durations.parse("30", SECONDS)).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("0", SECONDS)).contains(Duration.ZERO);
        assertThat(Durations.parse("30", REFUSED)).isEmpty();
        assertThat(Durations.parse("0", REFUSED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-1s", "-5", "1.5s", "10 parsecs", "s", "0x10s", "1e3s", "10 s s",
            "99999999999999999999s", "9223372036854775807d", "never", "a\nb"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parse(text, SECONDS)).isEmpty();
        assertThat(Durations.parse(text, REFUSED)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0", "PT10S, 10s", "PT5M, 5min", "PT2H, 2h", "PT48H, 2d", "PT0.25S, 250ms", "PT90S, 90s"})
    void formatsInTheSameSyntax(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
        assertThat(Durations.parse(expected, SECONDS)).contains(duration);
    }
}

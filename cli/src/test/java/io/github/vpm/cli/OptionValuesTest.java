package io.github.vpm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionValuesTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "100, 100", "' 42 ', 42", "1_000, 1000", "+7, 7"})
    void acceptsAWholeNumberInItsRange(String text, long expected) {
        assertThat(OptionValues.wholeNumber("--n", text, 1L, 1000L)).isEqualTo(expected);
        assertThat(OptionValues.wholeNumber("--n", text, 1, 1000)).isEqualTo((int) expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "", " ", "_", "1.5", "1e3", "ten", "0x10", "99999999999999999999"})
    void refusesAnythingElseNamingTheOptionAndTheRange(String text) {
        assertThatThrownBy(() -> OptionValues.wholeNumber("--attempts", text, 1, 1000))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--attempts: expected a whole number from 1 to 1000, got \"" + text + "\"");
    }

    @Test
    void anUnboundedNumberIsJustAWholeNumber() {
        assertThat(OptionValues.wholeNumber("--seed", "-9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> OptionValues.wholeNumber("SEED", "x", Long.MIN_VALUE, Long.MAX_VALUE))
                .hasMessage("SEED: expected a whole number, got \"x\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"localhost:9092|localhost:9092", "' a:1 , b.example:65535 '|'a:1 , b.example:65535'",
            "192.168.56.10:9092|192.168.56.10:9092", "[::1]:9092|[::1]:9092", "kafka-1_x:9093|kafka-1_x:9093"})
    void acceptsBootstrapServers(String text, String expected) {
        assertThat(OptionValues.bootstrapServers("--bootstrap-servers", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:", ":9092", "host:port", "host:0", "host:65536", "a:1,",
            "a:1,,b:2", "::1:9092", "host:123456", "a b:1"})
    void refusesAnythingElseAsBootstrapServers(String text) {
        assertThatThrownBy(() -> OptionValues.bootstrapServers("--bootstrap-server", text))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--bootstrap-server: expected host:port[,host:port...], got \"" + text + "\"");
    }
}

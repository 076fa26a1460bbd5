package io.github.vpm.job.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "950000                 | 950000",
        "850000.0               | 850000",
        "0                      | 0",
        "-0.0                   | 0",
        "10000000               | 10000000",
        "823456.7891234         | 823456.7891234",
        "0.5                    | 0.5",
        "0.1                    | 0.1",
        "12345678.5             | 12345678.5",
        "1e-5                   | 0.00001",
        "1.2345e-7              | 0.00000012345",
        "-2.5                   | -2.5",
        "1e20                   | 100000000000000000000",
        "4503599627370495.5     | 4503599627370495.5",
        "9007199254740993       | 9007199254740992",
        "1e23                   | 99999999999999991611392",
    })
    void writesIntegralWithoutFractionAndOthersWithTheirShortestDigits(double value, String expected) {
        assertThat(JsonNumbers.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 123.456e250,
        0.30000000000000004, 5e-324, 2.2250738585072014E-308, 1e7, 9999999.999999999})
    void everyFiniteDoubleIsPlainJsonThatReadsBackAsTheSameDouble(double value) throws Exception {
        assertRoundTrips(value);
    }

    @Test
    void randomDoublesRoundTrip() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() * 10_000_000
                    : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            assertRoundTrips(value);
        }
    }

    @Test
    void rejectsWhatJsonCannotExpress() {
        assertThatThrownBy(() -> JsonNumbers.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNumbers.format(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRoundTrips(double value) throws Exception {
        String text = JsonNumbers.format(value);
        assertThat(text).as("plain notation for %s", value).doesNotContain("E").doesNotContain("e");
        JsonNode n = JSON.readTree("{\"n\":" + text + "}").get("n");
        assertThat(n.isNumber()).as("%s is a JSON number", text).isTrue();
        assertThat(Double.parseDouble(text)).as("%s reads back as %s", text, value).isEqualTo(value);
        assertThat(n.doubleValue()).isEqualTo(value);
    }
}

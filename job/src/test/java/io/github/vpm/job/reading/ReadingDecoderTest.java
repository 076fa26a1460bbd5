package io.github.vpm.job.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingDecoderTest {

    private static final String SEED_EXAMPLE = "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 850000,\n"
            + " \"temperature\": 25.5, \"sensorId\": \"honda23100\", \"vehicleId\": \"HONDA 231\"}";

    private final ReadingDecoder decoder = new ReadingDecoder(0, 10_000_000);

    private Reading decode(String json) throws InvalidReadingException {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private void assertInvalid(String json, String error) {
        assertThatThrownBy(() -> decode(json)).isInstanceOf(InvalidReadingException.class).hasMessage(error);
    }

    /** The contract's example with one field's JSON value replaced (or removed when null). */
    private static String example(String field, String jsonValue) {
        StringBuilder json = new StringBuilder("{");
        String[][] fields = {
            {"timestamp", "\"2025-07-22 22:30:45.123Z\""},
            {"pressure", "850000"},
            {"temperature", "25.5"},
            {"sensorId", "\"honda23100\""},
            {"vehicleId", "\"HONDA 231\""},
        };
        for (String[] f : fields) {
            String value = f[0].equals(field) ? jsonValue : f[1];
            if (value != null) {
                json.append(json.length() > 1 ? "," : "").append('"').append(f[0]).append("\":").append(value);
            }
        }
        return json.append('}').toString();
    }

    private static long millis(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    @Test
    void decodesTheContractExample() throws Exception {
        assertThat(decode(SEED_EXAMPLE)).isEqualTo(
                new Reading("HONDA 231", "honda23100", 850_000, millis("2025-07-22T22:30:45.123Z"), 25.5));
    }

    @Test
    void acceptsFieldsInAnyOrderAndIgnoresUnknownOnes() throws Exception {
        Reading reading = decode("{\"extra\": {\"nested\": [1, {\"pressure\": \"x\"}]}, \"vehicleId\": \"V\","
                + " \"list\": [true, null], \"pressure\": 7, \"sensorId\": \"S\", \"n\": 1.5,"
                + " \"timestamp\": \"2025-07-22T22:30:45Z\", \"s\": \"t\"}");
        assertThat(reading).isEqualTo(new Reading("V", "S", 7, millis("2025-07-22T22:30:45Z"), null));
    }

    @Test
    void decodesUnicodeAndEscapesInIds() throws Exception {
        Reading reading = decode(example("vehicleId", "\"Ǆ \\\"q\\\" \\u00e9\""));
        assertThat(reading.vehicleId).isEqualTo("Ǆ \"q\" é");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2025-07-22 22:30:45Z           | 2025-07-22T22:30:45Z",
        "2025-07-22 22:30:45.1Z         | 2025-07-22T22:30:45.100Z",
        "2025-07-22 22:30:45.12Z        | 2025-07-22T22:30:45.120Z",
        "2025-07-22 22:30:45.123Z       | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.1234Z      | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.12345Z     | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.123456Z    | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.1234567Z   | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.12345678Z  | 2025-07-22T22:30:45.123Z",
        "2025-07-22 22:30:45.123456789Z | 2025-07-22T22:30:45.123Z",
        "2025-07-22T22:30:45.123Z       | 2025-07-22T22:30:45.123Z",
        "2025-07-22T22:30:45Z           | 2025-07-22T22:30:45Z",
        "2025-07-22T22:30:45.123456789Z | 2025-07-22T22:30:45.123Z",
        "2025-07-22T22:30:45.123+02:00  | 2025-07-22T20:30:45.123Z",
        "2025-07-22T22:30:45-07:00      | 2025-07-23T05:30:45Z",
    })
    void acceptsBothTimestampFormsWithZeroToNineFractionDigits(String text, String instant) throws Exception {
        assertThat(decode(example("timestamp", '"' + text + '"')).timestamp).isEqualTo(millis(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2025-07-22 22:30:45.1234567890Z",
        "2025-07-22 22:30:45.123+02:00",
        "2025-07-22 22:30:45.123",
        "2025-02-30 22:30:45.123Z",
        "22:30:45",
        "",
        "yesterday",
    })
    void rejectsOtherTimestampTexts(String text) {
        assertInvalid(example("timestamp", '"' + text + '"'),
                "timestamp: expected \"yyyy-MM-dd HH:mm:ss.SSSZ\" or an ISO-8601 instant, got \"" + text + "\"");
    }

    @Test
    void rejectsNonStringTimestamps() {
        assertInvalid(example("timestamp", "1753223445123"), "timestamp: expected a string, got 1753223445123");
        assertInvalid(example("timestamp", "null"), "timestamp: expected a string, got null");
        assertInvalid(example("timestamp", "{}"), "timestamp: expected a string, got an object");
        assertInvalid(example("timestamp", null), "timestamp: missing");
    }

    @Test
    void acceptsPressureBoundaries() throws Exception {
        assertThat(decode(example("pressure", "0")).pressure).isZero();
        assertThat(decode(example("pressure", "-0")).pressure).isZero();
        assertThat(decode(example("pressure", "10000000")).pressure).isEqualTo(10_000_000);
    }

    @Test
    void rejectsPressureJustOutsideTheRange() {
        assertInvalid(example("pressure", "-1"), "pressure: expected 0..10000000, got -1");
        assertInvalid(example("pressure", "10000001"), "pressure: expected 0..10000000, got 10000001");
        assertInvalid(example("pressure", "99999999999999999999999"),
                "pressure: expected 0..10000000, got 99999999999999999999999");
    }

    @Test
    void usesTheConfiguredRange() throws Exception {
        ReadingDecoder narrow = new ReadingDecoder(100, 200);
        byte[] low = example("pressure", "99").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> narrow.decode(low)).hasMessage("pressure: expected 100..200, got 99");
        assertThat(narrow.decode(example("pressure", "200").getBytes(StandardCharsets.UTF_8)).pressure)
                .isEqualTo(200);
    }

    @Test
    void rejectsPressureThatIsNotAJsonInteger() {
        assertInvalid(example("pressure", "\"abc\""), "pressure: expected an integer, got \"abc\"");
        assertInvalid(example("pressure", "\"850000\""), "pressure: expected an integer, got \"850000\"");
        assertInvalid(example("pressure", "1.5"), "pressure: expected an integer, got 1.5");
        assertInvalid(example("pressure", "850000.0"), "pressure: expected an integer, got 850000.0");
        assertInvalid(example("pressure", "1e3"), "pressure: expected an integer, got 1e3");
        assertInvalid(example("pressure", "true"), "pressure: expected an integer, got true");
        assertInvalid(example("pressure", "null"), "pressure: expected an integer, got null");
        assertInvalid(example("pressure", "[1]"), "pressure: expected an integer, got an array");
        assertInvalid(example("pressure", null), "pressure: missing");
    }

    @Test
    void requiresNonEmptyStringIds() {
        for (String field : new String[] {"vehicleId", "sensorId"}) {
            assertInvalid(example(field, null), field + ": missing");
            assertInvalid(example(field, "\"\""), field + ": expected a non-empty string, got \"\"");
            assertInvalid(example(field, "231"), field + ": expected a string, got 231");
            assertInvalid(example(field, "null"), field + ": expected a string, got null");
            assertInvalid(example(field, "false"), field + ": expected a string, got false");
            assertInvalid(example(field, "{\"id\": \"x\"}"), field + ": expected a string, got an object");
            assertInvalid(example(field, "[\"x\"]"), field + ": expected a string, got an array");
        }
    }

    @Test
    void acceptsTemperatureAbsentNullOrAnyNumber() throws Exception {
        assertThat(decode(example("temperature", null)).temperature).isNull();
        assertThat(decode(example("temperature", "null")).temperature).isNull();
        assertThat(decode(example("temperature", "25")).temperature).isEqualTo(25.0);
        assertThat(decode(example("temperature", "-40.25")).temperature).isEqualTo(-40.25);
        assertThat(decode(example("temperature", "2.5e1")).temperature).isEqualTo(25.0);
    }

    @Test
    void rejectsTemperatureThatIsNotANumber() {
        assertInvalid(example("temperature", "\"25.5\""), "temperature: expected a number or null, got \"25.5\"");
        assertInvalid(example("temperature", "true"), "temperature: expected a number or null, got true");
        assertInvalid(example("temperature", "{}"), "temperature: expected a number or null, got an object");
        assertInvalid(example("temperature", "1e999"), "temperature: expected a finite number, got 1e999");
    }

    @Test
    void rejectsValuesThatAreNotOneJsonObject() {
        assertThatThrownBy(() -> decoder.decode(null))
                .hasMessage("value: expected a JSON object, got a null value");
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .hasMessage("value: expected a JSON object, got an empty value");
        assertInvalid("  \n ", "value: expected a JSON object, got an empty value");
        assertInvalid("[" + SEED_EXAMPLE + "]", "value: expected a JSON object, got an array");
        assertInvalid("null", "value: expected a JSON object, got null");
        assertInvalid("\"text\"", "value: expected a JSON object, got \"text\"");
        assertInvalid("42", "value: expected a JSON object, got 42");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertInvalid("hello", "value: not valid JSON: Unrecognized token 'hello': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') at line 1, column 6");
        assertInvalid("{\"pressure\": 1", "value: not valid JSON: unexpected end of input");
        assertInvalid("{pressure: 1}", "value: not valid JSON: Unexpected character ('p' (code 112)):"
                + " was expecting double-quote to start field name at line 1, column 2");
        assertInvalid("{\"pressure\": 01}", "value: not valid JSON: Invalid numeric value:"
                + " Leading zeroes not allowed at line 1, column 15");
    }

    @Test
    void rejectsNonUtf8Bytes() {
        byte[] latin1 = example("vehicleId", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> decoder.decode(latin1))
                .isInstanceOf(InvalidReadingException.class)
                .hasMessageStartingWith("value: not valid JSON: Invalid UTF-8");
    }

    @Test
    void rejectsTrailingContent() {
        assertInvalid(SEED_EXAMPLE + " {}",
                "value: expected one JSON object, got more content after it");
        assertInvalid(SEED_EXAMPLE + "garbage",
                "value: expected one JSON object, got more content after it");
        assertThat(catchDecode(SEED_EXAMPLE + " \n\t ")).isNull();
    }

    @Test
    void rejectsARepeatedKnownField() {
        assertInvalid(SEED_EXAMPLE.replace("{", "{\"pressure\": 1, "), "pressure: expected once, got it more than once");
    }

    @Test
    void reportsTheFirstProblemInDocumentOrderThenMissingFieldsInContractOrder() {
        assertInvalid("{\"sensorId\": 5, \"pressure\": \"abc\"}", "sensorId: expected a string, got 5");
        assertInvalid("{\"vehicleId\": \"V\"}", "timestamp: missing");
        assertInvalid("{}", "timestamp: missing");
        assertInvalid("{\"timestamp\": \"2025-07-22T22:30:45Z\", \"vehicleId\": \"V\"}", "pressure: missing");
    }

    @Test
    void quotesLongAndSpecialStringsShortly() {
        String longText = "x".repeat(100);
        assertInvalid(example("pressure", '"' + longText + '"'),
                "pressure: expected an integer, got \"" + "x".repeat(60) + "\"...");
        assertInvalid(example("pressure", "\"a\\\"b\\n\""), "pressure: expected an integer, got \"a\\\"b\\u000a\"");
    }

    private String catchDecode(String json) {
        try {
            decode(json);
            return null;
        } catch (InvalidReadingException e) {
            return e.getMessage();
        }
    }
}

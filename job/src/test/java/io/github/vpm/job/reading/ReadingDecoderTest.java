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
        assertThat(reading.vehicleId()).isEqualTo("Ǆ \"q\" é");
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
        assertThat(decode(example("timestamp", '"' + text + '"')).timestamp()).isEqualTo(millis(instant));
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
        assertThat(decode(example("pressure", "0")).pressure()).isZero();
        assertThat(decode(example("pressure", "10000000")).pressure()).isEqualTo(10_000_000);
        assertThat(decode(example("pressure", "10000000.0")).pressure()).isEqualTo(10_000_000);
        assertThat(decode(example("pressure", "1e7")).pressure()).isEqualTo(10_000_000);
        assertThat(decode(example("pressure", "0.0")).pressure()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "-0.0", "-0e5", "-0.000"})
    void turnsNegativeZeroIntoZero(String json) throws Exception {
        // Same pressure as 0; keeping -0.0 would write "-0" and compare oddly (Double.compare).
        assertThat(Double.doubleToRawLongBits(decode(example("pressure", json)).pressure())).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "850000            | 850000",
        "823456.7891234    | 823456.7891234",
        "8.5e5             | 850000",
        "8.5E+5            | 850000",
        "85e4              | 850000",
        "850000.0          | 850000",
        "0.5               | 0.5",
        "1e-300            | 1e-300",
        "9999999.999999999 | 9999999.999999999",
    })
    void acceptsEveryJsonNumberForm(String json, double expected) throws Exception {
        assertThat(decode(example("pressure", json)).pressure()).isEqualTo(expected);
    }

    @Test
    void rejectsPressureJustOutsideTheRange() {
        assertInvalid(example("pressure", "-1"), "pressure: expected 0..10000000, got -1");
        assertInvalid(example("pressure", "-0.5"), "pressure: expected 0..10000000, got -0.5");
        assertInvalid(example("pressure", "-1e-300"), "pressure: expected 0..10000000, got -1e-300");
        assertInvalid(example("pressure", "10000001"), "pressure: expected 0..10000000, got 10000001");
        assertInvalid(example("pressure", "10000000.000001"), "pressure: expected 0..10000000, got 10000000.000001");
        assertInvalid(example("pressure", "1.0000001e7"), "pressure: expected 0..10000000, got 1.0000001e7");
    }

    @Test
    void rejectsNumbersBeyondLongAndDouble() {
        assertInvalid(example("pressure", "99999999999999999999999"),
                "pressure: expected 0..10000000, got 99999999999999999999999");
        assertInvalid(example("pressure", "9223372036854775808"),
                "pressure: expected 0..10000000, got 9223372036854775808");
        assertInvalid(example("pressure", "-99999999999999999999999"),
                "pressure: expected 0..10000000, got -99999999999999999999999");
        // Not finite as a double: out of any range.
        assertInvalid(example("pressure", "1e999"), "pressure: expected 0..10000000, got 1e999");
        assertInvalid(example("pressure", "-1e999"), "pressure: expected 0..10000000, got -1e999");
    }

    @Test
    void rejectsNonFiniteNumbersEvenInTheWidestRange() {
        ReadingDecoder widest = new ReadingDecoder(-Double.MAX_VALUE, Double.MAX_VALUE);
        assertThatThrownBy(() -> widest.decode(example("pressure", "1e999").getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("pressure: expected ").hasMessageEndingWith(", got 1e999");
    }

    @Test
    void usesTheConfiguredRange() throws Exception {
        ReadingDecoder narrow = new ReadingDecoder(100, 200);
        byte[] low = example("pressure", "99").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> narrow.decode(low)).hasMessage("pressure: expected 100..200, got 99");
        assertThat(narrow.decode(example("pressure", "200").getBytes(StandardCharsets.UTF_8)).pressure())
                .isEqualTo(200);
    }

    @Test
    void usesAFractionalRangeAndShowsItInTheContractsForm() throws Exception {
        ReadingDecoder fractional = new ReadingDecoder(0.5, 1.25);
        assertThat(fractional.decode(example("pressure", "0.5").getBytes(StandardCharsets.UTF_8)).pressure())
                .isEqualTo(0.5);
        assertThat(fractional.decode(example("pressure", "1.25").getBytes(StandardCharsets.UTF_8)).pressure())
                .isEqualTo(1.25);
        byte[] high = example("pressure", "1.2500001").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> fractional.decode(high)).hasMessage("pressure: expected 0.5..1.25, got 1.2500001");
    }

    @Test
    void keepsIntegralAndFractionalFormsOfOneValueEqual() throws Exception {
        // Comparisons downstream are on the double: these are one pressure (a tie).
        assertThat(decode(example("pressure", "850000.0")).pressure())
                .isEqualTo(decode(example("pressure", "850000")).pressure())
                .isEqualTo(decode(example("pressure", "8.5e5")).pressure());
    }

    @Test
    void rejectsPressureThatIsNotAJsonNumber() {
        assertInvalid(example("pressure", "\"abc\""), "pressure: expected a number, got \"abc\"");
        assertInvalid(example("pressure", "\"850000\""), "pressure: expected a number, got \"850000\"");
        assertInvalid(example("pressure", "true"), "pressure: expected a number, got true");
        assertInvalid(example("pressure", "false"), "pressure: expected a number, got false");
        assertInvalid(example("pressure", "null"), "pressure: expected a number, got null");
        assertInvalid(example("pressure", "[1]"), "pressure: expected a number, got an array");
        assertInvalid(example("pressure", "{}"), "pressure: expected a number, got an object");
        assertInvalid(example("pressure", null), "pressure: missing");
    }

    @Test
    void rejectsNumberSpellingsJsonDoesNotHave() {
        assertThat(catchDecode(example("pressure", "NaN"))).startsWith("value: not valid JSON: ");
        assertThat(catchDecode(example("pressure", "Infinity"))).startsWith("value: not valid JSON: ");
        assertThat(catchDecode(example("pressure", ".5"))).startsWith("value: not valid JSON: ");
        assertThat(catchDecode(example("pressure", "1."))).startsWith("value: not valid JSON: ");
        assertThat(catchDecode(example("pressure", "+1"))).startsWith("value: not valid JSON: ");
    }

    // ------------------------------------------------------------------ ids

    @Test
    void limitsIdsTo256BytesOfUtf8CountingMultiByteCharacters() throws Exception {
        for (String field : new String[] {"vehicleId", "sensorId"}) {
            // "é" is 2 bytes, "€" 3, "😀" 4 (a surrogate pair in Java and in a JSON escape).
            String exactly256 = "é".repeat(100) + "€".repeat(12) + "😀".repeat(5);
            assertThat(exactly256.getBytes(StandardCharsets.UTF_8)).hasSize(256);
            Reading ok = decode(example(field, '"' + exactly256 + '"'));
            assertThat(field.equals("vehicleId") ? ok.vehicleId() : ok.sensorId()).isEqualTo(exactly256);

            String bytes257 = exactly256.substring(0, exactly256.length() - 2) + "€é"; // 😀 (4) -> € é (3 + 2)
            assertThat(bytes257.getBytes(StandardCharsets.UTF_8)).hasSize(257);
            assertInvalid(example(field, '"' + bytes257 + '"'), field + ": expected at most 256 bytes of UTF-8, got 257");

            assertThat(decode(example(field, '"' + "a".repeat(256) + '"'))).isNotNull();
            assertInvalid(example(field, '"' + "a".repeat(257) + '"'), field + ": expected at most 256 bytes of UTF-8, got 257");
        }
    }

    @Test
    void countsEscapedCharactersByTheirUtf8Size() throws Exception {
        // Escapes count as what they decode to: a euro sign escape is 3 bytes of UTF-8, not 6 characters.
        String escaped = "\\u20ac".repeat(85) + "\\u00e9"; // 85 x 3 + 2 = 257
        assertInvalid(example("vehicleId", '"' + escaped + '"'), "vehicleId: expected at most 256 bytes of UTF-8, got 257");
        assertThat(decode(example("vehicleId", '"' + "\\u20ac".repeat(85) + "a\"")).vehicleId()).hasSize(86);
    }

    @Test
    void reportsTheActualSizeOfAHugeId() {
        assertInvalid(example("vehicleId", '"' + "v".repeat(600_000) + '"'),
                "vehicleId: expected at most 256 bytes of UTF-8, got 600000");
        assertInvalid(example("sensorId", '"' + "€".repeat(200_000) + '"'),
                "sensorId: expected at most 256 bytes of UTF-8, got 600000");
    }

    @Test
    void usesTheConfiguredIdLimit() throws Exception {
        ReadingDecoder small = new ReadingDecoder(0, 10_000_000, 12); // the example's sensorId has 10
        assertThat(small.decode(example("vehicleId", "\"€€€€\"").getBytes(StandardCharsets.UTF_8)).vehicleId())
                .isEqualTo("€€€€");
        assertThatThrownBy(() -> small.decode(example("vehicleId", "\"€€€€a\"").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("vehicleId: expected at most 12 bytes of UTF-8, got 13");
        ReadingDecoder large = new ReadingDecoder(0, 10_000_000, 1_000_000);
        assertThat(large.decode(example("sensorId", '"' + "s".repeat(600_000) + '"').getBytes(StandardCharsets.UTF_8))
                .sensorId()).hasSize(600_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lone high surrogate     | V\\ud800",
        "lone high at the start  | \\ud83dV",
        "lone low surrogate      | V\\ude00",
        "reversed pair           | \\ude00\\ud83d",
        "two highs               | \\ud83d\\ud83d",
        "high then a letter      | \\ud83dx\\ude00",
    })
    void rejectsLoneSurrogateEscapes(String what, String escaped) {
        for (String field : new String[] {"vehicleId", "sensorId"}) {
            assertInvalid(example(field, '"' + escaped + '"'), field + ": expected well-formed Unicode, got a lone surrogate");
        }
    }

    @Test
    void rejectsARawSurrogateEncodedAsIfItWereACharacter() {
        // CESU-style bytes ED A0 80 (U+D800 "encoded" in three bytes): not UTF-8, not a character.
        byte[] value = example("vehicleId", "\"V__\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(value, StandardCharsets.UTF_8).indexOf("V__") + 1;
        byte[] cesu = new byte[value.length + 1];
        System.arraycopy(value, 0, cesu, 0, at);
        cesu[at] = (byte) 0xed;
        cesu[at + 1] = (byte) 0xa0;
        cesu[at + 2] = (byte) 0x80;
        System.arraycopy(value, at + 2, cesu, at + 3, value.length - at - 2);
        assertThatThrownBy(() -> decoder.decode(cesu)).isInstanceOf(InvalidReadingException.class)
                .hasMessage("vehicleId: expected well-formed Unicode, got a lone surrogate");
    }

    @Test
    void acceptsASurrogatePairEscapedOrRaw() throws Exception {
        assertThat(decode(example("vehicleId", "\"car \\ud83d\\ude97\"")).vehicleId()).isEqualTo("car 🚗");
        assertThat(decode(example("sensorId", "\"s😀\"")).sensorId()).isEqualTo("s😀");
        assertThat(decode(example("vehicleId", "\"\\uD83D\\uDE00\"")).vehicleId()).isEqualTo("😀");
    }

    // ------------------------------------------------------------------ encoding

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "UTF-32"})
    void rejectsValuesInUtf16OrUtf32(String charset) {
        byte[] value = SEED_EXAMPLE.getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> decoder.decode(value)).isInstanceOf(InvalidReadingException.class)
                .hasMessage("value: expected UTF-8, got UTF-16 or UTF-32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void rejectsUtf16AndUtf32WithAByteOrderMark(String charset) {
        byte[] value = ("\ufeff" + SEED_EXAMPLE).getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> decoder.decode(value)).isInstanceOf(InvalidReadingException.class)
                .hasMessage("value: expected UTF-8, got UTF-16 or UTF-32");
    }

    @Test
    void rejectsShortValuesThatLookLikeUtf16() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {'{', 0})).hasMessage("value: expected UTF-8, got UTF-16 or UTF-32");
        assertThatThrownBy(() -> decoder.decode(new byte[] {0, '{'})).hasMessage("value: expected UTF-8, got UTF-16 or UTF-32");
        assertThatThrownBy(() -> decoder.decode(new byte[] {0})).hasMessage("value: expected UTF-8, got UTF-16 or UTF-32");
    }

    @Test
    void acceptsAUtf8ByteOrderMark() throws Exception {
        // Documented choice: a UTF-8 BOM is UTF-8 and RFC 8259 lets a parser ignore it.
        byte[] body = SEED_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[body.length + 3];
        value[0] = (byte) 0xef;
        value[1] = (byte) 0xbb;
        value[2] = (byte) 0xbf;
        System.arraycopy(body, 0, value, 3, body.length);
        assertThat(decoder.decode(value)).isEqualTo(decoder.decode(body));
    }

    @Test
    void stillAcceptsSingleByteUtf8Values() {
        // A one-byte value has no second byte to look at; it is just bad JSON, not another encoding.
        assertThatThrownBy(() -> decoder.decode(new byte[] {'{'})).hasMessage("value: not valid JSON: unexpected end of input");
    }

    // ------------------------------------------------------------------ timestamp before 1970

    @Test
    void acceptsTheEpochItself() throws Exception {
        assertThat(decode(example("timestamp", "\"1970-01-01 00:00:00.000Z\"")).timestamp()).isZero();
        assertThat(decode(example("timestamp", "\"1970-01-01T00:00:00Z\"")).timestamp()).isZero();
        assertThat(decode(example("timestamp", "\"1970-01-01T01:00:00+01:00\"")).timestamp()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1969-12-31 23:59:59.999Z",
        "1969-12-31 23:59:59.999999999Z",
        "1969-12-31T23:59:59.9995Z",
        "1970-01-01T00:59:59.999+01:00",
        "1900-01-01T00:00:00Z",
        "0001-01-01 00:00:00.000Z",
    })
    void rejectsTimestampsBefore1970(String text) {
        assertInvalid(example("timestamp", '"' + text + '"'),
                "timestamp: expected 1970-01-01T00:00:00Z or later, got \"" + text + "\"");
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
        assertThat(decode(example("temperature", null)).temperature()).isNull();
        assertThat(decode(example("temperature", "null")).temperature()).isNull();
        assertThat(decode(example("temperature", "25")).temperature()).isEqualTo(25.0);
        assertThat(decode(example("temperature", "-40.25")).temperature()).isEqualTo(-40.25);
        assertThat(decode(example("temperature", "2.5e1")).temperature()).isEqualTo(25.0);
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
                "pressure: expected a number, got \"" + "x".repeat(60) + "\"...");
        assertInvalid(example("pressure", "\"a\\\"b\\n\""), "pressure: expected a number, got \"a\\\"b\\u000a\"");
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

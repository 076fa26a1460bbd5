package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReadingJsonTest {

    private static final long EXAMPLE_TIME = Instant.parse("2025-07-22T22:30:45.123Z").toEpochMilli();

    @Test
    void writesTheContractExampleExactly() {
        Reading reading = new Reading(EXAMPLE_TIME, 850_000, 255, "honda23100", "HONDA 231", false);
        assertThat(new ReadingJson().encode(reading)).isEqualTo(
                "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 850000, \"temperature\": 25.5,"
                        + " \"sensorId\": \"honda23100\", \"vehicleId\": \"HONDA 231\"}");
    }

    @Test
    void writesFractionalPressuresWithExactlyTheConfiguredDecimals() {
        Reading python = new Reading(EXAMPLE_TIME, 823_456.7891234, 255, "honda23100", "HONDA 231", false);
        assertThat(new ReadingJson(7).encode(python)).isEqualTo(
                "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 823456.7891234, \"temperature\": 25.5,"
                        + " \"sensorId\": \"honda23100\", \"vehicleId\": \"HONDA 231\"}");
        assertThat(new ReadingJson(7).pressure(python)).isEqualTo("823456.7891234");
        assertThat(new ReadingJson(3).pressure(new Reading(0, 850_000.05, 0, "s", "v", false))).isEqualTo("850000.050");
        assertThat(new ReadingJson(2).pressure(new Reading(0, 0.07, 0, "s", "v", false))).isEqualTo("0.07");
        assertThat(new ReadingJson(8).pressure(new Reading(0, 10_000_000, 0, "s", "v", false)))
                .isEqualTo("10000000.00000000");
        assertThat(new ReadingJson(8).pressure(new Reading(0, 9_999_999.99999999, 0, "s", "v", false)))
                .isEqualTo("9999999.99999999");
        assertThat(new ReadingJson().pressure(new Reading(0, 850_000, 0, "s", "v", false))).isEqualTo("850000");
        String value = new ReadingJson(7).encode(python);
        assertThat(ContractRules.violation(value)).isNull();
        assertThat(ContractRules.parse(value).get("pressure").asDouble()).isEqualTo(823_456.7891234);
    }

    @Test
    void writesTemperaturesWithOneDecimal() {
        ReadingJson json = new ReadingJson();
        assertThat(json.encode(new Reading(0, 1, -5, "s", "v", false))).contains("\"temperature\": -0.5,");
        assertThat(json.encode(new Reading(0, 1, -123, "s", "v", false))).contains("\"temperature\": -12.3,");
        assertThat(json.encode(new Reading(0, 1, 0, "s", "v", false))).contains("\"temperature\": 0.0,");
        assertThat(json.encode(new Reading(0, 1, 300, "s", "v", false))).contains("\"temperature\": 30.0,");
    }

    @Test
    void escapesIdsSoTheValueStaysValidJson() {
        String value = new ReadingJson().encode(new Reading(0, 1, 0, "a\"b\\c", "x\ny", false));
        assertThat(ContractRules.violation(value)).isNull();
        assertThat(ContractRules.parse(value).get("sensorId").asText()).isEqualTo("a\"b\\c");
        assertThat(ContractRules.parse(value).get("vehicleId").asText()).isEqualTo("x\ny");
    }

    @Test
    void timestampsMatchTheSeedFormatAcrossSecondBoundariesAndEras() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        SeedTimestampFormat format = new SeedTimestampFormat();
        SplittableRandom random = new SplittableRandom(1);
        long t = EXAMPLE_TIME;
        for (int i = 0; i < 20_000; i++) {
            t += random.nextInt(0, 1500); // many share a second with the previous one: exercises the cache
            assertThat(format.format(t)).isEqualTo(reference.format(Instant.ofEpochMilli(t)));
        }
        for (long millis : new long[] {0, 1, 999, 1000, -1, -1000, -1001, 253_402_300_799_999L}) {
            assertThat(format.format(millis)).isEqualTo(reference.format(Instant.ofEpochMilli(millis)));
        }
    }
}

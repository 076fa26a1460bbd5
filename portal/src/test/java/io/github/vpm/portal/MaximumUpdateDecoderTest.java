package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vpm.portal.MaximumUpdateDecoder.MalformedRecordException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaximumUpdateDecoderTest {

    private final MaximumUpdateDecoder decoder = new MaximumUpdateDecoder(new ObjectMapper());

    @Test
    void decodesTheContractExample() {
        MaximumUpdate u = decoder.decode("""
                {"timestamp": "2025-07-22 22:30:45.123Z", "pressureMax": 950000,
                 "temperature": 30.2, "sensorId": "honda23101", "vehicleId": "HONDA 231"}""");
        assertThat(u).isEqualTo(new MaximumUpdate("HONDA 231", "honda23101", 950_000, 30.2,
                Instant.parse("2025-07-22T22:30:45.123Z")));
    }

    @Test
    void acceptsNullOrMissingTemperatureIsoTimesAndExtraFields() {
        MaximumUpdate u = decoder.decode("""
                {"timestamp": "2025-07-22T22:30:45+02:00", "pressureMax": 1, "temperature": null,
                 "sensorId": "s", "vehicleId": "v", "extra": [1, 2]}""");
        assertThat(u.temperature()).isNull();
        assertThat(u.timestamp()).isEqualTo(Instant.parse("2025-07-22T20:30:45Z"));
        assertThat(decoder.decode("""
                {"timestamp": "2025-07-22 22:30:45Z", "pressureMax": 7, "sensorId": "s", "vehicleId": "v"}""")
                .timestamp()).isEqualTo(Instant.parse("2025-07-22T22:30:45Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "823456.7891234|823456.7891234",
        "0.5|0.5",
        "8.5e5|850000",
        "950000.0|950000",
        "9999999.999999999|9999999.999999999",
    })
    void acceptsFractionalPressuresExactlyAsTheirDouble(String wire, double expected) {
        MaximumUpdate u = decoder.decode("{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": " + wire
                + ", \"sensorId\": \"s\", \"vehicleId\": \"v\"}");
        assertThat(u.pressureMax()).isEqualTo(Double.parseDouble(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1,2]",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": \"abc\", \"sensorId\": \"s\", \"vehicleId\": \"v\"}",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": true, \"sensorId\": \"s\", \"vehicleId\": \"v\"}",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": null, \"sensorId\": \"s\", \"vehicleId\": \"v\"}",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": 1e400, \"sensorId\": \"s\", \"vehicleId\": \"v\"}",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": 1, \"sensorId\": \"s\", \"vehicleId\": \"\"}",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": 1, \"vehicleId\": \"v\"}",
        "{\"timestamp\": \"yesterday\", \"pressureMax\": 1, \"sensorId\": \"s\", \"vehicleId\": \"v\"}",
        "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressureMax\": 1, \"temperature\": \"hot\", \"sensorId\": \"s\", \"vehicleId\": \"v\"}",
    })
    void rejectsMalformedValuesWithOneLine(String value) {
        assertThatThrownBy(() -> decoder.decode(value))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageNotContaining("\n");
    }
}

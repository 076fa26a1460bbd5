package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test oracle itself: CONTRACT section 1 says a pressure is any JSON number in range. */
class ContractRulesTest {

    private static String reading(String pressure) {
        return "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": " + pressure
                + ", \"temperature\": 25.5, \"sensorId\": \"s\", \"vehicleId\": \"v\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"850000", "823456.7891234", "8.5e5", "0", "0.0", "10000000", "1E7", "9999999.99999999"})
    void acceptsAnyNumberInRange(String pressure) {
        assertThat(ContractRules.violation(reading(pressure))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"850000\"", "true", "null", "-0.5", "10000000.5", "1e400", "[1]"})
    void rejectsOtherTypesAndValuesOutOfRange(String pressure) {
        assertThat(ContractRules.violation(reading(pressure))).startsWith("pressure:");
    }
}

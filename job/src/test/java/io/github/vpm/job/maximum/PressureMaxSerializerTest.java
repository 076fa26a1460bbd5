package io.github.vpm.job.maximum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PressureMaxSerializerTest {

    private static final long EVENT_TIME = Instant.parse("2025-07-22T22:30:45.123Z").toEpochMilli();

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheContractJson() {
        PressureMax max = new PressureMax("HONDA 231", "honda23101", 950_000, EVENT_TIME, 30.2);
        assertThat(text(PressureMaxSerializer.toJson(max))).isEqualTo("{\"timestamp\":\"2025-07-22 22:30:45.123Z\","
                + "\"pressureMax\":950000,\"temperature\":30.2,\"sensorId\":\"honda23101\",\"vehicleId\":\"HONDA 231\"}");
    }

    @Test
    void writesAFractionalMaximumWithTheDigitsThatReadBackAsTheSameDouble() {
        PressureMax max = new PressureMax("HONDA 231", "honda23101", 823456.7891234, EVENT_TIME, 30.2);
        assertThat(text(PressureMaxSerializer.toJson(max))).isEqualTo("{\"timestamp\":\"2025-07-22 22:30:45.123Z\","
                + "\"pressureMax\":823456.7891234,\"temperature\":30.2,\"sensorId\":\"honda23101\",\"vehicleId\":\"HONDA 231\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "950000          | 950000",
        "850000.0        | 850000",
        "0.5             | 0.5",
        "1e-7            | 0.0000001",
        "12345678.25     | 12345678.25",
        "1e20            | 100000000000000000000",
    })
    void writesPressureMaxInTheContractsForm(double pressure, String expected) throws Exception {
        byte[] json = PressureMaxSerializer.toJson(new PressureMax("V", "S", pressure, EVENT_TIME, null));
        assertThat(text(json)).contains("\"pressureMax\":" + expected + ",");
        JsonNode n = new ObjectMapper().readTree(json);
        assertThat(n.get("pressureMax").isNumber()).isTrue();
        assertThat(n.get("pressureMax").doubleValue()).isEqualTo(pressure);
    }

    @Test
    void writesNullTemperatureAndThreeFractionDigitsAlways() {
        PressureMax max = new PressureMax("V", "S", 0, Instant.parse("2025-07-22T22:30:45Z").toEpochMilli(), null);
        assertThat(text(PressureMaxSerializer.toJson(max))).isEqualTo("{\"timestamp\":\"2025-07-22 22:30:45.000Z\","
                + "\"pressureMax\":0,\"temperature\":null,\"sensorId\":\"S\",\"vehicleId\":\"V\"}");
    }

    @Test
    void escapesIds() {
        PressureMax max = new PressureMax("a\"b\\c\u0001é", "s\n", 1, EVENT_TIME, -4.5);
        assertThat(text(PressureMaxSerializer.toJson(max))).contains(
                "\"temperature\":-4.5,\"sensorId\":\"s\\n\",\"vehicleId\":\"a\\\"b\\\\c\\u0001é\"");
    }

    @Test
    void keysByVehicleAndStampsTheEventTime() {
        PressureMaxSerializer serializer = new PressureMaxSerializer("vehicle_pressure_max");
        PressureMax max = new PressureMax("HONDA 231", "honda23101", 950_000, EVENT_TIME, 30.2);
        ProducerRecord<byte[], byte[]> record = serializer.serialize(max, null, 1L);
        assertThat(record.topic()).isEqualTo("vehicle_pressure_max");
        assertThat(record.partition()).isNull();
        assertThat(text(record.key())).isEqualTo("HONDA 231");
        assertThat(record.timestamp()).isEqualTo(EVENT_TIME);
        assertThat(record.value()).isEqualTo(PressureMaxSerializer.toJson(max));

        // The reused buffer must not leak one record into the next.
        PressureMax second = new PressureMax("V", "S", 1, EVENT_TIME, null);
        assertThat(serializer.serialize(second, null, 1L).value()).isEqualTo(PressureMaxSerializer.toJson(second));
        assertThat(text(record.value())).contains("HONDA 231");
    }

    @Test
    void leavesPre1970TimestampsToTheProducerBecauseKafkaRejectsNegativeOnes() {
        PressureMax max = new PressureMax("V", "S", 1, -1L, null);
        ProducerRecord<byte[], byte[]> record = new PressureMaxSerializer("t").serialize(max, null, -1L);
        assertThat(record.timestamp()).isNull();
        assertThat(text(record.value())).startsWith("{\"timestamp\":\"1969-12-31 23:59:59.999Z\"");
    }
}

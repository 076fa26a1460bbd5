package io.github.vpm.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.job.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReadingDeserializerTest {

    private final ReadingDeserializer deserializer = new ReadingDeserializer(0, 10_000_000);

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private List<DecodedRecord> deserialize(String key, String value) throws Exception {
        return deserialize(deserializer, key, value);
    }

    private static List<DecodedRecord> deserialize(ReadingDeserializer deserializer, String key, String value)
            throws Exception {
        List<DecodedRecord> out = new ArrayList<>();
        deserializer.open(null);
        deserializer.deserialize(new ConsumerRecord<>("sensor_pressure_stream", 3, 1234L, utf8(key), utf8(value)),
                new Collector<>() {
                    @Override
                    public void collect(DecodedRecord record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void emitsAValidReading() throws Exception {
        List<DecodedRecord> out = deserialize("honda23100", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\","
                + " \"pressure\": 850000, \"sensorId\": \"honda23100\", \"vehicleId\": \"HONDA 231\"}");
        assertThat(out).singleElement().satisfies(record -> {
            assertThat(record.isValid()).isTrue();
            assertThat(record.reading.pressure()).isEqualTo(850_000);
            assertThat(record.deadLetter).isNull();
            assertThat(new EventTimeAssigner().extractTimestamp(record, 0L)).isEqualTo(record.reading.timestamp());
        });
    }

    @Test
    void passesTheIdLimitToTheDecoderInEverySubtask() throws Exception {
        // As Flink ships it to the source subtasks: Java-serialized.
        ReadingDeserializer limited = InstantiationUtil.clone(new ReadingDeserializer(0, 10_000_000, 3));
        String value = "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 850000.5,"
                + " \"sensorId\": \"s\", \"vehicleId\": \"%s\"}";
        assertThat(deserialize(limited, "s", String.format(value, "abc"))).singleElement()
                .satisfies(record -> assertThat(record.reading.pressure()).isEqualTo(850_000.5));
        assertThat(deserialize(limited, "s", String.format(value, "abcd"))).singleElement()
                .satisfies(record -> assertThat(record.deadLetter.error())
                        .isEqualTo("vehicleId: expected at most 3 bytes of UTF-8, got 4"));
    }

    @Test
    void refusesAnImpossibleConfigurationWhenTheJobIsBuilt() {
        assertThatThrownBy(() -> new ReadingDeserializer(0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadingDeserializer(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void turnsAnInvalidRecordIntoADeadLetterWithItsOrigin() throws Exception {
        List<DecodedRecord> out = deserialize("honda23100", "{\"pressure\": \"abc\"}");
        assertThat(out).singleElement().satisfies(record -> {
            assertThat(record.isValid()).isFalse();
            assertThat(record.deadLetter).isEqualTo(new DeadLetter("pressure: expected a number, got \"abc\"",
                    "{\"pressure\": \"abc\"}", "sensor_pressure_stream", 3, 1234L, utf8("honda23100")));
            // Invalid records must not move event time.
            assertThat(new EventTimeAssigner().extractTimestamp(record, 99L)).isEqualTo(TimestampAssigner.NO_TIMESTAMP);
        });
    }

    @Test
    void keepsAnEmptyRawTextForNullAndEmptyValues() throws Exception {
        assertThat(deserialize(null, null)).singleElement().satisfies(record -> {
            assertThat(record.deadLetter.raw()).isEmpty();
            assertThat(record.deadLetter.key()).isNull();
            assertThat(record.deadLetter.error()).isEqualTo("value: expected a JSON object, got a null value");
        });
        assertThat(deserialize("k", "")).singleElement().satisfies(record -> {
            assertThat(record.deadLetter.raw()).isEmpty();
            assertThat(record.deadLetter.error()).isEqualTo("value: expected a JSON object, got an empty value");
        });
    }
}

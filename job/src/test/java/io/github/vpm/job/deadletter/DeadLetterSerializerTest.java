package io.github.vpm.job.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterSerializerTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheContractJson() {
        DeadLetter letter = new DeadLetter("pressure: expected an integer, got \"abc\"", "{\"pressure\": \"abc\"}",
                "sensor_pressure_stream", 3, 1234L, utf8("honda23100"));
        assertThat(new String(DeadLetterSerializer.toJson(letter), StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":\"pressure: expected an integer, got \\\"abc\\\"\",\"raw\":\"{\\\"pressure\\\": \\\"abc\\\"}\","
                        + "\"rawBytes\":19,\"truncated\":false,"
                        + "\"topic\":\"sensor_pressure_stream\",\"partition\":3,\"offset\":1234}");
    }

    @Test
    void writesRawBytesAndTruncatedInTheContractsOrder() {
        DeadLetter letter = new DeadLetter("e", "ab", 1_000_000L, true, "in", 0, 7L, null);
        assertThat(new String(DeadLetterSerializer.toJson(letter), StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":\"e\",\"raw\":\"ab\",\"rawBytes\":1000000,\"truncated\":true,"
                        + "\"topic\":\"in\",\"partition\":0,\"offset\":7}");
    }

    @Test
    void keepsRawTextThatIsNotJsonIntact() {
        DeadLetter letter = new DeadLetter("value: ...", "line1\nline2\t\u0000ü", "t", 0, 0L, null);
        assertThat(new String(DeadLetterSerializer.toJson(letter), StandardCharsets.UTF_8))
                .contains("\"raw\":\"line1\\nline2\\t\\u0000ü\"");
    }

    @Test
    void usesTheInputKeyAndTheDeadLetterTopic() {
        DeadLetter letter = new DeadLetter("e", "", "in", 0, 5L, utf8("sensor-7"));
        ProducerRecord<byte[], byte[]> record = new DeadLetterSerializer("sensor_pressure_dlq").serialize(letter, null, null);
        assertThat(record.topic()).isEqualTo("sensor_pressure_dlq");
        assertThat(record.key()).isEqualTo(utf8("sensor-7"));
        assertThat(record.timestamp()).isNull();
        assertThat(record.value()).isEqualTo(DeadLetterSerializer.toJson(letter));

        DeadLetter keyless = new DeadLetter("e", "", "in", 0, 6L, null);
        assertThat(new DeadLetterSerializer("dlq").serialize(keyless, null, null).key()).isNull();
    }
}

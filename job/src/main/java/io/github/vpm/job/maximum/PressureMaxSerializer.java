package io.github.vpm.job.maximum;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.vpm.job.reading.JsonNumbers;
import io.github.vpm.job.reading.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a maximum update as the contract's JSON, keyed by vehicleId (so compaction keeps the
 * latest per vehicle and Kafka's default partitioner keeps one vehicle on one partition), with the
 * reading's event time as the Kafka record timestamp.
 */
public final class PressureMaxSerializer implements KafkaRecordSerializationSchema<PressureMax> {

    private static final long serialVersionUID = 1L;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String topic;
    /** One writer thread per sink instance, so the buffers can be reused. */
    private transient ByteArrayBuilder buffer;
    private transient char[] timestampChars;

    public PressureMaxSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(PressureMax max, KafkaSinkContext context, Long timestamp) {
        if (buffer == null) {
            buffer = new ByteArrayBuilder(256);
            timestampChars = new char[Timestamps.SEED_LENGTH];
        }
        byte[] key = max.vehicleId().getBytes(StandardCharsets.UTF_8);
        // Kafka rejects negative timestamps. The decoder rejects pre-1970 readings, so this is only a
        // guard for maxima built some other way (tests, older code paths).
        Long recordTimestamp = max.timestamp() >= 0 ? max.timestamp() : null;
        return new ProducerRecord<>(topic, null, recordTimestamp, key, toJson(max, buffer, timestampChars));
    }

    /**
     * {@code {"timestamp":"yyyy-MM-dd HH:mm:ss.SSSZ","pressureMax":..,"temperature":..|null,
     * "sensorId":..,"vehicleId":..}} as UTF-8.
     */
    public static byte[] toJson(PressureMax max) {
        return toJson(max, new ByteArrayBuilder(256), new char[Timestamps.SEED_LENGTH]);
    }

    private static byte[] toJson(PressureMax max, ByteArrayBuilder buffer, char[] timestampChars) {
        buffer.reset();
        Timestamps.formatSeed(max.timestamp(), timestampChars);
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeFieldName("timestamp");
            json.writeString(timestampChars, 0, timestampChars.length);
            json.writeFieldName("pressureMax");
            // Written as text so the contract's form is exact: 950000, 823456.7891234 (JsonNumbers).
            json.writeNumber(JsonNumbers.format(max.pressureMax()));
            json.writeFieldName("temperature");
            if (max.temperature() == null) {
                json.writeNull();
            } else {
                json.writeNumber(max.temperature());
            }
            json.writeStringField("sensorId", max.sensorId());
            json.writeStringField("vehicleId", max.vehicleId());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        return buffer.toByteArray();
    }
}

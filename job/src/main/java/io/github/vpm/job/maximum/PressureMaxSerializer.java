package io.github.vpm.job.maximum;

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

    private final String topic;
    /** Made in the writer thread on first use: the sink has one writer thread per instance. */
    private transient PressureMaxJson json;

    public PressureMaxSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(PressureMax max, KafkaSinkContext context, Long timestamp) {
        if (json == null) {
            json = new PressureMaxJson();
        }
        byte[] key = max.vehicleId().getBytes(StandardCharsets.UTF_8);
        // Kafka rejects negative timestamps. The decoder rejects pre-1970 readings, so this is only a
        // guard for maxima built some other way (tests, older code paths).
        Long recordTimestamp = max.timestamp() >= 0 ? max.timestamp() : null;
        return new ProducerRecord<>(topic, null, recordTimestamp, key, json.write(max));
    }

    /** The JSON of one maximum ({@link PressureMaxJson}); where records come one by one, keep a {@link PressureMaxJson}. */
    public static byte[] toJson(PressureMax max) {
        return new PressureMaxJson().write(max);
    }
}

package io.github.vpm.job.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a dead letter as the contract's JSON, keyed by the input record's key. The Kafka timestamp
 * is left to the producer (now), so the dead-letter topic's retention counts from when the job
 * found the record, not from when a sensor claims to have sent it.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String topic;
    /** One writer thread per sink instance, so the buffer can be reused. */
    private transient ByteArrayBuilder buffer;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        if (buffer == null) {
            buffer = new ByteArrayBuilder(512);
        }
        return new ProducerRecord<>(topic, null, null, letter.key(), toJson(letter, buffer));
    }

    /** {@code {"error":..,"raw":..,"rawBytes":..,"truncated":..,"topic":..,"partition":..,"offset":..}} as UTF-8. */
    public static byte[] toJson(DeadLetter letter) {
        return toJson(letter, new ByteArrayBuilder(512));
    }

    private static byte[] toJson(DeadLetter letter, ByteArrayBuilder buffer) {
        buffer.reset();
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("error", letter.error());
            json.writeStringField("raw", letter.raw());
            json.writeNumberField("rawBytes", letter.rawBytes());
            json.writeBooleanField("truncated", letter.truncated());
            json.writeStringField("topic", letter.topic());
            json.writeNumberField("partition", letter.partition());
            json.writeNumberField("offset", letter.offset());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        return buffer.toByteArray();
    }
}

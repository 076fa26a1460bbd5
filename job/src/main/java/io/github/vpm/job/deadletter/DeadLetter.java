package io.github.vpm.job.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An input record that broke the contract, with where it came from. A Flink POJO so it never
 * falls back to Kryo.
 */
public class DeadLetter {

    /** One line naming the field and the problem, e.g. {@code pressure: expected an integer, got "abc"}. */
    public String error;
    /** The original value decoded as UTF-8; empty for an empty or null value. */
    public String raw;
    public String topic;
    public int partition;
    public long offset;
    /** The input record's key, written back as the dead letter's key (not part of the JSON). */
    public byte[] key;

    public DeadLetter() {}

    public DeadLetter(String error, String raw, String topic, int partition, long offset, byte[] key) {
        this.error = error;
        this.raw = raw;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
    }

    public static DeadLetter of(String error, ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        String raw = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return new DeadLetter(error, raw, record.topic(), record.partition(), record.offset(), record.key());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeadLetter)) {
            return false;
        }
        DeadLetter that = (DeadLetter) o;
        return partition == that.partition
                && offset == that.offset
                && Objects.equals(error, that.error)
                && Objects.equals(raw, that.raw)
                && Objects.equals(topic, that.topic)
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(error, raw, topic, partition, offset) * 31 + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "DeadLetter{error=" + error + ", topic=" + topic + ", partition=" + partition
                + ", offset=" + offset + '}';
    }
}

package io.github.vpm.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record read back from a topic. Key and value are kept as bytes (a value may be null: a
 * tombstone); the string views decode them as UTF-8.
 */
public record KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] keyBytes,
                          byte[] valueBytes) {

    public String key() {
        return keyBytes == null ? null : new String(keyBytes, StandardCharsets.UTF_8);
    }

    public String value() {
        return valueBytes == null ? null : new String(valueBytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaRecord r && r.topic.equals(topic) && r.partition == partition
                && r.offset == offset && r.timestamp == timestamp && Arrays.equals(r.keyBytes, keyBytes)
                && Arrays.equals(r.valueBytes, valueBytes);
    }

    @Override
    public int hashCode() {
        return (topic.hashCode() * 31 + partition) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + " ts=" + timestamp + " key=" + key() + " value=" + value();
    }
}

package io.github.vpm.job.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An input record that broke the contract, with where it came from. A record, which Flink
 * serializes as a POJO (never Kryo).
 *
 * @param error     one line naming the field and the problem, e.g. {@code pressure: expected a number, got "abc"}
 * @param raw       the original value decoded as UTF-8; empty for an empty or null value
 * @param rawBytes  size of the original value in bytes (0 for an empty or null value)
 * @param truncated whether {@code raw} is only the beginning of the original value
 * @param key       the input record's key, written back as the dead letter's key (not part of the JSON)
 */
public record DeadLetter(String error, String raw, long rawBytes, boolean truncated, String topic, int partition,
                         long offset, byte[] key) {

    /** The most bytes of UTF-8 {@code raw} holds (64 KiB). */
    public static final int RAW_LIMIT_BYTES = 65_536;
    /** More than the longest byte sequence of one UTF-8 character. */
    private static final int DECODE_LOOKAHEAD_BYTES = 8;

    /** A dead letter whose {@code raw} is the whole original value. */
    public DeadLetter(String error, String raw, String topic, int partition, long offset, byte[] key) {
        this(error, raw, raw == null ? 0 : Utf8Json.utf8Length(raw), false, topic, partition, offset, key);
    }

    public static DeadLetter of(String error, ConsumerRecord<byte[], byte[]> record) {
        return of(error, record.value(), record.topic(), record.partition(), record.offset(), record.key());
    }

    /**
     * The dead letter of an input record: {@code raw} is its value decoded as UTF-8 (malformed bytes
     * become U+FFFD), cut to at most {@value #RAW_LIMIT_BYTES} bytes of UTF-8 on a character boundary.
     */
    public static DeadLetter of(String error, byte[] value, String topic, int partition, long offset, byte[] key) {
        if (value == null) {
            return new DeadLetter(error, "", 0, false, topic, partition, offset, key);
        }
        // Decoding never shrinks (a malformed byte sequence becomes the 3 bytes of U+FFFD), so the
        // first RAW_LIMIT_BYTES input bytes decode to at least the text kept; a few more bytes let
        // the last kept character decode as it would in the whole value. A 1 MB value is not decoded whole.
        int decoded = (int) Math.min(value.length, (long) RAW_LIMIT_BYTES + DECODE_LOOKAHEAD_BYTES);
        String text = new String(value, 0, decoded, StandardCharsets.UTF_8);
        String raw = Utf8Json.cutUtf8(text, RAW_LIMIT_BYTES);
        boolean truncated = decoded < value.length || raw.length() < text.length();
        return new DeadLetter(error, raw, value.length, truncated, topic, partition, offset, key);
    }

    /** Compares the key's bytes, not the array's identity. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeadLetter that)) {
            return false;
        }
        return partition == that.partition
                && offset == that.offset
                && rawBytes == that.rawBytes
                && truncated == that.truncated
                && Objects.equals(error, that.error)
                && Objects.equals(raw, that.raw)
                && Objects.equals(topic, that.topic)
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(error, raw, rawBytes, truncated, topic, partition, offset) * 31 + Arrays.hashCode(key);
    }

    /** Without {@code raw} and the key: a log line, not up to 64 KiB of payload. */
    @Override
    public String toString() {
        return "DeadLetter{error=" + error + ", topic=" + topic + ", partition=" + partition
                + ", offset=" + offset + ", rawBytes=" + rawBytes + ", truncated=" + truncated + '}';
    }
}

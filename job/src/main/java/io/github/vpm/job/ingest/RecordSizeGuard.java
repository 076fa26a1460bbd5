package io.github.vpm.job.ingest;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.deadletter.DeadLetterSerializer;
import io.github.vpm.job.deadletter.Utf8Json;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxSerializer;
import io.github.vpm.job.reading.Reading;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps every record the job writes within the producer's {@code max.request.size}: a Kafka sink
 * that meets a larger record fails the task, and the restart replays the same record forever.
 *
 * <p>Cheap in the common case: an upper bound of the written size from string lengths (JSON may
 * escape a char to {@value Utf8Json#MAX_ESCAPED_BYTES_PER_CHAR} bytes) decides without serializing;
 * only a record whose bound exceeds the limit is measured exactly, and only one that really does
 * not fit is changed:
 * <ul>
 *   <li>a valid reading whose maximum record would not fit becomes a dead letter
 *       ({@link #maximumTooLargeError()});
 *   <li>a dead letter that would not fit is written truncated ({@link #deadLetterTooLargeError}):
 *       the original error is kept after the guard's (its first {@value #KEPT_ERROR_BYTES} bytes),
 *       then {@code raw} and the key share what is left, each getting at least half of it when
 *       both need more: {@code raw} is cut further on a character boundary ({@code truncated} says
 *       so), the key is cut to its first bytes, or left out (null) when no byte of it fits.
 * </ul>
 */
public final class RecordSizeGuard implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What Kafka's producer adds to key and value when it checks a record against
     * max.request.size: one batch header (61 bytes) and the most a record's own header can take
     * (21 bytes), rounded up; no record headers are written.
     */
    public static final int KAFKA_OVERHEAD_BYTES = 128;
    /** The Kafka producer's own default max.request.size (1 MiB). */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;
    /** Below this the guard could not even write a truncated dead letter with its error. */
    public static final int MIN_MAX_REQUEST_SIZE = 16_384;
    /** How much of a dead letter's original error a truncated dead letter keeps. */
    static final int KEPT_ERROR_BYTES = 1_024;

    /** A maximum's JSON without its two ids: field names, timestamp, two numbers of at most 32 chars. */
    private static final int MAXIMUM_FIXED_BYTES = 256;
    /** A dead letter's JSON without error, raw and topic: field names and three numbers. */
    private static final int DEAD_LETTER_FIXED_BYTES = 160;

    private final int maxRequestSize;

    public RecordSizeGuard(int maxRequestSize) {
        if (maxRequestSize < MIN_MAX_REQUEST_SIZE) {
            throw new IllegalArgumentException("max.request.size must be at least " + MIN_MAX_REQUEST_SIZE
                    + " bytes, got " + maxRequestSize);
        }
        this.maxRequestSize = maxRequestSize;
    }

    public int maxRequestSize() {
        return maxRequestSize;
    }

    /** The error of a dead letter made of a reading whose maximum would not fit. */
    public String maximumTooLargeError() {
        return "record: its maximum would be too large for max.request.size (" + maxRequestSize
                + " bytes), written as a dead letter";
    }

    /** The error of a truncated dead letter; the original error follows it after {@code "; "}. */
    public String deadLetterTooLargeError() {
        return "record: too large for max.request.size (" + maxRequestSize
                + " bytes), written as a truncated dead letter";
    }

    /** Whether the maximum record {@link PressureMaxSerializer} makes of this reading fits. */
    public boolean maximumFits(Reading reading) {
        long keyBound = 3L * reading.vehicleId().length();
        long valueBound = MAXIMUM_FIXED_BYTES + Utf8Json.MAX_ESCAPED_BYTES_PER_CHAR
                * ((long) reading.vehicleId().length() + reading.sensorId().length());
        if (keyBound + valueBound + KAFKA_OVERHEAD_BYTES <= maxRequestSize) {
            return true;
        }
        long key = reading.vehicleId().getBytes(StandardCharsets.UTF_8).length;
        long value = PressureMaxSerializer.toJson(PressureMax.of(reading)).length;
        return key + value + KAFKA_OVERHEAD_BYTES <= maxRequestSize;
    }

    /** {@code letter} itself when its record fits, else a truncated copy that does. */
    public DeadLetter fit(DeadLetter letter) {
        if (fits(letter.key(), bound(letter))) {
            return letter;
        }
        if (fits(letter.key(), DeadLetterSerializer.toJson(letter).length)) {
            return letter;
        }
        return truncate(letter);
    }

    private DeadLetter truncate(DeadLetter letter) {
        String original = letter.raw() == null ? "" : letter.raw();
        String error = deadLetterTooLargeError() + "; "
                + Utf8Json.cutUtf8(String.valueOf(letter.error()), KEPT_ERROR_BYTES);
        // "false" is the longer of the two values, so the skeleton is never smaller than the result's frame.
        DeadLetter skeleton = new DeadLetter(error, "", letter.rawBytes(), false, letter.topic(), letter.partition(),
                letter.offset(), null);
        long budget = (long) maxRequestSize - KAFKA_OVERHEAD_BYTES - DeadLetterSerializer.toJson(skeleton).length;
        long keyBytes = letter.key() == null ? 0 : letter.key().length;
        long rawJson = Utf8Json.jsonLength(original);
        long rawAllowance = Math.min(rawJson, Math.max(budget / 2, budget - keyBytes));
        String raw = rawAllowance < rawJson ? Utf8Json.cutJson(original, rawAllowance) : original;
        long keyAllowance = budget - Utf8Json.jsonLength(raw);
        byte[] key = letter.key();
        if (keyBytes > keyAllowance) {
            key = keyAllowance > 0 ? Arrays.copyOf(letter.key(), (int) keyAllowance) : null;
        }
        boolean truncated = letter.truncated() || raw.length() < original.length();
        return new DeadLetter(error, raw, letter.rawBytes(), truncated, letter.topic(), letter.partition(),
                letter.offset(), key);
    }

    private boolean fits(byte[] key, long valueBytes) {
        return (key == null ? 0 : key.length) + valueBytes + KAFKA_OVERHEAD_BYTES <= maxRequestSize;
    }

    private static long bound(DeadLetter letter) {
        return DEAD_LETTER_FIXED_BYTES + Utf8Json.MAX_ESCAPED_BYTES_PER_CHAR * (length(letter.error())
                + length(letter.raw()) + length(letter.topic()));
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}

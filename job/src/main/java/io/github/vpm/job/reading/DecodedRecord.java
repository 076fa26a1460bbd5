package io.github.vpm.job.reading;

import io.github.vpm.job.deadletter.DeadLetter;

/**
 * What the source emits for each input record: exactly one of a valid reading or a dead letter.
 * Decoding inside the source lets the watermark generator see event times per Kafka partition.
 */
public class DecodedRecord {

    /** Set when the record was valid. */
    public Reading reading;
    /** Set when the record was invalid. */
    public DeadLetter deadLetter;

    public DecodedRecord() {}

    public static DecodedRecord valid(Reading reading) {
        DecodedRecord record = new DecodedRecord();
        record.reading = reading;
        return record;
    }

    public static DecodedRecord invalid(DeadLetter deadLetter) {
        DecodedRecord record = new DecodedRecord();
        record.deadLetter = deadLetter;
        return record;
    }

    public boolean isValid() {
        return reading != null;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + reading : "invalid " + deadLetter;
    }
}

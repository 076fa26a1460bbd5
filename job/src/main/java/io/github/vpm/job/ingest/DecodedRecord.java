package io.github.vpm.job.ingest;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.reading.Reading;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the source emits for each input record: exactly one of a valid reading or a dead letter.
 * Decoding inside the source lets the watermark generator see event times per Kafka partition.
 */
public class DecodedRecord {

    /** Set when the record was valid. */
    public Reading reading;
    /** Set when the record was invalid. */
    public DeadLetter deadLetter;
    /**
     * The Kafka record a valid reading came from (null when not known), so that a reading the job
     * cannot write as a maximum can still become a dead letter. Only references: no copy is made.
     */
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public byte[] sourceKey;
    public byte[] sourceValue;

    public DecodedRecord() {}

    public static DecodedRecord valid(Reading reading) {
        DecodedRecord record = new DecodedRecord();
        record.reading = reading;
        return record;
    }

    /** A valid reading and the Kafka record it came from. */
    public static DecodedRecord valid(Reading reading, ConsumerRecord<byte[], byte[]> source) {
        DecodedRecord record = valid(reading);
        record.sourceTopic = source.topic();
        record.sourcePartition = source.partition();
        record.sourceOffset = source.offset();
        record.sourceKey = source.key();
        record.sourceValue = source.value();
        return record;
    }

    /** The dead letter of this valid reading's Kafka record, for a reading the job rejects after decoding. */
    public DeadLetter deadLetterOfSource(String error) {
        return DeadLetter.of(error, sourceValue, sourceTopic, sourcePartition, sourceOffset, sourceKey);
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

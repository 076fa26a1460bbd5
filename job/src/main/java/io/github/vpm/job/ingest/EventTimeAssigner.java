package io.github.vpm.job.ingest;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;

/**
 * Event time is the reading's own timestamp. Invalid records get {@link
 * TimestampAssigner#NO_TIMESTAMP} (Long.MIN_VALUE), which can never raise a bounded
 * out-of-orderness watermark, so garbage cannot push event time forward.
 */
public final class EventTimeAssigner implements SerializableTimestampAssigner<DecodedRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(DecodedRecord record, long kafkaTimestamp) {
        return record.isValid() ? record.reading.timestamp() : TimestampAssigner.NO_TIMESTAMP;
    }
}

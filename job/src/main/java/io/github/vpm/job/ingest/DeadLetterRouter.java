package io.github.vpm.job.ingest;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.reading.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Valid readings go on; invalid records go to the {@link #DEAD_LETTERS} side output. Counts both.
 * Before the keyBy and before any state, the {@link RecordSizeGuard} turns a reading whose maximum
 * could not be written into a dead letter (counted invalid) and keeps every dead letter writable.
 */
public final class DeadLetterRouter extends ProcessFunction<DecodedRecord, Reading> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    public static final String METRIC_VALID = "readingsValid";
    public static final String METRIC_INVALID = "readingsInvalid";

    private final RecordSizeGuard guard;
    private transient Counter valid;
    private transient Counter invalid;

    /** With the Kafka producer's default max.request.size. */
    public DeadLetterRouter() {
        this(new RecordSizeGuard(RecordSizeGuard.DEFAULT_MAX_REQUEST_SIZE));
    }

    public DeadLetterRouter(RecordSizeGuard guard) {
        this.guard = guard;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        valid = metrics.counter(METRIC_VALID);
        invalid = metrics.counter(METRIC_INVALID);
    }

    @Override
    public void processElement(DecodedRecord record, Context context, Collector<Reading> out) {
        if (!record.isValid()) {
            invalid.inc();
            context.output(DEAD_LETTERS, guard.fit(record.deadLetter));
        } else if (guard.maximumFits(record.reading)) {
            valid.inc();
            out.collect(record.reading);
        } else {
            invalid.inc();
            context.output(DEAD_LETTERS, guard.fit(record.deadLetterOfSource(guard.maximumTooLargeError())));
        }
    }
}

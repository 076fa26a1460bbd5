package io.github.vpm.job.ingest;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.reading.InvalidReadingException;
import io.github.vpm.job.reading.ReadingDecoder;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns every Kafka record into a {@link DecodedRecord}; never throws for bad input, so one bad
 * record can neither stop nor slow the job. Needs the whole {@link ConsumerRecord} because a dead
 * letter names its topic, partition and offset and keeps its key.
 */
public final class ReadingDeserializer implements KafkaRecordDeserializationSchema<DecodedRecord> {

    private static final long serialVersionUID = 2L;

    private final double pressureMin;
    private final double pressureMax;
    private final int maxIdBytes;
    private transient ReadingDecoder decoder;

    /** With the contract's default id limit, {@value ReadingDecoder#DEFAULT_MAX_ID_BYTES} bytes. */
    public ReadingDeserializer(double pressureMin, double pressureMax) {
        this(pressureMin, pressureMax, ReadingDecoder.DEFAULT_MAX_ID_BYTES);
    }

    public ReadingDeserializer(double pressureMin, double pressureMax, int maxIdBytes) {
        // Fail when the job is built, not later in every source subtask.
        new ReadingDecoder(pressureMin, pressureMax, maxIdBytes);
        this.pressureMin = pressureMin;
        this.pressureMax = pressureMax;
        this.maxIdBytes = maxIdBytes;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder = new ReadingDecoder(pressureMin, pressureMax, maxIdBytes);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedRecord> out) {
        if (decoder == null) {
            open(null);
        }
        try {
            out.collect(DecodedRecord.valid(decoder.decode(record.value()), record));
        } catch (InvalidReadingException e) {
            out.collect(DecodedRecord.invalid(DeadLetter.of(e.getMessage(), record)));
        }
    }

    @Override
    public TypeInformation<DecodedRecord> getProducedType() {
        return TypeInformation.of(DecodedRecord.class);
    }
}

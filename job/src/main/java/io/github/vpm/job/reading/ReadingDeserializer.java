package io.github.vpm.job.reading;

import io.github.vpm.job.deadletter.DeadLetter;
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

    private static final long serialVersionUID = 1L;

    private final long pressureMin;
    private final long pressureMax;
    private transient ReadingDecoder decoder;

    public ReadingDeserializer(long pressureMin, long pressureMax) {
        this.pressureMin = pressureMin;
        this.pressureMax = pressureMax;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder = new ReadingDecoder(pressureMin, pressureMax);
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

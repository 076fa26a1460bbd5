package io.github.vpm.bench.jmh;

import io.github.vpm.bench.data.DataSet;
import io.github.vpm.job.ingest.DecodedRecord;
import io.github.vpm.job.ingest.ReadingDeserializer;
import io.github.vpm.job.reading.InvalidReadingException;
import io.github.vpm.job.reading.Reading;
import io.github.vpm.job.reading.ReadingDecoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode + validate, the first half of the per-record path: the job's {@link ReadingDecoder} on
 * valid and invalid values, and its Kafka {@link ReadingDeserializer} (decoder plus the
 * {@link DecodedRecord} wrapper and, for invalid ones, the dead letter).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

    private ReadingDecoder decoder;
    private ReadingDeserializer deserializer;
    private byte[][] valid;
    private byte[][] invalid;
    private ConsumerRecord<byte[], byte[]>[] validRecords;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        decoder = new ReadingDecoder(0, 10_000_000);
        deserializer = new ReadingDeserializer(0, 10_000_000);
        deserializer.open(null);
        List<DataSet.Record> v = Samples.validRecords();
        valid = v.stream().map(DataSet.Record::value).toArray(byte[][]::new);
        validRecords = new ConsumerRecord[v.size()];
        for (int i = 0; i < v.size(); i++) {
            validRecords[i] = new ConsumerRecord<>("sensor_pressure_stream", i % 6, i, v.get(i).key(), v.get(i).value());
        }
        invalid = Samples.invalidRecords().stream().map(DataSet.Record::value).toArray(byte[][]::new);
    }

    @Benchmark
    public Reading decodeValid() throws InvalidReadingException {
        return decoder.decode(valid[next++ & (Samples.COUNT - 1)]);
    }

    @Benchmark
    public String decodeInvalid() {
        byte[] value = invalid[next++ % invalid.length];
        try {
            decoder.decode(value);
            throw new AssertionError("valid?");
        } catch (InvalidReadingException e) {
            return e.getMessage();
        }
    }

    @Benchmark
    public void deserializeValid(Blackhole bh) {
        deserializer.deserialize(validRecords[next++ & (Samples.COUNT - 1)], new Collector<>() {
            @Override
            public void collect(DecodedRecord record) {
                bh.consume(record);
            }

            @Override
            public void close() {}
        });
    }
}

package io.github.vpm.bench.jmh;

import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxJson;
import io.github.vpm.job.maximum.PressureMaxSerializer;
import io.github.vpm.job.reading.Reading;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.types.StringValue;
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

/**
 * What the job does per record between decode and state: ship the {@link Reading} across the
 * keyBy (the job's ReadingSerializer both ways, against Flink's POJO serializer for the same class,
 * which the job used before; the key-group hash), and per emitted maximum, the output JSON (a kept
 * generator against one per record).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerializationBenchmark {

    private Reading[] readings;
    private TypeSerializer<Reading> serializer;
    private TypeSerializer<Reading> pojoSerializer;
    private final DataOutputSerializer out = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final PressureMaxJson json = new PressureMaxJson();
    private int next;

    @Setup
    public void setUp() throws Exception {
        readings = Samples.readings();
        serializer = TypeInformation.of(Reading.class).createSerializer(new SerializerConfigImpl());
        // What Flink would use without Reading's @TypeInfo: its POJO serializer.
        pojoSerializer = new PojoTypeInfo<>(Reading.class, List.of(
                new PojoField(Reading.class.getDeclaredField("vehicleId"), Types.STRING),
                new PojoField(Reading.class.getDeclaredField("sensorId"), Types.STRING),
                new PojoField(Reading.class.getDeclaredField("pressure"), Types.DOUBLE),
                new PojoField(Reading.class.getDeclaredField("timestamp"), Types.LONG),
                new PojoField(Reading.class.getDeclaredField("temperature"), Types.DOUBLE)))
                .createSerializer(new SerializerConfigImpl());
    }

    /** The job's ReadingSerializer, serialize + deserialize. */
    @Benchmark
    public Reading readingRoundTrip() throws IOException {
        return roundTrip(serializer);
    }

    /** Flink's POJO serializer for the same readings (the baseline the job used to have). */
    @Benchmark
    public Reading pojoRoundTrip() throws IOException {
        return roundTrip(pojoSerializer);
    }

    /**
     * The ids as the job's serializer wrote them before format 3: Flink's {@code StringValue} (the
     * baseline of {@link #readingRoundTrip}'s UTF-8 ids; the other fields as the job writes them).
     */
    @Benchmark
    public Reading readingRoundTripStringValueIds() throws IOException {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        out.clear();
        out.writeByte(r.temperature() == null ? 4 : 0);
        StringValue.writeString(r.vehicleId(), out);
        StringValue.writeString(r.sensorId(), out);
        out.writeDouble(r.pressure());
        out.writeLong(r.timestamp());
        if (r.temperature() != null) {
            out.writeDouble(r.temperature());
        }
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        int nulls = in.readUnsignedByte();
        return new Reading(StringValue.readString(in), StringValue.readString(in), in.readDouble(), in.readLong(),
                (nulls & 4) != 0 ? null : in.readDouble());
    }

    private Reading roundTrip(TypeSerializer<Reading> with) throws IOException {
        out.clear();
        with.serialize(readings[next++ & (Samples.COUNT - 1)], out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return with.deserialize(in);
    }

    @Benchmark
    public int keyGroupOfVehicle() {
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(readings[next++ & (Samples.COUNT - 1)].vehicleId(),
                360, 2);
    }

    /** The output JSON as the sink writes it: one generator and buffer kept for every record. */
    @Benchmark
    public byte[] maximumToJson() {
        return json.write(PressureMax.of(readings[next++ & (Samples.COUNT - 1)]));
    }

    /** The same JSON with a generator made per record (the sink's way before; the baseline). */
    @Benchmark
    public byte[] maximumToJsonGeneratorPerRecord() {
        return PressureMaxSerializer.toJson(PressureMax.of(readings[next++ & (Samples.COUNT - 1)]));
    }
}

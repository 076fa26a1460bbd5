package io.github.vpm.job.reading;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link Reading} between tasks (the keyBy shuffle) field by field: one byte of null
 * flags, the two ids, pressure, timestamp and the temperature if present. It replaces Flink's POJO
 * serializer, whose reflection and per-field null bookkeeping showed up at ~20 % of the keyed task's
 * CPU in the profile (BENCHMARKS.md). Readings are never kept in state, so the format only has to
 * agree between the tasks of one running job; the snapshot still versions it.
 */
public final class ReadingSerializer extends TypeSerializerSingleton<Reading> {

    private static final long serialVersionUID = 1L;

    public static final ReadingSerializer INSTANCE = new ReadingSerializer();

    private static final int NULL_VEHICLE_ID = 1;
    private static final int NULL_SENSOR_ID = 2;
    private static final int NULL_TEMPERATURE = 4;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Reading createInstance() {
        return new Reading();
    }

    @Override
    public Reading copy(Reading from) {
        return new Reading(from.vehicleId, from.sensorId, from.pressure, from.timestamp, from.temperature);
    }

    @Override
    public Reading copy(Reading from, Reading reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Reading reading, DataOutputView target) throws IOException {
        int nulls = (reading.vehicleId == null ? NULL_VEHICLE_ID : 0)
                | (reading.sensorId == null ? NULL_SENSOR_ID : 0)
                | (reading.temperature == null ? NULL_TEMPERATURE : 0);
        target.writeByte(nulls);
        if (reading.vehicleId != null) {
            StringValue.writeString(reading.vehicleId, target);
        }
        if (reading.sensorId != null) {
            StringValue.writeString(reading.sensorId, target);
        }
        target.writeLong(reading.pressure);
        target.writeLong(reading.timestamp);
        if (reading.temperature != null) {
            target.writeDouble(reading.temperature);
        }
    }

    @Override
    public Reading deserialize(DataInputView source) throws IOException {
        int nulls = source.readUnsignedByte();
        Reading reading = new Reading();
        reading.vehicleId = (nulls & NULL_VEHICLE_ID) != 0 ? null : StringValue.readString(source);
        reading.sensorId = (nulls & NULL_SENSOR_ID) != 0 ? null : StringValue.readString(source);
        reading.pressure = source.readLong();
        reading.timestamp = source.readLong();
        reading.temperature = (nulls & NULL_TEMPERATURE) != 0 ? null : source.readDouble();
        return reading;
    }

    @Override
    public Reading deserialize(Reading reuse, DataInputView source) throws IOException {
        // Strings are immutable, so reusing the shell would save one small object: not worth the risk.
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int nulls = source.readUnsignedByte();
        target.writeByte(nulls);
        if ((nulls & NULL_VEHICLE_ID) == 0) {
            StringValue.copyString(source, target);
        }
        if ((nulls & NULL_SENSOR_ID) == 0) {
            StringValue.copyString(source, target);
        }
        target.write(source, 2 * Long.BYTES);
        if ((nulls & NULL_TEMPERATURE) == 0) {
            target.write(source, Double.BYTES);
        }
    }

    @Override
    public TypeSerializerSnapshot<Reading> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Format version 1; a later format gets a new snapshot version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Reading> {

        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

package io.github.vpm.job.reading;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes a {@link Reading} between tasks (the keyBy shuffle) field by field: one byte of null
 * flags, the two ids, pressure (a double since format 2; a long in format 1, release 0.1),
 * timestamp and the temperature if present. It replaces Flink's POJO
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
        return true; // a record
    }

    @Override
    public Reading createInstance() {
        return new Reading(null, null, 0.0, 0L, null);
    }

    @Override
    public Reading copy(Reading from) {
        return from; // immutable
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
        int nulls = (reading.vehicleId() == null ? NULL_VEHICLE_ID : 0)
                | (reading.sensorId() == null ? NULL_SENSOR_ID : 0)
                | (reading.temperature() == null ? NULL_TEMPERATURE : 0);
        target.writeByte(nulls);
        if (reading.vehicleId() != null) {
            StringValue.writeString(reading.vehicleId(), target);
        }
        if (reading.sensorId() != null) {
            StringValue.writeString(reading.sensorId(), target);
        }
        target.writeDouble(reading.pressure());
        target.writeLong(reading.timestamp());
        if (reading.temperature() != null) {
            target.writeDouble(reading.temperature());
        }
    }

    @Override
    public Reading deserialize(DataInputView source) throws IOException {
        int nulls = source.readUnsignedByte();
        String vehicleId = (nulls & NULL_VEHICLE_ID) != 0 ? null : StringValue.readString(source);
        String sensorId = (nulls & NULL_SENSOR_ID) != 0 ? null : StringValue.readString(source);
        double pressure = source.readDouble();
        long timestamp = source.readLong();
        Double temperature = (nulls & NULL_TEMPERATURE) != 0 ? null : source.readDouble();
        return new Reading(vehicleId, sensorId, pressure, timestamp, temperature);
    }

    @Override
    public Reading deserialize(Reading reuse, DataInputView source) throws IOException {
        // A record cannot be refilled.
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
        target.write(source, Double.BYTES + Long.BYTES); // pressure, timestamp
        if ((nulls & NULL_TEMPERATURE) == 0) {
            target.write(source, Double.BYTES);
        }
    }

    @Override
    public TypeSerializerSnapshot<Reading> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * Versions the format. Snapshot version 3 was release 0.1's (a {@code SimpleTypeSerializerSnapshot}
     * of this same class, format 1: pressure as a long); version 4 is format 2 (pressure as a double).
     * Formats are incompatible: readings are never kept in state, so nothing should ever need to
     * read the old one, and Flink is told so rather than risk misreading eight bytes.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<Reading> {

        private static final int VERSION_LONG_PRESSURE = 3;
        private static final int VERSION_DOUBLE_PRESSURE = 4;

        private int readVersion = VERSION_DOUBLE_PRESSURE;

        public Snapshot() {}

        @Override
        public int getCurrentVersion() {
            return VERSION_DOUBLE_PRESSURE;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // Nothing to write: the version says everything.
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            if (version != VERSION_LONG_PRESSURE && version != VERSION_DOUBLE_PRESSURE) {
                throw new IOException("unknown ReadingSerializer snapshot version " + version);
            }
            readVersion = version;
        }

        @Override
        public TypeSerializer<Reading> restoreSerializer() {
            if (readVersion != VERSION_DOUBLE_PRESSURE) {
                throw new IllegalStateException("readings written with a long pressure (release 0.1)"
                        + " cannot be read: they are never kept in state");
            }
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<Reading> resolveSchemaCompatibility(
                TypeSerializerSnapshot<Reading> oldSnapshot) {
            return oldSnapshot instanceof Snapshot && ((Snapshot) oldSnapshot).readVersion == VERSION_DOUBLE_PRESSURE
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}

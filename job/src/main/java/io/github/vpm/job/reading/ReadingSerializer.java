package io.github.vpm.job.reading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Format 3 writes each id as its UTF-8 bytes after a varint of twice their count. Flink's
 * {@code StringValue}, which format 2 used, copies char by char through a thread-local buffer, and
 * reading it took about a fifth of the keyed task's sampled time at 1M vehicles (JFR, BENCHMARKS.md).
 * UTF-8 is exact for every well-formed string; the JDK turns a lone surrogate into {@code ?}, so an id
 * whose UTF-8 holds a {@code ?} (rare: the decoder rejects lone surrogates, only a real {@code ?} gets
 * here) is written the old way behind an odd varint 1 instead. A changed id would change the key.
 */
public final class ReadingSerializer extends TypeSerializerSingleton<Reading> {

    private static final long serialVersionUID = 1L;

    public static final ReadingSerializer INSTANCE = new ReadingSerializer();

    private static final int NULL_VEHICLE_ID = 1;
    private static final int NULL_SENSOR_ID = 2;
    private static final int NULL_TEMPERATURE = 4;

    /** An id's header that says {@code StringValue} follows (see the class comment); UTF-8 headers are even. */
    private static final int ID_AS_STRING_VALUE = 1;

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
            writeId(reading.vehicleId(), target);
        }
        if (reading.sensorId() != null) {
            writeId(reading.sensorId(), target);
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
        String vehicleId = (nulls & NULL_VEHICLE_ID) != 0 ? null : readId(source);
        String sensorId = (nulls & NULL_SENSOR_ID) != 0 ? null : readId(source);
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
            copyId(source, target);
        }
        if ((nulls & NULL_SENSOR_ID) == 0) {
            copyId(source, target);
        }
        target.write(source, Double.BYTES + Long.BYTES); // pressure, timestamp
        if ((nulls & NULL_TEMPERATURE) == 0) {
            target.write(source, Double.BYTES);
        }
    }

    private static void writeId(String id, DataOutputView target) throws IOException {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
            if (b == '?') { // a real '?' or a lone surrogate's stand-in: only the old way is exact for both
                writeVarint(ID_AS_STRING_VALUE, target);
                StringValue.writeString(id, target);
                return;
            }
        }
        writeVarint(utf8.length << 1, target);
        target.write(utf8);
    }

    private static String readId(DataInputView source) throws IOException {
        int header = readVarint(source);
        if (header == ID_AS_STRING_VALUE) {
            return StringValue.readString(source);
        }
        byte[] utf8 = new byte[header >>> 1];
        source.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void copyId(DataInputView source, DataOutputView target) throws IOException {
        int header = readVarint(source);
        writeVarint(header, target);
        if (header == ID_AS_STRING_VALUE) {
            StringValue.copyString(source, target);
        } else {
            target.write(source, header >>> 1);
        }
    }

    /** Seven bits a byte, low first; the high bit says more follow. */
    private static void writeVarint(int value, DataOutputView target) throws IOException {
        while ((value & ~0x7f) != 0) {
            target.writeByte((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        target.writeByte(value);
    }

    private static int readVarint(DataInputView source) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = source.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed id length in a serialized reading");
    }

    @Override
    public TypeSerializerSnapshot<Reading> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * Versions the format. Snapshot version 3 was release 0.1's (a {@code SimpleTypeSerializerSnapshot}
     * of this same class, format 1: pressure as a long); version 4 is format 2 (pressure as a double,
     * ids as {@code StringValue}); version 5 is format 3 (ids as UTF-8). Formats are incompatible:
     * readings are never kept in state, so nothing should ever need to read an old one, and Flink is
     * told so rather than risk misreading bytes.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<Reading> {

        private static final int VERSION_LONG_PRESSURE = 3;
        private static final int VERSION_STRING_VALUE_IDS = 4;
        private static final int VERSION_UTF8_IDS = 5;

        private int readVersion = VERSION_UTF8_IDS;

        public Snapshot() {}

        @Override
        public int getCurrentVersion() {
            return VERSION_UTF8_IDS;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // Nothing to write: the version says everything.
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader classLoader) throws IOException {
            if (version != VERSION_LONG_PRESSURE && version != VERSION_STRING_VALUE_IDS && version != VERSION_UTF8_IDS) {
                throw new IOException("unknown ReadingSerializer snapshot version " + version);
            }
            readVersion = version;
        }

        @Override
        public TypeSerializer<Reading> restoreSerializer() {
            if (readVersion != VERSION_UTF8_IDS) {
                throw new IllegalStateException("readings written in format " + (readVersion - 2)
                        + " (an earlier release) cannot be read: they are never kept in state");
            }
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<Reading> resolveSchemaCompatibility(
                TypeSerializerSnapshot<Reading> oldSnapshot) {
            return oldSnapshot instanceof Snapshot && ((Snapshot) oldSnapshot).readVersion == VERSION_UTF8_IDS
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}

package io.github.vpm.job.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Flink's own serializer contract (copy, round trips through byte streams, duplicates, snapshot
 * and restore of the serializer's configuration) for the keyBy's {@link ReadingSerializer}.
 */
class ReadingSerializerTest extends SerializerTestBase<Reading> {

    @Override
    protected TypeSerializer<Reading> createSerializer() {
        return new ReadingSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Reading> getTypeClass() {
        return Reading.class;
    }

    @Override
    protected Reading[] getTestData() {
        return new Reading[] {
            new Reading("VH-0001", "VH-0001-S1", 812_345, 1_732_870_245_123L, 21.5),
            new Reading("VH-0001", "VH-0001-S2", 0, 0L, null),
            new Reading("VH-0002", "VH-0002-S1", 823_456.7891234, 1_732_870_245_124L, null),
            new Reading("fahrzeug-ä-😀", "capteur-é", 10_000_000, -86_400_000L, -40.25),
            new Reading("", "", -Double.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE),
            new Reading("tiny", "s", Double.MIN_VALUE, Long.MIN_VALUE, -0.0),
            new Reading(null, null, 1e-300, 2, null),
            // The StringValue fallback: a real '?', and lone surrogates, which UTF-8 would turn into '?'.
            new Reading("why?", "?", 1, 3, null),
            new Reading("lone-\ud800", "\udc00-lone", 2, 4, 1.5),
            new Reading("x".repeat(300), "y".repeat(70_000), 3, 5, null),
        };
    }

    @Test
    void keepsEveryBitOfTheDoublePressure() throws Exception {
        Reading reading = new Reading("V", "S", 823_456.7891234, 1L, null);
        DataOutputSerializer out = new DataOutputSerializer(64);
        ReadingSerializer.INSTANCE.serialize(reading, out);
        Reading back = ReadingSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(Double.doubleToRawLongBits(back.pressure())).isEqualTo(Double.doubleToRawLongBits(823_456.7891234));
    }

    @Test
    void writesAnAsciiIdAsItsBytesAfterAOneByteLength() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        ReadingSerializer.INSTANCE.serialize(new Reading("VH-0001", "S1", 1, 2L, null), out);
        // flags, 2 x 7 = 14 and "VH-0001", 2 x 2 = 4 and "S1", pressure, timestamp
        assertThat(out.length()).isEqualTo(1 + 1 + 7 + 1 + 2 + 8 + 8);
        assertThat(out.getCopyOfBuffer()[1]).isEqualTo((byte) 14);
        assertThat(new String(out.getCopyOfBuffer(), 2, 7, StandardCharsets.US_ASCII)).isEqualTo("VH-0001");
    }

    @Test
    void snapshotOfTheLongPressureFormatIsIncompatible() throws Exception {
        // Release 0.1 wrote a SimpleTypeSerializerSnapshot of this class: version 3, no payload.
        ReadingSerializer.Snapshot old = new ReadingSerializer.Snapshot();
        old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        assertThat(new ReadingSerializer.Snapshot().resolveSchemaCompatibility(old).isIncompatible()).isTrue();
        assertThatThrownBy(old::restoreSerializer).isInstanceOf(IllegalStateException.class);

        // Format 2 (ids as StringValue) is just as incompatible with format 3 (ids as UTF-8).
        ReadingSerializer.Snapshot stringValueIds = new ReadingSerializer.Snapshot();
        stringValueIds.readSnapshot(4, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        assertThat(new ReadingSerializer.Snapshot().resolveSchemaCompatibility(stringValueIds).isIncompatible()).isTrue();
        assertThatThrownBy(stringValueIds::restoreSerializer).isInstanceOf(IllegalStateException.class);

        ReadingSerializer.Snapshot current = new ReadingSerializer.Snapshot();
        current.readSnapshot(5, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        assertThat(new ReadingSerializer.Snapshot().resolveSchemaCompatibility(current).isCompatibleAsIs()).isTrue();
        assertThat(current.restoreSerializer()).isSameAs(ReadingSerializer.INSTANCE);
        assertThatThrownBy(() -> new ReadingSerializer.Snapshot()
                .readSnapshot(6, new DataInputDeserializer(new byte[0]), getClass().getClassLoader()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void readingsUseTheHandWrittenSerializerInsteadOfThePojoOne() {
        TypeInformation<Reading> type = TypeInformation.of(Reading.class);
        assertThat(type).isInstanceOf(ReadingTypeInfo.class);
        assertThat(type.createSerializer(new SerializerConfigImpl())).isInstanceOf(ReadingSerializer.class);
    }
}

package io.github.vpm.job.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
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
            new Reading("fahrzeug-ä-😀", "capteur-é", 10_000_000, -86_400_000L, -40.25),
            new Reading("", "", Long.MIN_VALUE, Long.MAX_VALUE, Double.MAX_VALUE),
            new Reading(null, null, 1, 2, null),
        };
    }

    @Test
    void readingsUseTheHandWrittenSerializerInsteadOfThePojoOne() {
        TypeInformation<Reading> type = TypeInformation.of(Reading.class);
        assertThat(type).isInstanceOf(ReadingTypeInfo.class);
        assertThat(type.createSerializer(new SerializerConfigImpl())).isInstanceOf(ReadingSerializer.class);
    }
}

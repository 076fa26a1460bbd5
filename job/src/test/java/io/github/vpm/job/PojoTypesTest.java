package io.github.vpm.job;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.ingest.DecodedRecord;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.reading.Reading;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/**
 * Every type on the wire between operators is a Flink POJO, never a Kryo fallback; Reading has its
 * own serializer (ReadingSerializerTest), and the POJO that carries it must use it, not Kryo.
 */
class PojoTypesTest {

    @Test
    void recordTypesAreSerializedAsPojosWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(PressureMax.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DeadLetter.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DecodedRecord.class);
    }
}

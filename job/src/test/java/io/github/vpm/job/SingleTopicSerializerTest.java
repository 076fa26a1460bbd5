package io.github.vpm.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxSerializer;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SingleTopicSerializerTest {

    @Test
    void namesItsTopicAndSerializesLikeTheWrappedSerializer() {
        SingleTopicSerializer<PressureMax> wrapped =
                new SingleTopicSerializer<>(new PressureMaxSerializer("maxima"), "maxima");
        PressureMax max = new PressureMax("truck-7", "sensor-2", 512_000, 1_700_000_000_123L, 21.5);

        ProducerRecord<byte[], byte[]> record = wrapped.serialize(max, null, null);
        ProducerRecord<byte[], byte[]> direct = new PressureMaxSerializer("maxima").serialize(max, null, null);
        assertThat(record.topic()).isEqualTo("maxima");
        assertThat(record.key()).isEqualTo(direct.key());
        assertThat(record.value()).isEqualTo(direct.value());
        assertThat(record.timestamp()).isEqualTo(direct.timestamp());
        assertThat(wrapped.getKafkaDatasetFacet()).map(KafkaDatasetFacet::getTopicIdentifier)
                .hasValueSatisfying(id -> assertThat(id.getTopics()).containsExactly("maxima"));
    }

    @Test
    void bothSinksBuildWithPooledTransactionalIds() {
        // The connector refuses POOLING unless the serializer names its topics: building is the check.
        JobOptions options = JobOptions.parse();
        assertThat(MaxPressureJob.maximaSink(options)).isInstanceOf(KafkaSink.class);
        assertThat(MaxPressureJob.deadLetterSink(options)).isInstanceOf(KafkaSink.class);
    }
}

package io.github.vpm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @Test
    void createsTheContractTopicsAsSpecified() {
        ContractTopics topics = KAFKA.createContractTopics("contract");

        Map<String, TopicDescription> d = KAFKA.describeTopics(topics.input(), topics.output(), topics.dlq());

        assertThat(d.get(topics.input()).partitions()).hasSize(6);
        assertThat(d.get(topics.output()).partitions()).hasSize(4);
        assertThat(d.get(topics.dlq()).partitions()).hasSize(1);
        assertThat(topics.input()).isEqualTo("sensor_pressure_stream-contract");
    }

    @Test
    void producedRecordsAreReadBackCommittedInPartitionOrder() {
        KAFKA.createTopic("roundtrip", 3, Map.of());
        List<ProducerRecord<byte[], byte[]>> records = IntStream.range(0, 30)
                .mapToObj(i -> KafkaCluster.record("roundtrip", i % 3, "k" + i, ("v" + i).getBytes(StandardCharsets.UTF_8),
                        1_000L + i))
                .toList();

        List<RecordMetadata> sent = KAFKA.produce(records);
        KAFKA.produce("roundtrip", "tomb", null);
        List<KafkaRecord> read = KAFKA.readCommitted("roundtrip", 31, TIMEOUT);

        assertThat(sent).extracting(RecordMetadata::partition).containsExactlyElementsOf(
                IntStream.range(0, 30).map(i -> i % 3).boxed().toList());
        assertThat(read).hasSize(31);
        assertThat(read).filteredOn(r -> r.partition() == 1).extracting(KafkaRecord::value)
                .startsWith("v1", "v4", "v7");
        assertThat(read).filteredOn(r -> "k5".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.timestamp()).isEqualTo(1_005L));
        assertThat(read).filteredOn(r -> "tomb".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).isNull());
    }

    @Test
    void readingAMissingTopicFailsAndDoesNotCreateIt() {
        KAFKA.createTopic("exists", 1, Map.of());

        assertThatThrownBy(() -> KAFKA.readCommittedUntilQuiet("missing-topic", Duration.ofMillis(100), TIMEOUT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing-topic");
        assertThat(KAFKA.topicNames()).contains("exists").doesNotContain("missing-topic");
    }

    @Test
    void readsUntilQuietWhenNoCountIsKnown() {
        KAFKA.createTopic("quiet", 2, Map.of());
        KAFKA.produce("quiet", "a", "1");
        KAFKA.produce("quiet", "b", "2");

        assertThat(KAFKA.readCommittedUntilQuiet("quiet", Duration.ofSeconds(1), TIMEOUT))
                .extracting(KafkaRecord::value).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void brokerComesBackWithItsDataAfterStopAndAfterKill() {
        KAFKA.createTopic("outage", 2, Map.of());
        KAFKA.produce("outage", "before", "1");

        KAFKA.stopBroker();
        KAFKA.startBroker();
        KAFKA.produce("outage", "after-stop", "2");

        KAFKA.killBroker();
        KAFKA.startBroker();
        KAFKA.produce("outage", "after-kill", "3");

        assertThat(KAFKA.readCommitted("outage", 3, TIMEOUT)).extracting(KafkaRecord::key)
                .containsExactlyInAnyOrder("before", "after-stop", "after-kill");
    }
}

package io.github.vpm.job.it;

import io.github.vpm.job.it.PressureDataSet.Input;
import io.github.vpm.testkit.KafkaCluster;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends data-set inputs to the input topic, each to its own partition, remembering where the invalid ones went. */
final class InputFeed {

    private final KafkaCluster kafka;
    private final String topic;
    private final List<Input> sent = new ArrayList<>();
    private final List<Input> invalid = new ArrayList<>();
    private final List<RecordMetadata> invalidWhere = new ArrayList<>();

    InputFeed(KafkaCluster kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    void send(List<Input> inputs) {
        List<ProducerRecord<byte[], byte[]>> records = inputs.stream()
                .map(in -> KafkaCluster.record(topic, in.partition(), in.key(), in.value(), null))
                .toList();
        List<RecordMetadata> where = kafka.produce(records);
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).valid()) {
                invalid.add(inputs.get(i));
                invalidWhere.add(where.get(i));
            }
        }
        sent.addAll(inputs);
    }

    /** Everything sent so far, valid and invalid. */
    List<Input> sent() {
        return List.copyOf(sent);
    }

    List<Input> invalid() {
        return List.copyOf(invalid);
    }

    /** Partition and offset of each of {@link #invalid()}, at the same index. */
    List<RecordMetadata> invalidWhere() {
        return List.copyOf(invalidWhere);
    }
}

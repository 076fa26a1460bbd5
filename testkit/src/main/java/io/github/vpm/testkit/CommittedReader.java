package io.github.vpm.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads whole topics from the beginning as a {@code read_committed} consumer, one consumer per read. */
final class CommittedReader {

    private final Properties clientProperties;

    CommittedReader(Properties clientProperties) {
        this.clientProperties = new Properties();
        this.clientProperties.putAll(clientProperties);
    }

    /**
     * Reads until {@code done} holds for everything read so far, then until nothing new arrived for
     * {@code quietAfter}. Never throws on {@code timeout}: returns what it read by then, so the
     * caller's assertions show what is missing. Records keep their per-partition order.
     */
    List<KafkaRecord> read(String topic, Predicate<List<KafkaRecord>> done, Duration quietAfter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<KafkaRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Blocking.CLIENT_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no such topic: " + topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant satisfiedOrLastNew = null;
            while (Instant.now().isBefore(deadline)) {
                int before = records.size();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Blocking.POLL_INTERVAL)) {
                    records.add(new KafkaRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(),
                            r.value()));
                }
                if (satisfiedOrLastNew == null) {
                    if (done.test(List.copyOf(records))) {
                        satisfiedOrLastNew = Instant.now();
                    }
                } else if (records.size() > before) {
                    satisfiedOrLastNew = Instant.now();
                }
                if (satisfiedOrLastNew != null
                        && !Instant.now().isBefore(satisfiedOrLastNew.plus(quietAfter))) {
                    break;
                }
            }
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}

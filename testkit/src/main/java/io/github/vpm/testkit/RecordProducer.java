package io.github.vpm.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One idempotent producer (acks=all) of byte records, waiting for every send. */
final class RecordProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    RecordProducer(Properties clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A producer record with a UTF-8 key; partition and timestamp may be null (chosen by the producer). */
    static ProducerRecord<byte[], byte[]> record(String topic, Integer partition, String key, byte[] value,
                                                 Long timestamp) {
        byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, partition, timestamp, k, value);
    }

    /** Sends the records and waits for all of them; the metadata of each, in the order given. */
    List<RecordMetadata> send(List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> r : records) {
            sent.add(producer.send(r));
        }
        producer.flush();
        List<RecordMetadata> result = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> f : sent) {
            result.add(Blocking.get(f, "produce"));
        }
        return result;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

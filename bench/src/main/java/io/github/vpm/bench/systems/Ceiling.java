package io.github.vpm.bench.systems;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.deadletter.DeadLetterSerializer;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxJson;
import io.github.vpm.job.reading.InvalidReadingException;
import io.github.vpm.job.reading.Reading;
import io.github.vpm.job.reading.ReadingDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The ceiling: what one thread can do with no framework at all. A plain {@code read_committed}
 * KafkaConsumer, the job's own {@link ReadingDecoder} and serializers, a HashMap of maxima, a plain
 * (idempotent, not transactional) producer; offsets committed once a second and at the end.
 * No state backend, no checkpoints, no shuffle, no fault tolerance beyond at-least-once.
 */
public final class Ceiling implements SystemUnderTest {

    private final RunSpec spec;
    private final Thread thread;
    private volatile long readyNanos;
    private volatile long finishedNanos;
    private volatile Throwable failure;

    public Ceiling(RunSpec spec) {
        this.spec = spec;
        this.thread = new Thread(this::run, "ceiling-" + spec.runId());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Properties c = spec.broker().properties();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, spec.runId());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties p = spec.broker().properties();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(spec.inputTopic(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(spec.inputTopic(), info.partition()));
            }
            consumer.assign(partitions);
            // The input is pre-filled and static: done once the position reaches these.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ReadingDecoder decoder = new ReadingDecoder(0, 10_000_000);
            PressureMaxJson json = new PressureMaxJson(); // the job's writer, one per thread as in its sink
            Map<String, Double> maxima = new HashMap<>();
            readyNanos = System.nanoTime();
            long lastCommit = readyNanos;
            while (!reachedEnd(consumer, end)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    Reading reading;
                    try {
                        reading = decoder.decode(r.value());
                    } catch (InvalidReadingException e) {
                        DeadLetter letter = DeadLetter.of(e.getMessage(), r);
                        producer.send(new ProducerRecord<>(spec.dlqTopic(), null, null, letter.key(),
                                DeadLetterSerializer.toJson(letter)));
                        continue;
                    }
                    Double max = maxima.get(reading.vehicleId());
                    if (max == null || reading.pressure() > max) {
                        maxima.put(reading.vehicleId(), reading.pressure());
                        producer.send(new ProducerRecord<>(spec.outputTopic(), null, reading.timestamp(),
                                reading.vehicleId().getBytes(StandardCharsets.UTF_8),
                                json.write(PressureMax.of(reading))));
                    }
                }
                if (System.nanoTime() - lastCommit > 1_000_000_000L) {
                    consumer.commitAsync();
                    lastCommit = System.nanoTime();
                }
            }
            producer.flush();
            consumer.commitSync();
            finishedNanos = System.nanoTime();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** When the last output was flushed and the offsets committed (0 while running). */
    public long finishedNanos() {
        if (failure != null) {
            throw new IllegalStateException("ceiling failed", failure);
        }
        return finishedNanos;
    }

    @Override
    public long readyNanos() {
        return readyNanos;
    }

    public void awaitReady() throws InterruptedException {
        while (readyNanos == 0 && failure == null) {
            Thread.sleep(5);
        }
        finishedNanos();
    }

    @Override
    public String describe() {
        return "1 thread, KafkaConsumer + HashMap, idempotent producer";
    }

    @Override
    public void close() throws InterruptedException {
        thread.join(120_000);
        finishedNanos();
    }
}

package io.github.vpm.simulator;

import io.github.vpm.cli.KafkaClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends readings to the topic keyed by sensorId and keeps count of what Kafka acknowledged or rejected.
 * The producer is idempotent with acks=all and batches (linger, large batches, lz4) for high rates; its
 * blocking and delivery times are bounded, so an unreachable broker shows up as a refused send or as
 * records waiting without answer ({@link #stalled}), never as a hang.
 */
final class ReadingPublisher implements AutoCloseable {

    /** No answer for this long while records wait means the broker is gone (normally acks take ms). */
    static final Duration STALL_AFTER = Duration.ofSeconds(10);
    /** How long send() may wait for metadata or buffer space before refusing a record. */
    static final int MAX_BLOCK_MS = 5_000;

    private final String topic;
    private final Supplier<Producer<String, String>> factory;
    private Producer<String, String> producer;

    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong lastAnswerNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lastAckNanos = new AtomicLong(System.nanoTime());
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Callback callback = this::onCompletion;
    private long sent;

    /**
     * The producer reports some refusals (e.g. no metadata within max.block.ms) by calling the callback
     * inside send() on the caller's thread instead of throwing: those are not sent records.
     */
    private volatile Thread sendingThread;
    private Exception refused;

    ReadingPublisher(String topic, Supplier<Producer<String, String>> factory) {
        this.topic = topic;
        this.factory = factory;
        this.producer = factory.get();
    }

    static ReadingPublisher connect(SimulatorOptions options) {
        Map<String, Object> config = producerConfig(options.bootstrapServers(), options.kafkaSettings());
        return new ReadingPublisher(options.topic(),
                () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    /** The simulator's producer settings over the --kafka-properties ones (which never hold one of these). */
    static Map<String, Object> producerConfig(String bootstrapServers, KafkaClientSettings settings) {
        Map<String, Object> config = new HashMap<>(settings.asMap());
        config.putAll(ownProducerConfig(bootstrapServers));
        return Map.copyOf(config);
    }

    private static Map<String, Object> ownProducerConfig(String bootstrapServers) {
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "vpm-simulator"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                // Throughput: up to 20 ms of readings per batch, compressed (JSON shrinks well).
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 20),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
                // Bounded waits: send() gives up after 5 s without metadata or buffer space; a record is
                // retried for 2 minutes (a broker restart fits) before it counts as failed.
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 200),
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000));
    }

    /**
     * Hands one record to the producer.
     *
     * @return false if the producer refused it (no metadata or buffer space within max.block.ms, or the
     *     producer failed and was replaced): the caller backs off and retries the same reading
     */
    boolean send(String key, String value) {
        boolean nothingPending = pending() == 0;
        refused = null;
        sendingThread = Thread.currentThread();
        sent++; // before send(): its callback may run before send() returns
        try {
            producer.send(new ProducerRecord<>(topic, key, value), callback);
        } catch (InterruptException e) {
            sent--;
            throw e;
        } catch (KafkaException | IllegalStateException e) {
            sent--;
            // The producer itself is broken (a fatal error): its unsent records fail, a new one takes over.
            lastFailure.set("producer failed, replacing it: " + e.getMessage());
            producer.close(Duration.ZERO);
            producer = factory.get();
            return false;
        } finally {
            sendingThread = null;
        }
        if (refused != null) {
            sent--;
            lastFailure.set(describe(refused));
            return false;
        }
        if (nothingPending) {
            // The wait for an answer starts now, not before send() waited for metadata.
            lastAnswerNanos.set(System.nanoTime());
        }
        return true;
    }

    private String describe(Exception refusal) {
        if (refusal instanceof TimeoutException && String.valueOf(refusal.getMessage()).contains("metadata")) {
            return "no metadata for topic " + topic + " within " + MAX_BLOCK_MS + " ms: broker down or topic missing";
        }
        return refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
    }

    /** Records handed over and not yet acknowledged or failed for a while: the broker is not answering. */
    boolean stalled(long nowNanos) {
        return pending() > 0 && nowNanos - lastAnswerNanos.get() > STALL_AFTER.toNanos();
    }

    long sent() {
        return sent;
    }

    long acked() {
        return acked.sum();
    }

    long failed() {
        return failed.sum();
    }

    long pending() {
        return sent - acked.sum() - failed.sum();
    }

    long lastAckNanos() {
        return lastAckNanos.get();
    }

    /** Why the last send or delivery failed, for the unreachable line; null if nothing failed. */
    String lastFailure() {
        return lastFailure.get();
    }

    /** Waits up to {@code timeout} for outstanding records; what is still unsent then counts as failed. */
    void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private void onCompletion(RecordMetadata metadata, Exception error) {
        if (error != null && Thread.currentThread() == sendingThread) {
            refused = error;
            return;
        }
        long now = System.nanoTime();
        if (error == null) {
            acked.increment();
            lastAckNanos.set(now);
        } else {
            failed.increment();
            lastFailure.set(error.getClass().getSimpleName() + ": " + error.getMessage());
        }
        lastAnswerNanos.set(now);
    }
}

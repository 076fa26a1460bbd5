package io.github.vpm.bench;

import io.github.vpm.bench.systems.BrokerAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The portal's view of a system under test: a {@code read_committed} reader of its maxima and
 * dead-letter topics, on its own thread. It knows when the output is complete (every vehicle's
 * final maximum and every dead letter is visible) and, for latency runs, how long each maximum
 * took from its reading's event time (= the time it was produced) to becoming visible.
 */
final class OutputWatcher implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String outputTopic;
    private final Map<String, Long> expectedMaxima;
    private final long expectedDeadLetters;
    private final Thread thread;
    private final CountDownLatch complete = new CountDownLatch(1);

    private final Map<String, Double> lastMax;
    private volatile long measureFromEventTime = Long.MAX_VALUE;
    private final List<Long> latencies = new ArrayList<>();
    private int vehiclesComplete;
    private long deadLetters;
    private long maximaRecords;
    private long decreases;
    private volatile long completeNanos;
    private volatile long maxEventTime = Long.MIN_VALUE;
    private volatile boolean running = true;
    private volatile Throwable failure;

    /**
     * @param expectedMaxima null for latency runs (no completion, only latencies)
     */
    OutputWatcher(BrokerAccess broker, String outputTopic, String dlqTopic, Map<String, Long> expectedMaxima,
                  long expectedDeadLetters) {
        Properties p = broker.properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Short fetch waits: latency is measured when a poll returns, so it must not sit on an idle fetch.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.outputTopic = outputTopic;
        this.expectedMaxima = expectedMaxima;
        this.expectedDeadLetters = expectedDeadLetters;
        // Sized for the whole fleet up front: at 10M vehicles, growing it rehashed millions of entries
        // on the thread that competes with the system under test for the CPU.
        this.lastMax = new HashMap<>(expectedMaxima == null ? 16 : expectedMaxima.size() * 4 / 3 + 1);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(outputTopic, dlqTopic)) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::run, "output-watcher-" + outputTopic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Latency runs: only maxima set by readings with at least this event time count. */
    void measureLatencyFrom(long eventTime) {
        measureFromEventTime = eventTime;
    }

    /**
     * Starts a new latency window: forgets the samples so far, and from now on only maxima set by readings
     * with at least this event time count (the sustainable-rate search's steps, one after another).
     */
    void startLatencyWindow(long eventTime) {
        synchronized (latencies) {
            measureFromEventTime = eventTime;
            latencies.clear();
        }
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long nowMillis = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.topic().equals(outputTopic)) {
                        onMaximum(r, nowMillis);
                    } else {
                        deadLetters++;
                    }
                }
                if (expectedMaxima != null && completeNanos == 0 && vehiclesComplete == expectedMaxima.size()
                        && deadLetters >= expectedDeadLetters) {
                    completeNanos = System.nanoTime();
                    complete.countDown();
                }
            }
        } catch (Throwable t) {
            failure = t;
            complete.countDown();
        }
    }

    private void onMaximum(ConsumerRecord<byte[], byte[]> r, long nowMillis) {
        maximaRecords++;
        String vehicle = new String(r.key(), StandardCharsets.UTF_8);
        double max = pressureMax(r.value());
        Double previous = lastMax.put(vehicle, max);
        if (previous != null && max <= previous) {
            decreases++; // exactly-once promises a strictly increasing sequence per vehicle
        }
        if (expectedMaxima != null) {
            Long expected = expectedMaxima.get(vehicle);
            boolean wasComplete = previous != null && expected != null && previous == expected.doubleValue();
            if (!wasComplete && expected != null && max == expected) {
                vehiclesComplete++;
            }
        }
        if (r.timestamp() > maxEventTime) {
            maxEventTime = r.timestamp();
        }
        if (r.timestamp() >= measureFromEventTime) {
            synchronized (latencies) {
                // Checked again under the lock: a new window (startLatencyWindow) may have begun meanwhile.
                if (r.timestamp() >= measureFromEventTime) {
                    latencies.add(nowMillis - r.timestamp());
                }
            }
        }
    }

    /** The pressureMax number out of the contract's JSON, without a JSON library on the hot path. */
    static double pressureMax(byte[] json) {
        byte[] name = "\"pressureMax\"".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= json.length - name.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (json[i + j] != name[j]) {
                    continue outer;
                }
            }
            int k = i + name.length;
            while (json[k] == ':' || json[k] == ' ') {
                k++;
            }
            int start = k;
            while (k < json.length && (json[k] >= '0' && json[k] <= '9' || json[k] == '.' || json[k] == '-'
                    || json[k] == 'e' || json[k] == 'E' || json[k] == '+')) {
                k++;
            }
            return Double.parseDouble(new String(json, start, k - start, StandardCharsets.US_ASCII));
        }
        throw new IllegalStateException("no pressureMax in " + new String(json, StandardCharsets.UTF_8));
    }

    /** Waits until the output is complete; returns {@link System#nanoTime()} of that moment. */
    long awaitComplete(Duration timeout) throws InterruptedException {
        if (!complete.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("output of " + outputTopic + " incomplete after " + timeout + ": "
                    + progress());
        }
        if (failure != null) {
            throw new IllegalStateException("output watcher failed", failure);
        }
        return completeNanos;
    }

    synchronized String progress() {
        return vehiclesComplete + "/" + (expectedMaxima == null ? "?" : expectedMaxima.size())
                + " vehicles at their final maximum, " + deadLetters + "/" + expectedDeadLetters + " dead letters";
    }

    /** The latest event time among the maxima seen so far. */
    long maxEventTime() {
        return maxEventTime;
    }

    long maximaRecords() {
        return maximaRecords;
    }

    long deadLetters() {
        return deadLetters;
    }

    /** Maxima that were not above the previous one of their vehicle (0 under exactly-once). */
    long decreases() {
        return decreases;
    }

    List<Long> latencies() {
        synchronized (latencies) {
            return new ArrayList<>(latencies);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }
}

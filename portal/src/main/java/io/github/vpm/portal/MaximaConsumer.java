package io.github.vpm.portal;

import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.portal.MaximumUpdateDecoder.MalformedRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted maxima topic into the {@link MaximaView}. On every start it assigns all
 * partitions and reads them from the beginning ({@code read_committed}, no consumer group, no
 * commits), so a restart rebuilds the view from what compaction kept. An unreachable broker or a
 * missing topic is retried forever with an occasional log line; the page keeps serving meanwhile.
 */
public final class MaximaConsumer implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MaximaConsumer.class);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROGRESS_CHECK_INTERVAL = Duration.ofSeconds(2);
    private static final Duration PARTITION_CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Waiting is logged when it starts and then at most this often, not on every retry. */
    private static final Duration WAIT_LOG_INTERVAL = Duration.ofMinutes(1);

    private final String bootstrapServers;
    private final KafkaClientSettings kafkaSettings;
    private final String topic;
    private final MaximaView view;
    private final FeedStatus status;
    private final MaximumUpdateDecoder decoder;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean started;
    private Instant lastWaitLog = Instant.MIN;
    private String lastWaitReason = "";
    private long waitAttempts;

    public MaximaConsumer(String bootstrapServers, KafkaClientSettings kafkaSettings, String topic, MaximaView view,
                          FeedStatus status, MaximumUpdateDecoder decoder) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaSettings = kafkaSettings;
        this.topic = topic;
        this.view = view;
        this.status = status;
        this.decoder = decoder;
    }

    /** The portal's own settings over the --kafka-properties ones (which never hold one of these). */
    static Properties consumerProperties(String bootstrapServers, KafkaClientSettings kafkaSettings) {
        Properties p = kafkaSettings.asProperties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "vpm-portal");
        // Only committed maxima: an aborted transaction of the job must never show on the page.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // No group: partitions are assigned by hand and always read from the beginning.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Topics are created by the deployment (CONTRACT), never by a reader.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    @Override
    public void run() {
        started = true;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties(bootstrapServers, kafkaSettings))) {
            consumer = c;
            if (stopRequested.getCount() == 0) {
                return;
            }
            readForever(c);
        } catch (WakeupException e) {
            // close() asked us to stop while blocked in the client.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("maxima feed stopped: {}", e.toString(), e);
            throw e;
        } finally {
            status.moveTo(FeedStatus.State.STOPPED, "portal shut down");
            finished.countDown();
        }
    }

    private void readForever(KafkaConsumer<String, String> c) throws InterruptedException {
        Set<TopicPartition> assigned = new HashSet<>();
        Duration backoff = Duration.ofMillis(500);
        long nextPartitionCheck = 0;
        long nextProgressCheck = 0;
        while (!stopping()) {
            long now = System.nanoTime();
            if (assigned.isEmpty() || now >= nextPartitionCheck) {
                Set<TopicPartition> found = partitions(c);
                if (found == null) {
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    continue;
                }
                backoff = Duration.ofMillis(500);
                nextPartitionCheck = now + PARTITION_CHECK_INTERVAL.toNanos();
                Set<TopicPartition> added = new HashSet<>(found);
                added.removeAll(assigned);
                if (!added.isEmpty()) {
                    assigned.addAll(added);
                    c.assign(assigned);
                    c.seekToBeginning(added);
                    LOG.info("reading {} from the beginning: {} partition(s) at {}", topic, assigned.size(),
                            bootstrapServers);
                    if (status.state() != FeedStatus.State.LIVE) {
                        status.moveTo(FeedStatus.State.LOADING, "reading " + topic + " from the beginning");
                    }
                    nextProgressCheck = 0;
                }
            }
            ConsumerRecords<String, String> records = c.poll(POLL_TIMEOUT);
            for (ConsumerRecord<String, String> record : records) {
                handle(record);
            }
            // While loading, an empty poll may mean "caught up": check at once rather than on the next tick.
            boolean maybeCaughtUp = records.isEmpty() && status.state() == FeedStatus.State.LOADING;
            if (maybeCaughtUp || System.nanoTime() >= nextProgressCheck) {
                checkProgress(c, assigned);
                nextProgressCheck = System.nanoTime() + PROGRESS_CHECK_INTERVAL.toNanos();
            }
        }
    }

    /** The topic's partitions, or null (after saying why) when the broker or topic is not there. */
    private Set<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        try {
            List<PartitionInfo> infos = c.partitionsFor(topic, METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                waiting("topic " + topic + " does not exist yet at " + bootstrapServers);
                return null;
            }
            return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).collect(Collectors.toSet());
        } catch (TimeoutException e) {
            waiting("no answer from " + bootstrapServers + " about topic " + topic);
            return null;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            waiting("cannot read topic " + topic + " at " + bootstrapServers + ": " + e.getMessage());
            return null;
        }
    }

    private void checkProgress(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        try {
            // read_committed: end offsets are the last stable offsets, where this consumer stops too.
            Map<TopicPartition, Long> ends = c.endOffsets(assigned, METADATA_TIMEOUT);
            long behind = 0;
            for (TopicPartition tp : assigned) {
                behind += Math.max(0, ends.getOrDefault(tp, 0L) - c.position(tp, METADATA_TIMEOUT));
            }
            if (behind == 0) {
                if (status.state() != FeedStatus.State.LIVE) {
                    LOG.info("caught up with {}: {} vehicle(s)", topic, view.size());
                }
                status.moveTo(FeedStatus.State.LIVE, "live from " + topic);
                waitAttempts = 0;
            } else if (status.state() != FeedStatus.State.LIVE) {
                status.moveTo(FeedStatus.State.LOADING, "reading " + topic + " from the beginning");
            }
        } catch (TimeoutException e) {
            waiting("lost the broker at " + bootstrapServers);
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        status.countRecord();
        if (record.value() == null) {
            // A tombstone: the vehicle was deleted from the compacted topic.
            if (record.key() != null) {
                view.remove(record.key());
            }
            return;
        }
        try {
            view.apply(decoder.decode(record.value()));
        } catch (MalformedRecordException e) {
            status.countMalformed();
            LOG.warn("skipping malformed record {}-{}@{} (key {}): {}; value: {}", record.topic(),
                    record.partition(), record.offset(), oneLine(record.key(), 80), oneLine(e.getMessage(), 200),
                    oneLine(record.value(), 200));
        }
    }

    private void waiting(String reason) {
        waitAttempts++;
        status.moveTo(FeedStatus.State.WAITING, reason);
        Instant now = Instant.now();
        if (!reason.equals(lastWaitReason) || now.isAfter(lastWaitLog.plus(WAIT_LOG_INTERVAL))) {
            LOG.warn("waiting for Kafka: {} (attempt {}; retrying)", reason, waitAttempts);
            lastWaitLog = now;
            lastWaitReason = reason;
        }
    }

    private void sleep(Duration d) throws InterruptedException {
        stopRequested.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String oneLine(String s, int max) {
        if (s == null) {
            return "null";
        }
        String flat = s.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    /** Stops the feed and waits (bounded) for the consumer to close. Safe to call more than once. */
    @Override
    public void close() {
        stopRequested.countDown();
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (!started) {
            return;
        }
        try {
            if (!finished.await(15, TimeUnit.SECONDS)) {
                LOG.warn("maxima consumer did not stop within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

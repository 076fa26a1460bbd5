package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The bookkeeping around the producer, with Kafka's MockProducer; the real broker paths are in the ITs. */
class ReadingPublisherTest {

    private final MockProducer<String, String> producer =
            new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
    private final ReadingPublisher publisher = new ReadingPublisher("readings", () -> producer);

    @Test
    void countsWhatKafkaAcknowledgesAndRejects() {
        assertThat(publisher.send("s1", "v1")).isTrue();
        assertThat(publisher.send("s2", "v2")).isTrue();
        assertThat(publisher.send("s3", "v3")).isTrue();
        assertThat(publisher.pending()).isEqualTo(3);
        producer.completeNext();
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        assertThat(publisher.sent()).isEqualTo(3);
        assertThat(publisher.acked()).isEqualTo(1);
        assertThat(publisher.failed()).isEqualTo(1);
        assertThat(publisher.pending()).isEqualTo(1);
        assertThat(publisher.lastFailure()).contains("Expiring 1 record(s)");
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("readings");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("s1", "s2", "s3");
    }

    @Test
    void stalledOnlyWhileRecordsWaitWithoutAnswer() {
        long now = System.nanoTime();
        long later = now + Duration.ofMinutes(1).toNanos();
        assertThat(publisher.stalled(later)).isFalse(); // nothing waiting
        publisher.send("s1", "v1");
        assertThat(publisher.stalled(System.nanoTime())).isFalse();
        assertThat(publisher.stalled(later)).isTrue();
        producer.completeNext();
        assertThat(publisher.stalled(later)).isFalse();
    }

    @Test
    void aRefusalReportedThroughTheCallbackIsNotASentRecord() {
        ReadingPublisher refusing = new ReadingPublisher("readings",
                () -> new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record,
                                                                    Callback callback) {
                        // What KafkaProducer does when no metadata arrives within max.block.ms.
                        TimeoutException e = new TimeoutException("Topic readings not present in metadata after 5000 ms.");
                        callback.onCompletion(null, e);
                        return CompletableFuture.failedFuture(e);
                    }
                });
        assertThat(refusing.send("s1", "v1")).isFalse();
        assertThat(refusing.sent()).isZero();
        assertThat(refusing.failed()).isZero();
        assertThat(refusing.pending()).isZero();
        assertThat(refusing.lastFailure()).isEqualTo(
                "no metadata for topic readings within 5000 ms: broker down or topic missing");
    }

    @Test
    void aBrokenProducerIsReplaced() {
        int[] created = {0};
        ReadingPublisher replacing = new ReadingPublisher("readings", () -> {
            created[0]++;
            MockProducer<String, String> p = new MockProducer<>(true, null, new StringSerializer(),
                    new StringSerializer());
            if (created[0] == 1) {
                p.close(); // send() on a closed producer throws IllegalStateException
            }
            return p;
        });
        assertThat(replacing.send("s1", "v1")).isFalse();
        assertThat(replacing.lastFailure()).startsWith("producer failed, replacing it:");
        assertThat(created[0]).isEqualTo(2);
        assertThat(replacing.send("s1", "v1")).isTrue();
        assertThat(replacing.acked()).isEqualTo(1);
    }
}

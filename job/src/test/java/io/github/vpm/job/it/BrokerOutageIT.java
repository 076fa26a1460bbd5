package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through a broker outage longer than the checkpoint timeout: checkpoints fail, the
 * job fails over and retries while the broker is gone, and its transactions (pre-committed but not
 * yet committed, or still open) must outlive all of that. Afterwards a read_committed reader sees
 * every maximum exactly once, strictly increasing, the last one the true maximum: none of them
 * lost to a transaction the broker aborted ("most likely signals data loss").
 *
 * <p>The timeouts are scaled down by the job's own options, keeping its rule: transaction timeout
 * 1 min > checkpoint timeout 5 s + 2 x interval 1 s + restart back-off 2 s.
 */
class BrokerOutageIT {

    private static final int PARALLELISM = 2;
    private static final Duration CHECKPOINT_TIMEOUT = Duration.ofSeconds(5);
    /** Three checkpoint timeouts: long enough for checkpoints to time out and the job to fail over. */
    private static final Duration OUTAGE = CHECKPOINT_TIMEOUT.multipliedBy(3);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    @Test
    void staysExactThroughABrokerOutageLongerThanTheCheckpointTimeout(@InjectMiniCluster MiniCluster miniCluster,
                                                                       @TempDir Path tmp) throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "outage", 2024L, Map.of(
                "checkpoint-timeout", CHECKPOINT_TIMEOUT.toSeconds() + "s",
                "restart-max-backoff", "2s",
                "transaction-timeout", "1min"));

        s.feed().send(s.data().phase1());
        try (JobRun job = s.start(PARALLELISM, null)) {
            s.awaitMaximaOfEverythingSent();

            // New maxima in flight (in open transactions) when the broker goes away.
            s.feed().send(s.data().phase2FirstHalf());
            KAFKA.stopBroker();
            Thread.sleep(OUTAGE.toMillis());
            assertThat(job.failedCheckpoints() > 0 || job.restarted())
                    .as("checkpoints failed or the job failed over during the outage").isTrue();
            KAFKA.startBroker();

            s.feed().send(s.data().phase2SecondHalf());
            s.assertExactOutputAndDeadLetters();
            assertThat(job.restarted()).as("the job failed over during the outage").isTrue();
        }
    }
}

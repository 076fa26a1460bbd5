package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through a crash: a TaskManager dies while records are in flight, the job restarts
 * from its last checkpoint and replays; a read_committed reader still sees no repeated or lower
 * maximum, the exact final maxima, and one dead letter per invalid input. Then 30 more checkpoints
 * leave the broker with no more than a few transactional ids per subtask and sink (POOLING).
 */
class FailureRecoveryIT {

    private static final int PARALLELISM = 3;
    private static final int POOLING_CHECKPOINTS = 30;

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    @Test
    void staysExactThroughATaskManagerLoss(@InjectMiniCluster MiniCluster miniCluster, @TempDir Path tmp)
            throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "failover", 4711L);

        s.feed().send(s.data().phase1());
        try (JobRun job = s.start(PARALLELISM, null)) {
            // Committed output means a checkpoint completed; wait for one more so the job has
            // state and source offsets to restore beyond the very first checkpoint.
            s.awaitMaximaOfEverythingSent();
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + 1);

            // Records in flight and transactions open when the TaskManager goes.
            s.feed().send(s.data().phase2FirstHalf());
            killTaskManagersUntilTheJobFailsOver(miniCluster, job);
            s.feed().send(s.data().phase2SecondHalf());

            s.assertExactOutputAndDeadLetters();
            assertThat(job.restarted()).isTrue();
            assertThat(job.restoredFrom()).as("state restored from a checkpoint").isPresent();

            // One transactional id per checkpoint would be 30 more per subtask and sink by now.
            job.awaitCompletedCheckpoints(job.completedCheckpoints() + POOLING_CHECKPOINTS);
            OutputChecks.assertPooledTransactionalIds(s.transactionalIds(), PARALLELISM);
        }
    }

    /**
     * Terminates one TaskManager after the other (each replaced by a fresh one) until the job
     * fails over: usually the first one already runs part of the job.
     */
    private static void killTaskManagersUntilTheJobFailsOver(MiniCluster miniCluster, JobRun job) throws Exception {
        for (int i = 0; i < FlinkLab.TASK_MANAGERS; i++) {
            miniCluster.terminateTaskManager(i).get(60, TimeUnit.SECONDS);
            miniCluster.startTaskManager();
            try {
                JobRun.await("a failover after TaskManager " + i + " was terminated", Duration.ofSeconds(30),
                        job::restarted);
            } catch (AssertionError noTaskThere) {
                continue;
            }
            job.awaitRunningAfterRestart(Duration.ofSeconds(120));
            return;
        }
        throw new AssertionError("no TaskManager loss made the job fail over");
    }
}

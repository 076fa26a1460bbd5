package io.github.vpm.job.it;

import io.github.vpm.job.JobOptions;
import io.github.vpm.job.MaxPressureJob;
import io.github.vpm.testkit.ContractTopics;
import io.github.vpm.testkit.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job as the tests run it: options parsed with {@link JobOptions#parse}, environment and
 * pipeline from {@link MaxPressureJob}, submitted to the MiniCluster of the test's
 * {@code MiniClusterExtension}. Closing it cancels the job and waits until it is gone.
 */
final class JobRun implements AutoCloseable {

    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    /** Bound for each wait on the job; generous for a loaded two-core machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final JobClient client;
    private final MiniCluster miniCluster;

    private JobRun(JobClient client, MiniCluster miniCluster) {
        this.client = client;
        this.miniCluster = miniCluster;
    }

    /**
     * The job's arguments for one test: its own topics, consumer group and transactional ids, a
     * one-second checkpoint interval and checkpoints under {@code checkpoints}. Replace a value
     * with {@link #withOption}.
     */
    static List<String> args(KafkaCluster kafka, ContractTopics topics, String runId, Path checkpoints) {
        return new ArrayList<>(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--input-topic", topics.input(),
                "--output-topic", topics.output(),
                "--dlq-topic", topics.dlq(),
                "--group-id", "it-" + runId,
                "--transactional-id-prefix", "it-" + runId,
                "--checkpoint-interval", CHECKPOINT_INTERVAL.toMillis() + "ms",
                "--checkpoint-dir", checkpoints.toUri().toString(),
                // Generous for a loaded two-core machine, and short enough for the timeout below.
                "--checkpoint-timeout", "30s",
                "--restart-max-backoff", "10s",
                // The tests that break checkpoints (a broker outage) expect the restart they cause.
                "--tolerable-failed-checkpoints", "0",
                // Above checkpoint timeout + 2 intervals + restart back-off (the job's rule), and short
                // enough that a transaction a test leaves open cannot stall read_committed readers for long.
                "--transaction-timeout", "2min"));
    }

    /** {@code args} with option {@code --name} set to {@code value} (replaced if present). */
    static List<String> withOption(List<String> args, String name, String value) {
        List<String> result = new ArrayList<>(args);
        int at = result.indexOf("--" + name);
        if (at >= 0) {
            result.set(at + 1, value);
        } else {
            result.addAll(List.of("--" + name, value));
        }
        return result;
    }

    /** Starts the job; {@code savepoint} (may be null) is the state to start from. */
    static JobRun start(MiniCluster miniCluster, List<String> args, int parallelism, String savepoint)
            throws Exception {
        return start(miniCluster, args, parallelism, savepoint, new Configuration());
    }

    /** The same with {@code extra} Flink settings for the job. */
    static JobRun start(MiniCluster miniCluster, List<String> args, int parallelism, String savepoint,
                        Configuration extra) throws Exception {
        JobOptions options = JobOptions.parse(args.toArray(String[]::new));
        Configuration conf = new Configuration(extra);
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        MaxPressureJob.configureEnvironment(env, options);
        env.setParallelism(parallelism);
        MaxPressureJob.buildPipeline(env, options);
        return new JobRun(env.executeAsync("max-pressure-it-p" + parallelism), miniCluster);
    }

    JobID id() {
        return client.getJobID();
    }

    JobStatus status() throws Exception {
        return client.getJobStatus().get(10, TimeUnit.SECONDS);
    }

    long completedCheckpoints() throws Exception {
        return graph().getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
    }

    long failedCheckpoints() throws Exception {
        return graph().getCheckpointStatsSnapshot().getCounts().getNumberOfFailedCheckpoints();
    }

    void awaitCompletedCheckpoints(long atLeast) throws Exception {
        await("at least " + atLeast + " completed checkpoints", TIMEOUT, () -> completedCheckpoints() >= atLeast);
    }

    /** The checkpoint or savepoint the job last restored its state from, if any. */
    Optional<String> restoredFrom() throws Exception {
        return Optional.ofNullable(graph().getCheckpointStatsSnapshot().getLatestRestoredCheckpoint())
                .map(RestoredCheckpointStats::getExternalPath);
    }

    /** True once some task runs in a later attempt than its first, i.e. the job failed over. */
    boolean restarted() throws Exception {
        for (AccessExecutionVertex v : graph().getAllExecutionVertices()) {
            if (v.getCurrentExecutionAttempt().getAttemptNumber() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the job runs again after a failover, all of its tasks. */
    void awaitRunningAfterRestart(Duration timeout) throws Exception {
        await("job running again after a restart", timeout, () -> restarted() && allTasksRunning());
    }

    boolean allTasksRunning() throws Exception {
        AccessExecutionGraph g = graph();
        if (g.getState() != JobStatus.RUNNING) {
            return false;
        }
        for (AccessExecutionVertex v : g.getAllExecutionVertices()) {
            if (v.getExecutionState() != ExecutionState.RUNNING) {
                return false;
            }
        }
        return true;
    }

    void awaitAllTasksRunning() throws Exception {
        await("all tasks running", TIMEOUT, this::allTasksRunning);
    }

    /** Stops the job with a savepoint under {@code dir} and returns the savepoint's path. */
    String stopWithSavepoint(Path dir) throws Exception {
        String path = client.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        awaitTerminal();
        return path;
    }

    private AccessExecutionGraph graph() throws Exception {
        return miniCluster.getArchivedExecutionGraph(id()).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        JobStatus status = status();
        if (!status.isGloballyTerminalState()) {
            client.cancel().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        awaitTerminal();
    }

    private void awaitTerminal() throws Exception {
        await("job " + id() + " terminated", TIMEOUT, () -> status().isGloballyTerminalState());
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}

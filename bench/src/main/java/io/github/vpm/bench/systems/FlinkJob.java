package io.github.vpm.bench.systems;

import io.github.vpm.job.JobOptions;
import io.github.vpm.job.MaxPressureJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job itself: {@link JobOptions#parse}, {@link MaxPressureJob#configureEnvironment} and
 * {@link MaxPressureJob#buildPipeline} exactly as {@code main} uses them (RocksDB, incremental
 * checkpoints, exactly-once unless told otherwise), on a fresh MiniCluster of one TaskManager with
 * {@value #PARALLELISM} slots, at parallelism {@value #PARALLELISM}.
 */
public final class FlinkJob implements SystemUnderTest {

    public static final int PARALLELISM = 2;
    /** Managed memory (RocksDB's) of one TaskManager as dist/flink configures it; see the constructor. */
    static final MemorySize SHIPPED_TASKMANAGER_MANAGED_MEMORY = MemorySize.parse("512m");

    private final MiniCluster cluster;
    private final JobID jobId;
    private final Path checkpoints;
    private final long submittedNanos;
    private long readyNanos;

    /** @param extraArgs job options on top of the run's topics and ids, e.g. the delivery guarantee */
    public FlinkJob(RunSpec spec, List<String> extraArgs) throws Exception {
        this(spec, extraArgs, null);
    }

    /**
     * @param savepoint a savepoint (or retained checkpoint) to start from, as {@code flink run -s} does;
     *                  null for an empty start
     */
    public FlinkJob(RunSpec spec, List<String> extraArgs, String savepoint) throws Exception {
        checkpoints = Files.createTempDirectory("vpm-bench-checkpoints-");
        List<String> args = new ArrayList<>(spec.broker().jobArgs());
        args.addAll(List.of(
                "--input-topic", spec.inputTopic(),
                "--output-topic", spec.outputTopic(),
                "--dlq-topic", spec.dlqTopic(),
                "--group-id", spec.runId(),
                "--transactional-id-prefix", spec.runId(),
                "--checkpoint-dir", checkpoints.toUri().toString()));
        args.addAll(extraArgs);
        JobOptions options = JobOptions.parse(args.toArray(String[]::new));

        // Any free port for the REST endpoint: a restored job's cluster starts beside the stopped one
        // (--scale), and 8081 may belong to someone else on this machine.
        Configuration clusterConfig = new Configuration();
        clusterConfig.set(RestOptions.BIND_PORT, "0");
        // RocksDB's memory as a shipped TaskManager gives its two slots (dist/flink's config.yaml:
        // 1728m process, 0.4 managed -> 512m), not the MiniCluster's 128m default: with that, at
        // 10M vehicles every state read went to the page cache through a system call.
        clusterConfig.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, SHIPPED_TASKMANAGER_MANAGED_MEMORY);
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(clusterConfig)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(PARALLELISM)
                .build());
        cluster.start();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        MaxPressureJob.configureEnvironment(env, options);
        env.setParallelism(PARALLELISM);
        MaxPressureJob.buildPipeline(env, options);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
        }
        submittedNanos = System.nanoTime();
        jobId = cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
    }

    /**
     * Milliseconds from submitting the job to every task running. Tasks only switch to RUNNING after
     * they have restored their state, so with a savepoint this is the restore time (plus scheduling).
     */
    public long startMillis() {
        return (readyNanos - submittedNanos) / 1_000_000;
    }

    /**
     * Triggers a checkpoint of the configured kind (incremental on RocksDB, the job's default) and
     * waits for it: its figures as Flink's checkpoint statistics report them.
     */
    public CheckpointFigures checkpoint(Duration timeout) throws Exception {
        long id = cluster.triggerCheckpoint(jobId, CheckpointType.CONFIGURED)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        AbstractCheckpointStats stats = graph().getCheckpointStatsSnapshot().getHistory().getCheckpointById(id);
        if (stats == null) {
            throw new IllegalStateException("no statistics for checkpoint " + id);
        }
        return new CheckpointFigures(id, stats.getEndToEndDuration(), stats.getCheckpointedSize(),
                stats.getStateSize());
    }

    /**
     * One completed checkpoint: how long it took from trigger to the last acknowledgement, what it
     * wrote (for an incremental checkpoint only the new files) and the full state it stands for.
     */
    public record CheckpointFigures(long id, long durationMillis, long checkpointedBytes, long stateBytes) {}

    /** Stops the job with a canonical savepoint in {@code directory}, as {@code flink stop} does; its path. */
    public String stopWithSavepoint(Path directory, Duration timeout) throws Exception {
        return cluster.stopWithSavepoint(jobId, directory.toUri().toString(), false, SavepointFormatType.CANONICAL)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until every task of the job runs, i.e. the sources are about to read. */
    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allTasksRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job not running after " + timeout + ": " + describe());
            }
            Thread.sleep(5);
        }
        readyNanos = System.nanoTime();
    }

    private boolean allTasksRunning() throws Exception {
        AccessExecutionGraph graph = graph();
        if (graph.getState() != JobStatus.RUNNING) {
            if (graph.getState().isGloballyTerminalState()) {
                throw new IllegalStateException("job ended: " + graph.getState() + " "
                        + graph.getFailureInfo());
            }
            return false;
        }
        for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            if (v.getExecutionState() != ExecutionState.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private AccessExecutionGraph graph() throws Exception {
        return cluster.getExecutionGraph(jobId).get(10, TimeUnit.SECONDS);
    }

    /** Fails loudly if the job has failed or restarted: a benchmark of a failing job means nothing. */
    public void requireHealthy() throws Exception {
        AccessExecutionGraph graph = graph();
        if (graph.getState() != JobStatus.RUNNING) {
            throw new IllegalStateException("job is " + graph.getState() + ": " + graph.getFailureInfo());
        }
        for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            if (v.getCurrentExecutionAttempt().getAttemptNumber() > 0) {
                throw new IllegalStateException("job restarted during the run: " + graph.getFailureInfo());
            }
        }
    }

    public long completedCheckpoints() throws Exception {
        return graph().getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
    }

    @Override
    public long readyNanos() {
        return readyNanos;
    }

    @Override
    public String describe() {
        try {
            AccessExecutionGraph graph = graph();
            return "Flink MiniCluster p=" + PARALLELISM + ", state backend "
                    + graph.getStateBackendName().orElse("?") + ", checkpoint storage "
                    + graph.getCheckpointStorageName().orElse("?") + ", checkpoints completed "
                    + graph.getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
        } catch (Exception e) {
            return "Flink MiniCluster (" + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (!cluster.getJobStatus(jobId).get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
                cluster.cancelJob(jobId).get(60, TimeUnit.SECONDS);
                cluster.requestJobResult(jobId).get(60, TimeUnit.SECONDS);
            }
        } finally {
            cluster.close();
            try (Stream<Path> paths = Files.walk(checkpoints)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

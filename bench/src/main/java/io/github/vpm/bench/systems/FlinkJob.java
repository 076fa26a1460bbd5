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
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
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

    private final MiniCluster cluster;
    private final JobID jobId;
    private final Path checkpoints;
    private long readyNanos;

    /** @param extraArgs job options on top of the run's topics and ids, e.g. the delivery guarantee */
    public FlinkJob(RunSpec spec, List<String> extraArgs) throws Exception {
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

        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(new Configuration())
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(PARALLELISM)
                .build());
        cluster.start();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
        MaxPressureJob.configureEnvironment(env, options);
        env.setParallelism(PARALLELISM);
        MaxPressureJob.buildPipeline(env, options);
        jobId = cluster.submitJob(env.getStreamGraph().getJobGraph()).get(60, TimeUnit.SECONDS).getJobID();
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

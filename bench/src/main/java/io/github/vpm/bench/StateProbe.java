package io.github.vpm.bench;

import io.github.vpm.bench.systems.BrokerAccess;
import io.github.vpm.bench.systems.FlinkJob;
import io.github.vpm.bench.systems.FlinkJob.CheckpointFigures;
import io.github.vpm.bench.systems.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code --scale} measures of the job's state once a fleet's backlog is processed (every
 * vehicle then has state): one incremental checkpoint taken while a live load changes that state,
 * then a savepoint of it (the job stopped as {@code flink stop} does) and the time a fresh job takes
 * to restore from that savepoint until every task runs.
 */
final class StateProbe implements BenchHarness.JobProbe {

    /** The load runs this long before the checkpoint is triggered, so the checkpoint meets a busy job. */
    private static final long LOAD_BEFORE_CHECKPOINT_MILLIS = 2_000;
    /** Upper bound of the load; it is stopped as soon as the checkpoint completes. */
    private static final int MAX_LOAD_SECONDS = 3_600;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final BrokerAccess broker;
    private final int vehicles;
    private final int sensorsPerVehicle;
    private final int loadRate;

    private CheckpointFigures checkpoint;
    private long restoreMillis = -1;

    StateProbe(BrokerAccess broker, int vehicles, int sensorsPerVehicle, int loadRate) {
        this.broker = broker;
        this.vehicles = vehicles;
        this.sensorsPerVehicle = sensorsPerVehicle;
        this.loadRate = loadRate;
    }

    @Override
    public void atCompletion(FlinkJob job, RunSpec spec) throws Exception {
        long emptyStartMillis = job.startMillis();
        // The same live readings as the latency runs, on the fleet's own input: the job is processing
        // them (and changing the fleet's state) while the checkpoint runs.
        PacedLoad load = new PacedLoad(broker, spec.inputTopic(), vehicles, sensorsPerVehicle, loadRate);
        FutureTask<Double> sending = new FutureTask<>(() -> load.run(MAX_LOAD_SECONDS, vehicles));
        Thread sender = new Thread(sending, "scale-load");
        sender.setDaemon(true);
        sender.start();
        try {
            Thread.sleep(LOAD_BEFORE_CHECKPOINT_MILLIS);
            checkpoint = job.checkpoint(TIMEOUT);
        } finally {
            load.stop();
        }
        double achieved = sending.get(60, TimeUnit.SECONDS);
        BenchHarness.log(String.format("  checkpoint %d under %.0f readings/s: %d ms, %d bytes written, full state %d"
                + " bytes", checkpoint.id(), achieved, checkpoint.durationMillis(), checkpoint.checkpointedBytes(),
                checkpoint.stateBytes()));

        Path directory = Files.createTempDirectory("vpm-bench-savepoint-");
        try {
            long start = System.nanoTime();
            String savepoint = job.stopWithSavepoint(directory, TIMEOUT);
            BenchHarness.log(String.format("  savepoint (canonical) in %d ms, %d bytes on disk",
                    (System.nanoTime() - start) / 1_000_000, sizeOf(directory)));
            try (FlinkJob restored = new FlinkJob(spec, List.of(), savepoint)) {
                restored.awaitReady(TIMEOUT);
                restored.requireHealthy();
                restoreMillis = restored.startMillis();
            }
            BenchHarness.log("  restored from the savepoint: every task running " + restoreMillis
                    + " ms after submission (the empty start of this run: " + emptyStartMillis + " ms)");
        } finally {
            delete(directory);
        }
    }

    CheckpointFigures checkpoint() {
        if (checkpoint == null) {
            throw new IllegalStateException("no checkpoint measured");
        }
        return checkpoint;
    }

    long restoreMillis() {
        return restoreMillis;
    }

    static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

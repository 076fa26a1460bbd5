package io.github.vpm.bench;

import io.github.vpm.bench.BenchHarness.Backlog;
import io.github.vpm.bench.BenchOptions.Scale;
import io.github.vpm.bench.data.DataSet;
import io.github.vpm.bench.report.Report;
import io.github.vpm.bench.report.Report.ThroughputResult;
import io.github.vpm.bench.report.ScaleChart;
import io.github.vpm.bench.report.ScaleLine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/run --scale}: for each fleet size, a backlog of {@value Scale#READINGS_PER_VEHICLE}
 * readings per vehicle through the ceiling and the job (its defaults), round after round on the
 * harness's broker, then the job's state figures ({@link StateProbe}) after its last run; one
 * {@link ScaleLine} per size. Each fleet's input topic is dropped once measured, so only one fleet's
 * backlog is on disk (and its expectation on the heap) at a time.
 */
final class ScaleBench {

    private final BenchOptions options;
    private final Scale scale;
    private final BenchHarness harness;

    ScaleBench(BenchOptions options, BenchHarness harness) {
        this.options = options;
        this.scale = options.scale().orElseThrow();
        this.harness = harness;
    }

    void run() throws Exception {
        BenchHarness.log("machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
                + System.getProperty("java.version") + ", max heap " + mb(Runtime.getRuntime().maxMemory())
                + " MB, load " + BenchHarness.loadAverage());
        BenchHarness.log("broker " + harness.broker().describe() + "; fleets " + scale.vehicles());
        Files.createDirectories(options.out());
        StringBuilder text = new StringBuilder();
        List<ScaleLine> lines = new ArrayList<>();
        for (int fleet : scale.vehicles()) {
            lines.add(measure(fleet, text));
            // Printed as soon as a size is done: the largest takes long, the smaller ones are worth having.
            System.out.println(lines.get(lines.size() - 1).format());
            // Redrawn after each size, so that a run stopped during the largest keeps the others' chart.
            ScaleChart.write(lines, options.out().resolve("scale.png"));
        }
        text.append('\n');
        lines.forEach(line -> text.append(line.format()).append('\n'));
        Files.writeString(options.out().resolve("scale.txt"), text);
        BenchHarness.log("results: " + options.out().resolve("scale.txt") + ", chart: "
                + options.out().resolve("scale.png"));
    }

    private ScaleLine measure(int fleet, StringBuilder text) throws Exception {
        String topic = "bench-scale-" + fleet;
        long readings = (long) fleet * Scale.READINGS_PER_VEHICLE;
        int runs = scale.runsFor(fleet);
        BenchHarness.log("fleet of " + fleet + " vehicles: " + readings + " readings, " + runs + " run(s), load "
                + BenchHarness.loadAverage());
        List<ThroughputResult> results = new ArrayList<>();
        StateProbe probe = new StateProbe(harness.broker(), fleet, options.sensorsPerVehicle(), options.latencyRate());
        try {
            // Event times end about now, one millisecond apart, as in the default set.
            Backlog backlog = harness.prefill(topic, DataSet.fleet(fleet, Scale.READINGS_PER_VEHICLE,
                    options.sensorsPerVehicle(), options.invalidRatio(), options.seed(),
                    System.currentTimeMillis() - readings));
            // The expectation is what the harness holds per vehicle; the ceiling's map and the watcher's
            // are of the same shape (a String key and a boxed number per vehicle), see BENCHMARKS.md.
            BenchHarness.log("  heap after GC with the fleet's expectation: " + usedHeapAfterGcMb() + " MB");
            for (int round = 1; round <= runs; round++) {
                results.add(harness.throughputRun(Systems.CEILING, round, runs, backlog, null));
                results.add(harness.throughputRun(Systems.JOB, round, runs, backlog, round == runs ? probe : null));
            }
        } finally {
            harness.deleteTopic(topic);
        }
        text.append("== fleet: ").append(fleet).append(" vehicles ==\n").append(new Report(readings, results,
                List.of(), options.latencyRate()).render("data: " + fleet + " vehicles x " + options.sensorsPerVehicle()
                + " sensors, " + readings + " readings (each vehicle once, then at random), " + options.invalidRatio()
                + " invalid, seed " + options.seed() + "; load average at the end " + BenchHarness.loadAverage()))
                .append('\n');
        return ScaleLine.of(fleet, readings, results, probe.checkpoint().durationMillis(),
                probe.checkpoint().checkpointedBytes(), probe.checkpoint().stateBytes(), probe.restoreMillis());
    }

    private static long usedHeapAfterGcMb() {
        System.gc();
        return mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}

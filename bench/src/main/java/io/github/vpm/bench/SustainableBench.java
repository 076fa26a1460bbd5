package io.github.vpm.bench;

import io.github.vpm.bench.BenchHarness.Backlog;
import io.github.vpm.bench.BenchOptions.Sustainable;
import io.github.vpm.bench.data.DataSet;
import io.github.vpm.bench.report.SustainableLine;
import io.github.vpm.bench.sustainable.RateSteps;
import io.github.vpm.bench.sustainable.StepVerdict;
import io.github.vpm.bench.systems.FlinkJob;
import io.github.vpm.bench.systems.KafkaStreamsPeer;
import io.github.vpm.bench.systems.RunSpec;
import io.github.vpm.bench.systems.SystemUnderTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code bench/run --sustainable} (and the end of {@code --scale}): the highest constant input rate the
 * job (exactly-once, 1 s checkpoints) and the Kafka Streams peer (its exactly-once defaults) each keep up
 * with on a fleet. Per system: a fresh input topic holding one reading per vehicle, the system started on
 * it and waited for until every vehicle's maximum is visible (so its state holds the whole fleet); then,
 * both systems up and taking turns step by step, steps of a live load ({@link PacedLoad}, event time = send time) at the rates {@link RateSteps} gives,
 * each judged by {@link StepVerdict} on the latencies the {@link OutputWatcher} measured. One
 * {@link SustainableLine} at the end.
 */
final class SustainableBench {

    /** How long to wait after a step for the system to work off what it fell behind by, before the next one. */
    private static final Duration DRAIN = Duration.ofSeconds(180);
    /** After the last readings' maximum is visible, stragglers on other partitions still count. */
    private static final long GRACE_MILLIS = 500;
    static final String JOB_CHECKPOINT_INTERVAL = "1s";

    private final BenchOptions options;
    private final Sustainable settings;
    private final BenchHarness harness;

    SustainableBench(BenchOptions options, BenchHarness harness) {
        this.options = options;
        this.settings = options.sustainable().orElseThrow();
        this.harness = harness;
    }

    SustainableLine run() throws Exception {
        BenchHarness.log("sustainable rate: fleet of " + settings.vehicles() + " vehicles x "
                + options.sensorsPerVehicle() + " sensors, steps from " + settings.startRate() + " readings/s x "
                + settings.factor() + ", " + settings.refinements() + " refinement(s), a failed step repeated up to "
                + settings.retries() + " time(s), max " + settings.maxRate()
                + ", " + settings.warmupSeconds() + " s warm-up + " + settings.stepSeconds() + " s measured per step,"
                + " bound " + settings.boundMillis() + " ms; " + Runtime.getRuntime().availableProcessors()
                + " cores, load " + BenchHarness.loadAverage());
        Files.createDirectories(options.out());
        // Both systems are up at once and take turns, step by step (who goes first alternates), so that a
        // change in the machine's load hits both alike; the one not stepping is idle meanwhile.
        List<Search> searches = List.of(new Search(Systems.JOB), new Search(Systems.KAFKA_STREAMS));
        try {
            for (Search search : searches) {
                search.open();
            }
            for (int turn = 0; searches.stream().anyMatch(Search::hasNext); turn++) {
                List<Search> order = turn % 2 == 0 ? searches : List.of(searches.get(1), searches.get(0));
                for (Search search : order) {
                    if (search.hasNext()) {
                        search.step();
                    }
                }
            }
        } finally {
            for (Search search : searches) {
                search.close();
            }
        }
        StringBuilder text = new StringBuilder();
        for (Search search : searches) {
            text.append(search.finish()).append('\n');
        }
        SustainableLine line = new SustainableLine(searches.get(0).steps.sustainable(),
                searches.get(1).steps.sustainable());
        text.append('\n').append(line.format()).append('\n');
        Files.writeString(options.out().resolve("sustainable.txt"), text);
        BenchHarness.log("results: " + options.out().resolve("sustainable.txt"));
        System.out.println(line.format());
        return line;
    }

    /** One system's search: its input topic, the running system, its watcher, its load and its steps. */
    private final class Search implements AutoCloseable {
        final String system;
        final String runId;
        final String label;
        final RateSteps steps = new RateSteps(settings.startRate(), settings.factor(), settings.refinements(),
                settings.maxRate(), settings.retries());
        final StringBuilder text = new StringBuilder();
        final long started = System.nanoTime();
        OutputWatcher watcher;
        SystemUnderTest sut;
        PacedLoad load;
        boolean ended;

        Search(String system) {
            this.system = system;
            this.runId = "bench-sustainable-" + system + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
            this.label = system.equals(Systems.JOB)
                    ? "job (exactly-once, " + JOB_CHECKPOINT_INTERVAL + " checkpoints)"
                    : "kafka-streams (exactly_once_v2, default commit interval)";
            text.append("== ").append(label).append(", ").append(settings.vehicles()).append(" vehicles ==\n");
        }

        /** A fresh topic with the fleet, the system started on it, and waited for until its state holds the fleet. */
        void open() throws Exception {
            BenchHarness.log("sustainable " + label + ": load " + BenchHarness.loadAverage());
            String input = runId + "-in";
            // One valid reading per vehicle, event times ending about now: the state of the whole fleet.
            Backlog fleet = harness.prefill(input, DataSet.fleet(settings.vehicles(), 1, options.sensorsPerVehicle(),
                    options.invalidRatio(), options.seed(), System.currentTimeMillis() - settings.vehicles()));
            RunSpec spec = harness.newRun(input, runId);
            watcher = new OutputWatcher(harness.broker(), spec.outputTopic(), spec.dlqTopic(),
                    fleet.expected().maxima(), fleet.expected().deadLetters());
            sut = start(system, spec);
            long loadFrom = System.nanoTime();
            watcher.awaitComplete(Duration.ofSeconds(180 + settings.vehicles() / 2_000));
            BenchHarness.log(String.format(Locale.ROOT, "  %s: the fleet's %d vehicles in its state after %.1f s;"
                    + " load %s", system, settings.vehicles(), (System.nanoTime() - loadFrom) / 1e9,
                    BenchHarness.loadAverage()));
            load = new PacedLoad(harness.broker(), input, settings.vehicles(), options.sensorsPerVehicle(),
                    (int) settings.startRate());
        }

        boolean hasNext() {
            return !ended && steps.next().isPresent();
        }

        void step() throws Exception {
            long rate = steps.next().getAsLong();
            StepOutcome outcome = SustainableBench.this.step(steps.steps() + 1, rate, load, watcher, sut);
            steps.record(rate, outcome.verdict().passed());
            text.append(outcome.line()).append('\n');
            if (!outcome.canGoOn()) {
                String end = "  the search ends: " + system + (outcome.verdict().reasons().get(0)
                        .startsWith("unhealthy") ? " is unhealthy" : " did not catch up within " + DRAIN);
                BenchHarness.log(end);
                text.append(end).append('\n');
                ended = true;
            } else if (steps.repeating()) {
                BenchHarness.log("  the step runs again before it counts as failed");
                text.append("  the step runs again before it counts as failed\n");
            }
        }

        /** Its summary, logged and added to its steps; the text for sustainable.txt. */
        String finish() {
            OptionalLong failed = steps.lowestFailed();
            String summary = String.format(Locale.ROOT, "%s: sustainable %d readings/s (lowest failed: %s) after %d"
                            + " steps, %.0f s from its start; load %s", system, steps.sustainable(),
                    failed.isPresent() ? String.valueOf(failed.getAsLong()) : "none", steps.steps(),
                    (System.nanoTime() - started) / 1e9, BenchHarness.loadAverage());
            BenchHarness.log("  " + summary);
            return text + summary + "\n";
        }

        @Override
        public void close() throws Exception {
            try {
                if (sut != null) {
                    BenchHarness.log("  " + sut.describe());
                    sut.close();
                }
            } finally {
                try {
                    if (watcher != null) {
                        watcher.close();
                    }
                } finally {
                    harness.deleteTopicsOf(runId);
                }
            }
        }
    }

    private SystemUnderTest start(String system, RunSpec spec) throws Exception {
        if (system.equals(Systems.JOB)) {
            FlinkJob job = new FlinkJob(spec, List.of("--checkpoint-interval", JOB_CHECKPOINT_INTERVAL));
            try {
                job.awaitReady(Duration.ofSeconds(120));
            } catch (Exception e) {
                job.close();
                throw e;
            }
            return job;
        }
        KafkaStreamsPeer peer = new KafkaStreamsPeer(spec);
        try {
            peer.awaitReady(Duration.ofSeconds(120));
        } catch (Exception e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** {@code canGoOn}: the system caught up and is healthy, so the next step starts from a clean slate. */
    private record StepOutcome(StepVerdict verdict, String line, boolean canGoOn) {}

    /** One step at {@code rate}: warm-up, measured window, then the wait for the last readings' maximum. */
    private StepOutcome step(int number, long rate, PacedLoad load, OutputWatcher watcher, SystemUnderTest sut)
            throws Exception {
        String loadBefore = BenchHarness.loadAverage();
        long measureFrom = System.currentTimeMillis() + settings.warmupSeconds() * 1000L;
        watcher.startLatencyWindow(measureFrom);
        double achieved = load.run(settings.warmupSeconds() + settings.stepSeconds(), number, rate);
        long sentLast = load.lastEventTime();
        // The last marker (every 100th reading, always a new maximum) was sent at most 100 readings earlier.
        long lastMarkerDue = sentLast - 100L * 1000 / rate - 5;
        long deadline = System.currentTimeMillis() + DRAIN.toMillis();
        while (watcher.maxEventTime() < lastMarkerDue && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        boolean drained = watcher.maxEventTime() >= lastMarkerDue;
        long catchUp = drained ? System.currentTimeMillis() - sentLast : -1;
        Thread.sleep(GRACE_MILLIS);
        String health = healthOf(sut);
        List<Long> samples = watcher.latencies();
        long p50 = samples.isEmpty() ? 0 : Stats.percentile(samples, 50);
        long p99 = samples.isEmpty() ? 0 : Stats.percentile(samples, 99);
        StepVerdict verdict = StepVerdict.judge(new StepVerdict.Step(rate, achieved, samples.size(), p99, catchUp),
                settings.boundMillis());
        if (health != null) {
            verdict = new StepVerdict(false, List.of(health));
        }
        String line = String.format(Locale.ROOT, "  step %2d %-13s %7d readings/s: sent %7.0f/s, p50 %5d ms,"
                        + " p99 %6d ms over %7d maxima, caught up %s; load %s -> %s: %s", number,
                sut instanceof FlinkJob ? Systems.JOB : Systems.KAFKA_STREAMS, rate, achieved, p50, p99,
                samples.size(), catchUp < 0 ? "no" : catchUp + " ms after", loadBefore, BenchHarness.loadAverage(),
                verdict.describe());
        BenchHarness.log(line.trim());
        return new StepOutcome(verdict, line, drained && health == null);
    }

    /** Null while the system runs as it should; why not otherwise (a restarted job's latencies mean nothing). */
    private static String healthOf(SystemUnderTest sut) {
        try {
            if (sut instanceof FlinkJob job) {
                job.requireHealthy();
            } else if (sut instanceof KafkaStreamsPeer peer) {
                peer.requireHealthy();
            }
            return null;
        } catch (Exception e) {
            return "unhealthy: " + e.getMessage();
        }
    }
}

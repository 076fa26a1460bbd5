package io.github.vpm.bench;

import io.github.vpm.bench.data.DataSet;
import io.github.vpm.bench.report.Chart;
import io.github.vpm.bench.report.Report;
import io.github.vpm.bench.report.Report.LatencyResult;
import io.github.vpm.bench.report.Report.ThroughputResult;
import io.github.vpm.bench.systems.BrokerAccess;
import io.github.vpm.bench.systems.Ceiling;
import io.github.vpm.bench.systems.FlinkJob;
import io.github.vpm.bench.systems.KafkaStreamsPeer;
import io.github.vpm.bench.systems.RunSpec;
import io.github.vpm.bench.systems.SystemUnderTest;
import io.github.vpm.testkit.KafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark: one real broker, one pre-filled input topic, then each system in turn on the
 * same data (ceiling, Kafka Streams peer, the job exactly-once, the job at-least-once), round after
 * round, then latency runs of the job at a fixed load. See BENCHMARKS.md for the method.
 *
 * <p>One instance per broker ({@code --security}): with {@code both}, a plaintext and a SASL_SSL
 * broker run side by side, each with the same data, and every round runs each system against both
 * (the order alternating by round), so that a change in the machine's load hits both alike.
 */
public final class BenchHarness implements AutoCloseable {

    static final String INPUT_TOPIC = "bench-readings";
    static final int INPUT_PARTITIONS = 6;
    static final int OUTPUT_PARTITIONS = 4;

    private final BenchOptions options;
    private final Security security;
    private final KafkaCluster kafka;
    private final BrokerAccess broker;
    private final Admin admin;
    /** Logged after "run ..." when more than one broker is measured. */
    private final String tag;
    private final List<ThroughputResult> throughput = new ArrayList<>();
    private final List<LatencyResult> latency = new ArrayList<>();
    /** The default set's input (--scale pre-fills one per fleet instead). */
    private Backlog backlog;

    /** A pre-filled input topic and what every system must make of it. */
    record Backlog(String topic, long readings, DataSet.Expected expected) {}

    /** Looks at the job once its output is complete, before it is stopped (--scale's state figures). */
    @FunctionalInterface
    interface JobProbe {
        void atCompletion(FlinkJob job, RunSpec spec) throws Exception;
    }

    private BenchHarness(BenchOptions options, Security security, KafkaCluster kafka) {
        this.options = options;
        this.security = security;
        this.kafka = kafka;
        this.broker = security.access(kafka);
        this.admin = Admin.create(broker.properties());
        this.tag = options.security().size() > 1 ? " [" + security.option + "]" : "";
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--portal")) {
            PortalBench.main(args); // the portal at a fleet size: its own options (bench/run --portal --help)
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageRequested e) {
            System.out.print(BenchOptions.usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + " (bench/run --help lists the options)");
            System.exit(2);
            return;
        }
        List<BenchHarness> harnesses = new ArrayList<>();
        int status = 0;
        try {
            for (Security security : options.security()) {
                // Records' event times are about now: keep them whatever their age, the run may be long.
                KafkaCluster kafka = security.startCluster(Map.of("log.retention.ms", "-1"));
                try {
                    harnesses.add(new BenchHarness(options, security, kafka));
                } catch (RuntimeException e) {
                    kafka.close();
                    throw e;
                }
            }
            if (options.scale().isPresent() || options.sustainable().isPresent()) {
                if (options.scale().isPresent()) {
                    new ScaleBench(options, harnesses.get(0)).run();
                }
                if (options.sustainable().isPresent()) {
                    new SustainableBench(options, harnesses.get(0)).run(); // after --scale's lines: its line is last
                }
            } else {
                run(options, harnesses);
            }
        } catch (Throwable t) {
            // Report and exit instead of throwing: Flink's and Kafka Streams' non-daemon threads would
            // keep a failed benchmark's JVM (and its broker) alive for ever.
            t.printStackTrace();
            status = 1;
        } finally {
            try {
                closeAll(harnesses);
            } finally {
                System.exit(status); // Flink and Kafka Streams leave non-daemon threads behind
            }
        }
    }

    private static void run(BenchOptions options, List<BenchHarness> harnesses) throws Exception {
        log("machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
                + System.getProperty("java.version") + ", load " + loadAverage());
        for (BenchHarness h : harnesses) {
            log("broker " + h.broker.describe() + " (" + h.security.description + "), logs in " + h.kafka.runDir());
            h.backlog = h.prefill(INPUT_TOPIC, new DataSet(options.readings(), options.vehicles(),
                    options.sensorsPerVehicle(), options.invalidRatio(), options.seed(),
                    // Event times end about now, one millisecond apart.
                    System.currentTimeMillis() - options.readings()));
        }

        for (int round = 1; round <= options.runs(); round++) {
            for (BenchHarness h : inTurn(harnesses, round)) {
                for (String system : options.systems()) {
                    h.throughput.add(h.throughputRun(system, round, options.runs(), h.backlog, null));
                }
            }
        }
        if (options.latency()) {
            for (int round = 1; round <= options.runs(); round++) {
                for (BenchHarness h : inTurn(harnesses, round)) {
                    for (LatencySetting setting : LatencySetting.values()) {
                        h.latency.add(h.latencyRun(setting, round));
                    }
                }
            }
        }

        Files.createDirectories(options.out());
        StringBuilder text = new StringBuilder();
        List<Report> reports = new ArrayList<>();
        List<Path> charts = new ArrayList<>();
        for (BenchHarness h : harnesses) {
            Report report = new Report(options.readings(), h.throughput, h.latency, options.latencyRate());
            reports.add(report);
            if (harnesses.size() > 1) {
                text.append(reports.size() > 1 ? "\n" : "").append("== security: ").append(h.security.option)
                        .append(" ==\n");
            }
            text.append(report.render(h.describeConditions()));
            Path png = options.out().resolve(charts.isEmpty() ? "benchmark.png" : "benchmark-" + h.security.option
                    + ".png");
            Chart.write(report, png);
            charts.add(png);
        }
        if (harnesses.size() > 1) {
            text.append('\n').append(Report.securityComparison(reports.get(0), reports.get(1)));
        }
        Files.writeString(options.out().resolve("results.txt"), text);
        System.out.println();
        System.out.println("results: " + options.out().resolve("results.txt") + ", chart: "
                + charts.stream().map(Path::toString).collect(Collectors.joining(", ")));
        System.out.print(text);
    }

    private static void closeAll(List<BenchHarness> harnesses) {
        for (BenchHarness harness : harnesses) {
            harness.close();
        }
    }

    /** The brokers in round order: as given in odd rounds, reversed in even ones, so neither always runs first. */
    private static List<BenchHarness> inTurn(List<BenchHarness> harnesses, int round) {
        List<BenchHarness> order = new ArrayList<>(harnesses);
        if (round % 2 == 0) {
            Collections.reverse(order);
        }
        return order;
    }

    private String describeConditions() {
        return "data: " + options.readings() + " readings, " + options.vehicles() + " vehicles x "
                + options.sensorsPerVehicle() + " sensors, " + options.invalidRatio() + " invalid, seed "
                + options.seed() + "; " + options.runs() + " run(s) each; kafka: " + security.description
                + "; machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at the end "
                + loadAverage();
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            kafka.close();
        }
    }

    // ------------------------------------------------------------------ data

    /** Creates {@code topic} and writes {@code data} into it. */
    Backlog prefill(String topic, DataSet data) {
        kafka.createTopic(topic, INPUT_PARTITIONS, Map.of("cleanup.policy", "delete"));
        Properties p = broker.properties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        long start = System.nanoTime();
        DataSet.Expected expected;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            expected = data.generate(r -> producer.send(
                    new ProducerRecord<>(topic, null, r.eventTime(), r.key(), r.value()), (m, e) -> {
                        if (e != null) {
                            throw new IllegalStateException("pre-fill failed", e);
                        }
                    }));
            producer.flush();
        }
        log(String.format("pre-filled %s%s with %d readings (%d vehicles, %d invalid) in %.1f s", topic, tag,
                data.readings(), expected.maxima().size(), expected.deadLetters(),
                (System.nanoTime() - start) / 1e9));
        return new Backlog(topic, data.readings(), expected);
    }

    // ------------------------------------------------------------------ throughput

    /**
     * One run of {@code system} over {@code input}, from ready to its complete output visible.
     *
     * @param probe called with the job (job systems only) once its output is complete; null for none
     */
    ThroughputResult throughputRun(String system, int round, int runs, Backlog input, JobProbe probe)
            throws Exception {
        String runId = "bench-" + system + "-" + round + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        RunSpec spec = newRun(input.topic(), runId);
        log("run " + round + "/" + runs + " " + system + tag + ": load " + loadAverage());
        Duration timeout = Duration.ofSeconds(180 + input.readings() / 2_000);
        try (OutputWatcher watcher = new OutputWatcher(broker, spec.outputTopic(), spec.dlqTopic(),
                input.expected().maxima(), input.expected().deadLetters())) {
            SystemUnderTest sut = null;
            try {
                long done;
                switch (system) {
                    case Systems.CEILING -> {
                        Ceiling ceiling = new Ceiling(spec);
                        sut = ceiling;
                        ceiling.awaitReady();
                        done = watcher.awaitComplete(timeout);
                        ceiling.close();
                        done = Math.max(done, ceiling.finishedNanos());
                    }
                    case Systems.KAFKA_STREAMS -> {
                        KafkaStreamsPeer peer = new KafkaStreamsPeer(spec);
                        sut = peer;
                        peer.awaitReady(Duration.ofSeconds(120));
                        done = watcher.awaitComplete(timeout);
                    }
                    default -> {
                        FlinkJob job = new FlinkJob(spec, system.equals(Systems.JOB_AT_LEAST_ONCE)
                                ? List.of("--delivery-guarantee", "at-least-once") : List.of());
                        sut = job;
                        job.awaitReady(Duration.ofSeconds(120));
                        done = watcher.awaitComplete(timeout);
                        job.requireHealthy();
                    }
                }
                double seconds = (done - sut.readyNanos()) / 1e9;
                ThroughputResult result = new ThroughputResult(system, round, input.readings() / seconds, seconds,
                        watcher.maximaRecords(), watcher.deadLetters(), watcher.decreases());
                log(String.format("  %s: %.0f readings/s (%.2f s), %d maxima, %d dead letters, %d non-increasing;"
                                + " %s", system, result.recordsPerSecond(), seconds, result.maxima(),
                        result.deadLetters(), result.nonIncreasing(), sut.describe()));
                if (!system.equals(Systems.JOB_AT_LEAST_ONCE) && result.nonIncreasing() > 0) {
                    throw new IllegalStateException(system + " emitted " + result.nonIncreasing()
                            + " maxima that were not strictly higher: the output breaks the contract");
                }
                if (probe != null && sut instanceof FlinkJob job) {
                    probe.atCompletion(job, spec);
                }
                return result;
            } finally {
                if (sut != null) {
                    sut.close();
                }
                deleteTopicsOf(runId);
            }
        }
    }

    // ------------------------------------------------------------------ latency

    enum LatencySetting {
        EXACTLY_ONCE_1S("job exactly-once, 1s checkpoints", List.of("--checkpoint-interval", "1s"), 1),
        EXACTLY_ONCE_10S("job exactly-once, 10s checkpoints", List.of("--checkpoint-interval", "10s"), 10),
        AT_LEAST_ONCE("job at-least-once (10s checkpoints)", List.of("--delivery-guarantee", "at-least-once"), 10);

        final String label;
        final List<String> args;
        final int checkpointSeconds;

        LatencySetting(String label, List<String> args, int checkpointSeconds) {
            this.label = label;
            this.args = args;
            this.checkpointSeconds = checkpointSeconds;
        }
    }

    private LatencyResult latencyRun(LatencySetting setting, int round) throws Exception {
        String runId = "bench-latency-" + setting.name().toLowerCase().replace('_', '-') + "-" + round + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff);
        String input = runId + "-in";
        kafka.createTopic(input, INPUT_PARTITIONS, Map.of("cleanup.policy", "delete"));
        RunSpec spec = newRun(input, runId);
        log("latency run " + round + "/" + options.runs() + " " + setting.label + tag + ": load " + loadAverage());
        try (FlinkJob job = new FlinkJob(spec, setting.args);
             OutputWatcher watcher = new OutputWatcher(broker, spec.outputTopic(), spec.dlqTopic(),
                     null, 0)) {
            job.awaitReady(Duration.ofSeconds(120));
            PacedLoad load = new PacedLoad(broker, input, options.vehicles(),
                    options.sensorsPerVehicle(), options.latencyRate());
            long measureFrom = System.currentTimeMillis() + options.latencyWarmupSeconds() * 1000L;
            watcher.measureLatencyFrom(measureFrom);
            double achieved = load.run(options.latencyWarmupSeconds() + options.latencySeconds(), round);
            // Wait until the last reading's maximum (a rising marker, so it always emits) is visible.
            Instant deadline = Instant.now().plusSeconds(60 + 2L * setting.checkpointSeconds);
            long lastMarkerDue = load.lastEventTime() - 100L * 1000 / options.latencyRate() - 5;
            while (watcher.maxEventTime() < lastMarkerDue && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            job.requireHealthy();
            List<Long> samples = watcher.latencies();
            if (samples.isEmpty()) {
                throw new IllegalStateException("no maxima seen in the latency run " + runId);
            }
            LatencyResult result = new LatencyResult(setting.label, round, Stats.percentile(samples, 50),
                    Stats.percentile(samples, 99), samples.size(), achieved);
            log(String.format("  %s: p50 %d ms, p99 %d ms over %d maxima, load %.0f readings/s; %s", setting.label,
                    result.p50(), result.p99(), result.samples(), achieved, job.describe()));
            return result;
        } finally {
            deleteTopicsOf(runId);
        }
    }

    // ------------------------------------------------------------------ helpers

    BrokerAccess broker() {
        return broker;
    }

    /** Drops a topic, e.g. a fleet's input once measured, to keep the disk small. */
    void deleteTopic(String topic) {
        try {
            admin.deleteTopics(Set.of(topic)).all().get();
        } catch (Exception e) {
            log("could not delete " + topic + ": " + e);
        }
    }

    RunSpec newRun(String input, String runId) {
        String output = runId + "-max";
        String dlq = runId + "-dlq";
        kafka.createTopic(output, OUTPUT_PARTITIONS, Map.of("cleanup.policy", "compact"));
        kafka.createTopic(dlq, 1, Map.of("cleanup.policy", "delete"));
        return new RunSpec(broker, input, output, dlq, runId);
    }

    /** Drops a run's topics (its output, dead letters and any Kafka Streams internals) to keep the disk small. */
    void deleteTopicsOf(String runId) {
        try {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(runId)).collect(Collectors.toSet());
            admin.deleteTopics(topics).all().get();
        } catch (Exception e) {
            log("could not delete the topics of " + runId + ": " + e);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
    }
}

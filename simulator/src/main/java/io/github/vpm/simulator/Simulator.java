package io.github.vpm.simulator;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.cli.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensor fleet simulator: a fleet of vehicles whose sensors send pressure readings to Kafka at a
 * paced rate until the duration or count is reached or it is told to stop.
 */
public final class Simulator {

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    /** The most readings sent per wake-up of the send loop. */
    private static final int MAX_BATCH = 1_000;
    private static final long MIN_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration UNREACHABLE_LOG_EVERY = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final SimulatorOptions options;
    private final StopSignal stop;
    /** 0 = no time limit. */
    private final long durationNanos;
    private final ConnectionWatch kafka;
    private long anomalies;

    Simulator(SimulatorOptions options, StopSignal stop) {
        this.options = options;
        this.stop = stop;
        this.durationNanos = saturatedNanos(options.duration());
        this.kafka = new ConnectionWatch(options.bootstrapServers(), UNREACHABLE_LOG_EVERY, LOG::info);
    }

    public static void main(String[] args) {
        Logging.configure();
        SimulatorOptions options = CommandLine.orExit(() -> SimulatorOptions.parse(args));
        if (options.help()) {
            System.out.print(SimulatorOptions.usage());
            return;
        }
        StopSignal stop = StopSignal.install();
        int exitCode;
        try {
            exitCode = new Simulator(options, stop).run();
        } finally {
            stop.finished();
        }
        System.exit(exitCode);
    }

    /**
     * @return the exit code: 0, or 1 if a run that reached its count or duration (rather than being
     *     stopped) left readings undelivered or ended with Kafka unreachable
     */
    int run() {
        FleetModel fleet = FleetModel.generate(options.vehicles(), options.sensorsPerVehicle(), options.seed());
        ReadingClock clock = options.startTime() == null
                ? ReadingClock.wallClock()
                : ReadingClock.fixed(options.startTime(), options.rate());
        ReadingGenerator generator = new ReadingGenerator(fleet, options.seed(), options.spikeProbability(), clock,
                options.pressureDecimals());
        LOG.info("Simulating {} vehicles x {} sensors (seed {}) -> topic {} at {}: {} readings/s, {}",
                options.vehicles(), options.sensorsPerVehicle(), options.seed(), options.topic(),
                options.bootstrapServers(), options.rate(), limits());
        if (!options.kafkaSettings().isEmpty()) {
            LOG.info("Kafka client settings (secrets hidden): {}", options.kafkaSettings());
        }

        long start = System.nanoTime();
        ReadingPublisher publisher = ReadingPublisher.connect(options);
        try {
            sendReadings(generator, publisher, start);
        } finally {
            publisher.close(CLOSE_TIMEOUT);
        }

        long elapsed = System.nanoTime() - start;
        LOG.info(String.format(Locale.ROOT,
                "Stopped after %d readings in %.1f s (%.1f/s): %d acknowledged, %d failed, %d anomalies",
                publisher.sent(), elapsed / 1e9, ProgressReport.perSecond(publisher.sent(), elapsed),
                publisher.acked(), publisher.failed(), anomalies));
        // Acks that arrived while closing (after the send loop) also end an outage, such as a first
        // metadata request slower than max.block.ms: without this a complete run could report Kafka down.
        kafka.answered(publisher.lastAckNanos(), System.nanoTime());
        long undelivered = publisher.sent() - publisher.acked();
        if (stop.requested()) {
            return 0;
        }
        if (undelivered > 0) {
            LOG.warn("{} readings were not delivered to Kafka", undelivered);
            return 1;
        }
        if (kafka.down()) {
            LOG.warn("Kafka at {} was still unreachable at the end of the run", options.bootstrapServers());
            return 1;
        }
        return 0;
    }

    private void sendReadings(ReadingGenerator generator, ReadingPublisher publisher, long start) {
        ReadingJson json = new ReadingJson(options.pressureDecimals());
        Pacer pacer = new Pacer(options.rate(), System::nanoTime);
        ProgressReport progress = new ProgressReport(options.progressInterval(), start, LOG::info);
        Reading next = null; // generated but not yet taken by the producer: retried, never skipped

        while (keepGoing(publisher, start)) {
            long now = System.nanoTime();
            progress.maybeReport(now, publisher.sent(), publisher.acked(), publisher.failed(), anomalies);
            kafka.answered(publisher.lastAckNanos(), now);
            if (publisher.stalled(now)) {
                pause(kafka.unreachable(now, publisher.pending() + " readings waiting for an answer"), start);
                pacer.reset();
                continue;
            }
            int permits = pacer.acquire(MAX_BATCH);
            if (permits == 0) {
                sleepNanos(Math.max(MIN_SLEEP_NANOS, Math.min(MAX_SLEEP_NANOS, pacer.nanosUntilNextPermit())));
                continue;
            }
            for (int i = 0; i < permits && keepGoing(publisher, start); i++) {
                if (next == null) {
                    next = generator.next();
                }
                if (!publisher.send(next.sensorId(), json.encode(next))) {
                    pause(kafka.unreachable(System.nanoTime(), publisher.lastFailure()), start);
                    pacer.reset();
                    break;
                }
                if (next.spike()) {
                    anomalies++;
                    LOG.info("Anomaly: vehicle {} sensor {} pressure {} Pa at {}",
                            next.vehicleId(), next.sensorId(), json.pressure(next),
                            new SeedTimestampFormat().format(next.epochMillis()));
                }
                next = null;
            }
        }
    }

    /** Neither stopped nor at the count or the end of the duration. */
    private boolean keepGoing(ReadingPublisher publisher, long start) {
        if (stop.requested() || options.count() > 0 && publisher.sent() >= options.count()) {
            return false;
        }
        return durationNanos == 0 || System.nanoTime() - start < durationNanos;
    }

    private String limits() {
        if (options.runsForever()) {
            return "until stopped";
        }
        String duration = options.duration().isZero() ? null : "for " + Durations.format(options.duration());
        String count = options.count() == 0 ? null : options.count() + " readings";
        return duration == null ? count : count == null ? duration : count + " or " + duration + ", first reached";
    }

    /** Sleeps in short slices so a stop request or the end of the duration is seen within 100 ms. */
    private void pause(Duration duration, long start) {
        long until = System.nanoTime() + duration.toNanos();
        if (durationNanos > 0 && until - (start + durationNanos) > 0) {
            until = start + durationNanos;
        }
        long left;
        while (!stop.requested() && (left = until - System.nanoTime()) > 0) {
            sleepNanos(Math.min(left, MAX_SLEEP_NANOS));
        }
    }

    private static void sleepNanos(long nanos) {
        LockSupport.parkNanos(nanos);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}

package io.github.vpm.job;

import static io.github.vpm.cli.InvalidOptionException.quote;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.cli.Durations;
import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.cli.OptionValues;
import io.github.vpm.job.ingest.RecordSizeGuard;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.TimeUtils;

/**
 * The job's command line, parsed and checked once into an immutable value.
 *
 * <p>The command line has the shared {@link CommandLine} shape: {@code --name value}, {@code --help} anywhere
 * asks for {@link #usage()}.
 * Durations are the shared {@link Durations} syntax with a unit ({@code 250ms}, {@code 10s}, {@code 5min},
 * {@code 1h}); a bare number is refused because Flink would silently read it as milliseconds.
 */
public final class JobOptions {

    private static final int FLINK_MAX_PARALLELISM_LIMIT = 32_768;
    private static final int MAX_STATE_CACHE_SIZE = 100_000_000;
    /** Kafka's default largest record is 1 MB: a longer id could never arrive. */
    private static final int MAX_ID_BYTES_LIMIT = 1_000_000;
    private static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);
    /** More would need a transaction timeout beyond what any broker grants with sane checkpoint timings. */
    private static final int MAX_TOLERABLE_FAILED_CHECKPOINTS = 1_000;
    /** The first restart delay; the ceiling cannot be below it. */
    static final Duration RESTART_INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** A JSON number's syntax; Double.parseDouble alone would also take "NaN", "1d" or hex. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /**
     * Kafka client settings the job sets itself, because exactly-once and the contract depend on them (or an
     * option of its own sets them): a --kafka-properties file must not. Applies to the source's consumer and
     * admin client and to both sinks' producers.
     */
    static final Set<String> RESERVED_KAFKA_SETTINGS = Set.of(
            "bootstrap.servers", "group.id", "isolation.level", "enable.auto.commit", "auto.offset.reset",
            "commit.offsets.on.checkpoint", "key.deserializer", "value.deserializer", "key.serializer",
            "value.serializer", "transactional.id", "transaction.timeout.ms", "enable.idempotence", "acks",
            "retries", "max.in.flight.requests.per.connection", "max.request.size");

    /** name, placeholder, default (null: none), description - in --help order. */
    private static final List<String[]> SPECS = List.of(
            spec("bootstrap-servers", "<host:port,...>", "localhost:9092", "Kafka brokers to bootstrap from"),
            spec(KafkaClientSettings.OPTION, "<file>", null,
                    "Kafka client settings (Java properties: security.protocol, sasl.*, ssl.*) for every Kafka"
                            + " client of the job; paths in it must hold on every Flink host; those the job"
                            + " relies on (isolation.level, transactions, serializers...) are refused."
                            + " Without it: PLAINTEXT"),
            spec("input-topic", "<topic>", "sensor_pressure_stream", "topic with the sensor readings"),
            spec("output-topic", "<topic>", "vehicle_pressure_max", "compacted topic for maximum updates"),
            spec("dlq-topic", "<topic>", "sensor_pressure_dlq", "dead-letter topic for invalid records"),
            spec("group-id", "<id>", "vehicle-pressure-max",
                    "consumer group (offsets committed on checkpoints; earliest on first start)"),
            spec("delivery-guarantee", "exactly-once|at-least-once", "exactly-once", "for both Kafka sinks"),
            spec("transactional-id-prefix", "<prefix>", "vehicle-pressure-max",
                    "Kafka transactional id prefix; the sinks add -max and -dlq. Keep it stable"),
            spec("transaction-timeout", "<duration>", "1h",
                    "Kafka transaction.timeout.ms; longer than (--tolerable-failed-checkpoints + 1) x"
                            + " (--checkpoint-timeout + --checkpoint-interval) + --checkpoint-interval"
                            + " + --restart-max-backoff, at most the broker's transaction.max.timeout.ms"),
            spec("checkpoint-interval", "<duration>", "10s", "exactly-once checkpoint interval"),
            // The two below take part in the --transaction-timeout rule (see the constructor).
            spec("checkpoint-timeout", "<duration>", "2min",
                    "a checkpoint not complete by then fails (and with it the job, which restarts)"),
            spec("restart-max-backoff", "<duration>", "1min",
                    "ceiling of the exponential delay between restarts (from 1s, doubling)"),
            spec("tolerable-failed-checkpoints", "<n>", "20",
                    "checkpoints in a row that may fail (a full or lost checkpoint share, a timeout) while the"
                            + " job goes on processing; one more restarts it (0 = restart at the first)"),
            spec("checkpoint-dir", "<uri>", null,
                    "checkpoint storage shared by all Flink hosts, e.g. file:///flink-checkpoints"
                            + " (default: the cluster's execution.checkpointing.dir)"),
            spec("max-out-of-orderness", "<duration>", "30s", "how far event time may run backwards"),
            spec("source-idleness", "<duration>", "1min",
                    "a Kafka partition silent this long stops holding back watermarks (0s = never)"),
            spec("pressure-min", "<pascals>", "0", "lowest valid pressure, inclusive (decimals allowed)"),
            spec("pressure-max", "<pascals>", "10000000", "highest valid pressure, inclusive (decimals allowed)"),
            spec("max-id-bytes", "<bytes>", "256",
                    "longest valid vehicleId and sensorId, in bytes of UTF-8 (1 to " + MAX_ID_BYTES_LIMIT + ")"),
            spec("max-parallelism", "<n>", "360",
                    "highest parallelism ever; fixed for the life of the state (360 splits evenly 1..6 ways)"),
            spec("state-ttl", "<duration>", "0s",
                    "forget a vehicle after this long without readings (0s = keep forever)"),
            spec("state-cache-size", "<vehicles>", "100000",
                    "maxima per subtask also kept on the heap so most readings skip RocksDB; only"
                            + " with --state-ttl 0s (0 = off)"),
            spec("max-request-size", "<bytes>", "1048576",
                    "the sinks' Kafka max.request.size; a record that would exceed it is written as a"
                            + " (truncated) dead letter instead, never sent"));

    private static final List<String> NAMES = SPECS.stream().map(spec -> spec[0]).toList();

    private final boolean helpRequested;
    private final String bootstrapServers;
    private final KafkaClientSettings kafkaSettings;
    private final String inputTopic;
    private final String outputTopic;
    private final String dlqTopic;
    private final String groupId;
    private final DeliveryGuarantee deliveryGuarantee;
    private final String transactionalIdPrefix;
    private final Duration transactionTimeout;
    private final Duration checkpointInterval;
    private final Duration checkpointTimeout;
    private final Duration restartMaxBackoff;
    private final int tolerableFailedCheckpoints;
    private final String checkpointDir;
    private final Duration maxOutOfOrderness;
    private final Duration sourceIdleness;
    private final double pressureMin;
    private final double pressureMax;
    private final int maxIdBytes;
    private final int maxParallelism;
    private final Duration stateTtl;
    private final int stateCacheSize;
    private final int maxRequestSize;

    private JobOptions(boolean helpRequested, Map<String, String> given) {
        Values values = new Values(given);
        this.helpRequested = helpRequested;
        this.bootstrapServers = values.bootstrapServers("bootstrap-servers");
        this.kafkaSettings = values.kafkaSettings(KafkaClientSettings.OPTION);
        this.inputTopic = values.topic("input-topic");
        this.outputTopic = values.topic("output-topic");
        this.dlqTopic = values.topic("dlq-topic");
        this.groupId = values.text("group-id");
        this.deliveryGuarantee = values.deliveryGuarantee("delivery-guarantee");
        this.transactionalIdPrefix = values.text("transactional-id-prefix");
        this.transactionTimeout = values.duration("transaction-timeout", Duration.ofMillis(1));
        this.checkpointInterval = values.duration("checkpoint-interval", MIN_CHECKPOINT_INTERVAL);
        this.checkpointTimeout = values.duration("checkpoint-timeout", MIN_CHECKPOINT_INTERVAL);
        this.restartMaxBackoff = values.duration("restart-max-backoff", RESTART_INITIAL_BACKOFF);
        this.tolerableFailedCheckpoints = (int) values.integer("tolerable-failed-checkpoints", 0,
                MAX_TOLERABLE_FAILED_CHECKPOINTS);
        this.checkpointDir = values.optionalText("checkpoint-dir");
        this.maxOutOfOrderness = values.duration("max-out-of-orderness", Duration.ZERO);
        this.sourceIdleness = values.duration("source-idleness", Duration.ZERO);
        this.pressureMin = values.decimal("pressure-min");
        this.pressureMax = values.decimal("pressure-max");
        this.maxIdBytes = (int) values.integer("max-id-bytes", 1, MAX_ID_BYTES_LIMIT);
        this.maxParallelism = (int) values.integer("max-parallelism", 1, FLINK_MAX_PARALLELISM_LIMIT);
        this.stateTtl = values.duration("state-ttl", Duration.ZERO);
        this.stateCacheSize = (int) values.integer("state-cache-size", 0, MAX_STATE_CACHE_SIZE);
        this.maxRequestSize = (int) values.integer("max-request-size", RecordSizeGuard.MIN_MAX_REQUEST_SIZE,
                Integer.MAX_VALUE);

        if (pressureMin > pressureMax) {
            throw new InvalidOptionException("--pressure-max: must not be below --pressure-min ("
                    + values.raw("pressure-min").strip() + "), got " + quote(values.raw("pressure-max")));
        }
        if (transactionTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidOptionException("--transaction-timeout: must fit in an int of milliseconds"
                    + " (about 24 days), got " + quote(values.raw("transaction-timeout")));
        }
        Duration transactionFloor = checkpointTimeout.plus(checkpointInterval)
                .multipliedBy(tolerableFailedCheckpoints + 1L)
                .plus(checkpointInterval)
                .plus(restartMaxBackoff);
        if (transactionTimeout.compareTo(transactionFloor) <= 0) {
            // A transaction opened after one checkpoint is committed only when the next checkpoint
            // completes: up to an interval until it starts and a checkpoint timeout for it to fail, once
            // for every failure tolerated and once more for the one that completes (or for the restart
            // that recovers it, after the restart delay). Should the broker abort it first, the connector
            // logs "most likely signals data loss" and the maxima it carried are never written again.
            throw new InvalidOptionException("--transaction-timeout: must be longer than"
                    + " (--tolerable-failed-checkpoints + 1) x (--checkpoint-timeout + --checkpoint-interval)"
                    + " + --checkpoint-interval + --restart-max-backoff ((" + tolerableFailedCheckpoints
                    + " + 1) x (" + values.raw("checkpoint-timeout").strip() + " + "
                    + values.raw("checkpoint-interval").strip() + ") + " + values.raw("checkpoint-interval").strip()
                    + " + " + values.raw("restart-max-backoff").strip() + " = "
                    + TimeUtils.formatWithHighestUnit(transactionFloor)
                    + "), got " + quote(values.raw("transaction-timeout")));
        }
        if (outputTopic.equals(inputTopic)) {
            throw new InvalidOptionException("--output-topic: must differ from --input-topic, got " + quote(outputTopic));
        }
        if (dlqTopic.equals(inputTopic)) {
            throw new InvalidOptionException("--dlq-topic: must differ from --input-topic, got " + quote(dlqTopic));
        }
    }

    /**
     * Parses {@code --name value} pairs (the shared {@link CommandLine} shape, an option at most once);
     * unset options take their defaults.
     *
     * @throws InvalidOptionException with one plain line naming the offending option
     */
    public static JobOptions parse(String... args) {
        CommandLine line = CommandLine.parse(NAMES, CommandLine.Repeats.REFUSED, args);
        return new JobOptions(line.helpRequested(), line.values());
    }

    /** The --help text: every option with its default. */
    public static String usage() {
        StringBuilder out = new StringBuilder()
                .append("Usage: flink run vpm-job.jar [--option value ...]\n")
                .append("Keeps each vehicle's maximum pressure: Kafka readings in, maximum updates out.\n\n")
                .append("Options (durations like 250ms, 10s, 5min, 1h):\n");
        for (String[] spec : SPECS) {
            // An option without a default says in its description what happens when unset.
            String defaultText = spec[2] == null ? "" : " (default: " + spec[2] + ")";
            out.append(String.format(Locale.ROOT, "  --%s %s%n      %s%s%n", spec[0], spec[1], spec[3], defaultText));
        }
        return out.append("  --help\n      print this help and exit\n").toString();
    }

    public boolean helpRequested() {
        return helpRequested;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Merged into every Kafka client of the job (source and both sinks); never holds a reserved key. */
    public KafkaClientSettings kafkaSettings() {
        return kafkaSettings;
    }

    public String inputTopic() {
        return inputTopic;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public String dlqTopic() {
        return dlqTopic;
    }

    public String groupId() {
        return groupId;
    }

    public DeliveryGuarantee deliveryGuarantee() {
        return deliveryGuarantee;
    }

    public String transactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /** Flink's checkpoint timeout; part of the transaction-timeout rule. */
    public Duration checkpointTimeout() {
        return checkpointTimeout;
    }

    /** Ceiling of the exponential restart delay; part of the transaction-timeout rule. */
    public Duration restartMaxBackoff() {
        return restartMaxBackoff;
    }

    /** Consecutive checkpoint failures the job rides out; part of the transaction-timeout rule. */
    public int tolerableFailedCheckpoints() {
        return tolerableFailedCheckpoints;
    }

    public Optional<String> checkpointDir() {
        return Optional.ofNullable(checkpointDir);
    }

    public Duration maxOutOfOrderness() {
        return maxOutOfOrderness;
    }

    /** Zero means partitions never count as idle. */
    public Duration sourceIdleness() {
        return sourceIdleness;
    }

    public double pressureMin() {
        return pressureMin;
    }

    public double pressureMax() {
        return pressureMax;
    }

    /** Longest valid vehicleId and sensorId in bytes of UTF-8. */
    public int maxIdBytes() {
        return maxIdBytes;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    /** Zero means state is kept forever. */
    public Duration stateTtl() {
        return stateTtl;
    }

    /** Zero means no heap cache of maxima. */
    public int stateCacheSize() {
        return stateCacheSize;
    }

    /** The sinks' max.request.size in bytes; no record the job writes is larger. */
    public int maxRequestSize() {
        return maxRequestSize;
    }

    @Override
    public String toString() {
        return "JobOptions{bootstrapServers=" + bootstrapServers + ", kafkaSettings=" + kafkaSettings
                + ", inputTopic=" + inputTopic
                + ", outputTopic=" + outputTopic + ", dlqTopic=" + dlqTopic + ", groupId=" + groupId
                + ", deliveryGuarantee=" + deliveryGuarantee + ", transactionalIdPrefix=" + transactionalIdPrefix
                + ", transactionTimeout=" + transactionTimeout + ", checkpointInterval=" + checkpointInterval
                + ", checkpointTimeout=" + checkpointTimeout + ", restartMaxBackoff=" + restartMaxBackoff
                + ", tolerableFailedCheckpoints=" + tolerableFailedCheckpoints
                + ", checkpointDir=" + checkpointDir + ", maxOutOfOrderness=" + maxOutOfOrderness
                + ", sourceIdleness=" + sourceIdleness + ", pressureMin=" + pressureMin
                + ", pressureMax=" + pressureMax + ", maxIdBytes=" + maxIdBytes + ", maxParallelism=" + maxParallelism
                + ", stateTtl=" + stateTtl + ", stateCacheSize=" + stateCacheSize
                + ", maxRequestSize=" + maxRequestSize + '}';
    }

    private static String[] spec(String name, String placeholder, String defaultValue, String description) {
        return new String[] {name, placeholder, defaultValue, description};
    }

    private static String[] spec(String name) {
        for (String[] spec : SPECS) {
            if (spec[0].equals(name)) {
                return spec;
            }
        }
        return null;
    }

    /** Typed reads of the given values (or defaults), each failing with a one-line message. */
    private static final class Values {

        private final Map<String, String> given;

        Values(Map<String, String> given) {
            this.given = given;
        }

        String raw(String name) {
            return given.containsKey(name) ? given.get(name) : spec(name)[2];
        }

        String text(String name) {
            String value = raw(name);
            if (value.isBlank()) {
                throw bad(name, "a non-empty value", value);
            }
            return value.strip();
        }

        String optionalText(String name) {
            return raw(name) == null ? null : text(name);
        }

        /** The file's settings, read once here; none without the option. */
        KafkaClientSettings kafkaSettings(String name) {
            String value = raw(name);
            return value == null ? KafkaClientSettings.NONE
                    : KafkaClientSettings.load(value, "the job", RESERVED_KAFKA_SETTINGS);
        }

        String topic(String name) {
            String value = raw(name);
            if (!TOPIC_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
                throw bad(name, "a Kafka topic name (letters, digits, '.', '_', '-')", value);
            }
            return value;
        }

        DeliveryGuarantee deliveryGuarantee(String name) {
            String value = raw(name);
            switch (value) {
                case "exactly-once":
                    return DeliveryGuarantee.EXACTLY_ONCE;
                case "at-least-once":
                    return DeliveryGuarantee.AT_LEAST_ONCE;
                default:
                    throw bad(name, "exactly-once or at-least-once", value);
            }
        }

        Duration duration(String name, Duration min) {
            String value = raw(name);
            Duration duration = Durations.parse(value, Durations.BareNumber.REFUSED)
                    .orElseThrow(() -> bad(name, "a duration like 10s", value));
            if (duration.compareTo(min) < 0) {
                throw bad(name, "a duration of at least " + TimeUtils.formatWithHighestUnit(min), value);
            }
            return duration;
        }

        /** A finite decimal number: {@code 850000}, {@code -5}, {@code 0.5} or {@code 1e7}. */
        double decimal(String name) {
            String value = raw(name);
            double number = DECIMAL.matcher(value.strip()).matches() ? Double.parseDouble(value.strip()) : Double.NaN;
            if (!Double.isFinite(number)) {
                throw bad(name, "a number", value);
            }
            return number + 0.0; // -0 is 0
        }

        String bootstrapServers(String name) {
            return OptionValues.bootstrapServers("--" + name, raw(name));
        }

        long integer(String name, long min, long max) {
            return OptionValues.wholeNumber("--" + name, raw(name), min, max);
        }

        private static InvalidOptionException bad(String name, String expected, String got) {
            return InvalidOptionException.expected("--" + name, expected, got);
        }
    }
}

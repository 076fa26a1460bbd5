package io.github.vpm.job;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.deadletter.DeadLetterSerializer;
import io.github.vpm.job.ingest.DeadLetterRouter;
import io.github.vpm.job.ingest.DecodedRecord;
import io.github.vpm.job.ingest.EventTimeAssigner;
import io.github.vpm.job.ingest.ReadingDeserializer;
import io.github.vpm.job.ingest.RecordSizeGuard;
import io.github.vpm.job.maximum.MaxPressureFunction;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxSerializer;
import io.github.vpm.job.reading.Reading;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.TransactionNamingStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Flink job:
 *
 * <pre>
 * Kafka readings -> decode + validate -> invalid ---------------------------> Kafka dead letters
 *   (event-time watermarks per partition)  \-> valid -> keyBy vehicleId -> max -> Kafka maxima
 * </pre>
 *
 * <p>Packages follow it: {@code ingest} is the source side up to the split (deserializer, event
 * time, router), {@code reading} the reading and its decoding, {@code maximum} and {@code deadletter}
 * the two outputs.
 *
 * <p>Operator uids are part of the savepoint format: never change them.
 */
public final class MaxPressureJob {

    public static final String JOB_NAME = "vehicle-pressure-max";

    public static final String UID_SOURCE = "readings-source";
    public static final String UID_ROUTER = "route-invalid";
    public static final String UID_MAX = "max-pressure";
    public static final String UID_MAXIMA_SINK = "maxima-sink";
    public static final String UID_DEAD_LETTER_SINK = "dead-letter-sink";

    private MaxPressureJob() {}

    public static void main(String[] args) throws Exception {
        JobOptions options = CommandLine.orExit(() -> JobOptions.parse(args));
        if (options.helpRequested()) {
            System.out.print(JobOptions.usage());
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configureEnvironment(env, options);
        buildPipeline(env, options);
        env.execute(JOB_NAME);
    }

    /** Checkpointing, RocksDB, restarts and key groups: everything exactly-once and rescaling rely on. */
    public static void configureEnvironment(StreamExecutionEnvironment env, JobOptions options) {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
        config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // Explicit, and well below --transaction-timeout (JobOptions enforces the margin): a checkpoint
        // stuck on an unreachable broker fails after this, so its transactions are recovered in time.
        config.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, options.checkpointTimeout());
        // Ride out a full or lost checkpoint share: processing goes on, the open transactions are
        // committed by the next checkpoint that completes (JobOptions keeps that within their timeout).
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, options.tolerableFailedCheckpoints());
        // Keep the last checkpoint when the job is cancelled, so it can be resumed from it.
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        options.checkpointDir().ifPresent(dir -> config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));

        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);

        // Retry forever, backing off to one attempt per --restart-max-backoff (e.g. while a broker is down);
        // the ceiling is part of the --transaction-timeout rule.
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                JobOptions.RESTART_INITIAL_BACKOFF);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, options.restartMaxBackoff());

        // Key groups are baked into state: a fixed value lets 1 -> 3 -> 6 subtasks keep it.
        config.set(PipelineOptions.MAX_PARALLELISM, options.maxParallelism());
        // Fail at build time if any type would fall back to Kryo.
        config.set(PipelineOptions.GENERIC_TYPES, false);
        // No function keeps or mutates its input, so chained operators can skip a deep copy per record.
        config.set(PipelineOptions.OBJECT_REUSE, true);
        env.configure(config);
    }

    /** Source to sinks, see the class comment. */
    public static void buildPipeline(StreamExecutionEnvironment env, JobOptions options) {
        DataStream<DecodedRecord> decoded = env
                .fromSource(readingsSource(options), eventTime(options), UID_SOURCE)
                .uid(UID_SOURCE);

        SingleOutputStreamOperator<Reading> readings = decoded
                .process(new DeadLetterRouter(new RecordSizeGuard(options.maxRequestSize())))
                .uid(UID_ROUTER)
                .name(UID_ROUTER);

        readings.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                .sinkTo(deadLetterSink(options))
                .uid(UID_DEAD_LETTER_SINK)
                .name(UID_DEAD_LETTER_SINK);

        readings.keyBy(new VehicleIdKey())
                .process(new MaxPressureFunction(options.stateTtl(), options.stateCacheSize()))
                .uid(UID_MAX)
                .name(UID_MAX)
                .sinkTo(maximaSink(options))
                .uid(UID_MAXIMA_SINK)
                .name(UID_MAXIMA_SINK);
    }

    static KafkaSource<DecodedRecord> readingsSource(JobOptions options) {
        return KafkaSource.<DecodedRecord>builder()
                // First, so that nothing below can be overridden (JobOptions refuses those keys anyway).
                .setProperties(options.kafkaSettings().asProperties())
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.inputTopic())
                .setGroupId(options.groupId())
                // Resume from the group's committed offsets; a brand-new group reads everything.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ReadingDeserializer(options.pressureMin(), options.pressureMax(), options.maxIdBytes()))
                // Never read data of aborted transactions, should producers use them.
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .build();
    }

    /** Watermarks per Kafka partition (inside the source), with idle partitions not holding them back. */
    static WatermarkStrategy<DecodedRecord> eventTime(JobOptions options) {
        WatermarkStrategy<DecodedRecord> strategy = WatermarkStrategy
                .<DecodedRecord>forBoundedOutOfOrderness(options.maxOutOfOrderness())
                .withTimestampAssigner(new EventTimeAssigner());
        return options.sourceIdleness().isZero() ? strategy : strategy.withIdleness(options.sourceIdleness());
    }

    static KafkaSink<PressureMax> maximaSink(JobOptions options) {
        return kafkaSink(options, "-max",
                new SingleTopicSerializer<>(new PressureMaxSerializer(options.outputTopic()), options.outputTopic()));
    }

    static KafkaSink<DeadLetter> deadLetterSink(JobOptions options) {
        return kafkaSink(options, "-dlq",
                new SingleTopicSerializer<>(new DeadLetterSerializer(options.dlqTopic()), options.dlqTopic()));
    }

    /** Shared sink settings; each sink needs its own transactional id prefix. */
    private static <T> KafkaSink<T> kafkaSink(
            JobOptions options, String prefixSuffix, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                // First, so that nothing below can be overridden (JobOptions refuses those keys anyway).
                .setKafkaProducerConfig(options.kafkaSettings().asProperties())
                .setBootstrapServers(options.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(options.deliveryGuarantee())
                .setTransactionalIdPrefix(options.transactionalIdPrefix() + prefixSuffix)
                // Reuse a few transactional ids per subtask instead of a new one per checkpoint, which
                // the broker would keep for transactional.id.expiration.ms (7 days). Needs Kafka 3.0+
                // (aborts by listing open transactions); going back to INCREMENTING is not supported.
                .setTransactionNamingStrategy(TransactionNamingStrategy.POOLING)
                // Explicit, so the broker's transaction.max.timeout.ms (1 h in this repository) must allow it.
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        String.valueOf(options.transactionTimeout().toMillis()))
                // The same limit the router's RecordSizeGuard keeps every record within.
                .setProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(options.maxRequestSize()))
                .build();
    }

    /** keyBy vehicleId: a named class so the key type is explicit (String), not inferred from a lambda. */
    static final class VehicleIdKey implements KeySelector<Reading, String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Reading reading) {
            return reading.vehicleId();
        }
    }
}

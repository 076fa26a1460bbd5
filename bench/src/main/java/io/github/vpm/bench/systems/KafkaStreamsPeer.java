package io.github.vpm.bench.systems;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.deadletter.DeadLetterSerializer;
import io.github.vpm.job.ingest.DecodedRecord;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.maximum.PressureMaxJson;
import io.github.vpm.job.reading.InvalidReadingException;
import io.github.vpm.job.reading.Reading;
import io.github.vpm.job.reading.ReadingDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The peer: the job's semantics as a Kafka Streams user would write them. Decode with the job's
 * decoder, dead letters to their topic, re-key by vehicleId (through a repartition topic, Kafka
 * Streams' shuffle), keep the maximum in a persistent (RocksDB, changelogged) store, emit only on a
 * strictly higher maximum, all under {@code exactly_once_v2}. Two stream threads, like the job's
 * parallelism 2; everything else is Kafka Streams' default.
 */
public final class KafkaStreamsPeer implements SystemUnderTest {

    static final String STORE = "max-pressure";
    public static final int THREADS = 2;

    private final KafkaStreams streams;
    private final Path stateDir;
    private volatile long readyNanos;

    public KafkaStreamsPeer(RunSpec spec) {
        try {
            stateDir = Files.createTempDirectory("vpm-bench-streams-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The broker's address and security settings apply to every client of the application.
        Properties p = spec.broker().properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, spec.runId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        streams = new KafkaStreams(topology(spec), p);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && readyNanos == 0) {
                readyNanos = System.nanoTime();
            }
        });
        streams.start();
    }

    static Topology topology(RunSpec spec) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                Serdes.String(), Serdes.Double()));

        KStream<byte[], DecodedRecord> decoded = builder
                .stream(spec.inputTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .processValues(Decode::new, Named.as("decode"));
        Map<String, KStream<byte[], DecodedRecord>> branches = decoded.split(Named.as("decoded-"))
                .branch((key, record) -> record.isValid(), Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));

        branches.get("decoded-invalid")
                .mapValues(record -> DeadLetterSerializer.toJson(record.deadLetter))
                .to(spec.dlqTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));

        branches.get("decoded-valid")
                .map((key, record) -> KeyValue.pair(record.reading.vehicleId(), record.reading))
                .repartition(Repartitioned.with(Serdes.String(), new ReadingSerde()).withName("by-vehicle"))
                .process(Max::new, Named.as("max"), STORE)
                .to(spec.outputTopic(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Decode + validate; a dead letter needs the record's topic, partition and offset. */
    static final class Decode implements FixedKeyProcessor<byte[], byte[], DecodedRecord> {
        private final ReadingDecoder decoder = new ReadingDecoder(0, 10_000_000);
        private FixedKeyProcessorContext<byte[], DecodedRecord> context;

        @Override
        public void init(FixedKeyProcessorContext<byte[], DecodedRecord> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], byte[]> record) {
            DecodedRecord decoded;
            try {
                decoded = DecodedRecord.valid(decoder.decode(record.value()));
            } catch (InvalidReadingException e) {
                RecordMetadata where = context.recordMetadata().orElseThrow();
                byte[] value = record.value();
                decoded = DecodedRecord.invalid(new DeadLetter(e.getMessage(),
                        value == null ? "" : new String(value, StandardCharsets.UTF_8),
                        where.topic(), where.partition(), where.offset(), record.key()));
            }
            context.forward(record.withValue(decoded));
        }
    }

    /** The keyed maximum: emit only when it strictly increases, stamped with the reading's event time. */
    static final class Max implements Processor<String, Reading, String, byte[]> {
        /** The job's writer; a processor belongs to one stream thread, as a sink writer to one task. */
        private final PressureMaxJson json = new PressureMaxJson();
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, Double> maxima;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.maxima = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, Reading> record) {
            Reading reading = record.value();
            Double max = maxima.get(record.key());
            if (max != null && reading.pressure() <= max) {
                return;
            }
            maxima.put(record.key(), reading.pressure());
            context.forward(new Record<>(record.key(), json.write(PressureMax.of(reading)),
                    reading.timestamp()));
        }
    }

    @Override
    public long readyNanos() {
        return readyNanos;
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readyNanos == 0) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("Kafka Streams not RUNNING after " + timeout + ": " + streams.state());
            }
            Thread.sleep(5);
        }
    }

    /** Fails loudly if Kafka Streams has stopped processing (ERROR, shutting down): its figures would mean nothing. */
    public void requireHealthy() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new IllegalStateException("Kafka Streams is " + state);
        }
    }

    @Override
    public String describe() {
        return "Kafka Streams, exactly_once_v2, " + THREADS + " threads, RocksDB store + changelog";
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(60));
        streams.cleanUp();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a benchmark for
        }
    }
}

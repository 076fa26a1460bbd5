package io.github.vpm.bench;

import io.github.vpm.bench.data.DataSet;
import io.github.vpm.bench.systems.BrokerAccess;
import io.github.vpm.job.reading.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A steady load of live readings for latency runs: {@code rate} readings a second, each stamped
 * with the wall clock at send time (event time = produced time). Every 100th reading is a
 * "marker" whose pressure rises through the run, so maxima keep being emitted at a steady pace
 * (about rate/100 a second); the rest are ordinary readings, 0.1% of all invalid.
 */
final class PacedLoad {

    private final BrokerAccess broker;
    private final String topic;
    private final int vehicles;
    private final int sensorsPerVehicle;
    private final int rate;

    /** Readings sent over every {@link #run} so far: the invalid ones and the markers keep their pace across runs. */
    private long sent;
    /** Markers rise across runs too, so each is a new maximum for its vehicle whichever step sends it. */
    private long marker;
    private long lastEventTime;
    private volatile boolean stopped;

    PacedLoad(BrokerAccess broker, String topic, int vehicles, int sensorsPerVehicle, int rate) {
        this.broker = broker;
        this.topic = topic;
        this.vehicles = vehicles;
        this.sensorsPerVehicle = sensorsPerVehicle;
        this.rate = rate;
    }

    /** Sends for {@code seconds} at the rate given to the constructor; returns the achieved rate (readings/s). */
    double run(int seconds, long seed) {
        return run(seconds, seed, rate);
    }

    /**
     * Sends for {@code seconds} at {@code rate} readings/s; returns the achieved rate. May be called again,
     * e.g. at a higher rate: the sustainable-rate search's steps go one after another through one load.
     */
    double run(int seconds, long seed, long rate) {
        Properties p = broker.properties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        SplittableRandom random = new SplittableRandom(seed);
        char[] timestamp = new char[Timestamps.SEED_LENGTH];
        StringBuilder json = new StringBuilder(160);
        long sentBefore = sent;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long now;
            while ((now = System.nanoTime()) < end && !stopped) {
                long due = sentBefore + (now - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    int vehicle = random.nextInt(vehicles);
                    String sensorId = DataSet.sensorId(vehicle, random.nextInt(sensorsPerVehicle));
                    long eventTime = System.currentTimeMillis();
                    Timestamps.formatSeed(eventTime, timestamp);
                    json.setLength(0);
                    if (sent % 1000 == 999) {
                        json.append("not json ").append(sent);
                    } else {
                        long pressure = sent % 100 == 0 ? 9_000_000 + marker++ : 600_000 + random.nextInt(400_000);
                        DataSet.appendReading(json, timestamp, String.valueOf(pressure), 200, sensorId,
                                DataSet.vehicleId(vehicle));
                    }
                    producer.send(new ProducerRecord<>(topic, null, eventTime,
                            sensorId.getBytes(StandardCharsets.UTF_8),
                            json.toString().getBytes(StandardCharsets.UTF_8)));
                    sent++;
                    lastEventTime = eventTime;
                }
                Thread.sleep(1);
            }
            producer.flush();
            return (sent - sentBefore) / ((System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends {@link #run} early, from another thread: a load kept up only while something is measured. */
    void stop() {
        stopped = true;
    }

    long lastEventTime() {
        return lastEventTime;
    }
}

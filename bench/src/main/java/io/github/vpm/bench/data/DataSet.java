package io.github.vpm.bench.data;

import io.github.vpm.job.reading.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The fixed, seeded input: {@code readings} records over {@code vehicles x sensorsPerVehicle}
 * sensors, a fraction {@code invalidRatio} of them invalid in one of several ways. The same seed
 * always gives the same bytes in the same order, and {@link #expected()} says what every system
 * must end up with: each vehicle's maximum over its valid readings and the number of dead letters.
 */
public final class DataSet {

    /** Kinds of invalid record, cycled through so each one is exercised. */
    private static final String[] INVALID_KINDS = {"not-json", "pressure-text", "out-of-range",
            "no-vehicle", "bad-timestamp"};

    private final long readings;
    private final int vehicles;
    private final int sensorsPerVehicle;
    private final double invalidRatio;
    private final long seed;
    private final long firstEventTime;
    /** Fleet mode: the first {@code vehicles} readings are one valid reading per vehicle. */
    private final boolean everyVehicle;

    public DataSet(long readings, int vehicles, int sensorsPerVehicle, double invalidRatio, long seed,
                   long firstEventTime) {
        this(readings, vehicles, sensorsPerVehicle, invalidRatio, seed, firstEventTime, false);
    }

    private DataSet(long readings, int vehicles, int sensorsPerVehicle, double invalidRatio, long seed,
                    long firstEventTime, boolean everyVehicle) {
        this.readings = readings;
        this.vehicles = vehicles;
        this.sensorsPerVehicle = sensorsPerVehicle;
        this.invalidRatio = invalidRatio;
        this.seed = seed;
        this.firstEventTime = firstEventTime;
        this.everyVehicle = everyVehicle;
    }

    /**
     * A fleet of exactly {@code vehicles} vehicles with {@code readingsPerVehicle} readings each on
     * average ({@code bench/run --scale}): every vehicle first reports once, valid, in a scattered
     * order (so the state holds the whole fleet and the report's vehicle count is exact), then the
     * remaining readings go to vehicles at random as in the default set. With 3 readings per vehicle
     * two thirds of the readings meet a vehicle that already has state.
     */
    public static DataSet fleet(int vehicles, int readingsPerVehicle, int sensorsPerVehicle, double invalidRatio,
                                long seed, long firstEventTime) {
        return new DataSet((long) vehicles * readingsPerVehicle, vehicles, sensorsPerVehicle, invalidRatio, seed,
                firstEventTime, true);
    }

    public long readings() {
        return readings;
    }

    /** One generated input record: key (sensorId), value (JSON or garbage), event time. */
    public record Record(byte[] key, byte[] value, long eventTime, boolean valid) {}

    /** What every system must produce from this data set. */
    public record Expected(Map<String, Long> maxima, long deadLetters) {}

    /** Generates every record in order, handing each to {@code sink}; returns the expectation. */
    public Expected generate(Consumer<Record> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Long> maxima = new HashMap<>(vehicles * 2);
        long invalid = 0;
        char[] timestamp = new char[Timestamps.SEED_LENGTH];
        StringBuilder json = new StringBuilder(160);
        long stride = coprimeStride(vehicles);
        for (long i = 0; i < readings; i++) {
            boolean firstPass = everyVehicle && i < vehicles;
            int vehicle = firstPass ? (int) (i * stride % vehicles) : random.nextInt(vehicles);
            int sensor = random.nextInt(sensorsPerVehicle);
            String vehicleId = vehicleId(vehicle);
            String sensorId = sensorId(vehicle, sensor);
            // One event per millisecond, in order: a sensor fleet replayed at its own pace.
            long eventTime = firstEventTime + i;
            long pressure = 600_000 + random.nextInt(400_000);
            int tenthsCelsius = 150 + random.nextInt(200);
            Timestamps.formatSeed(eventTime, timestamp);

            boolean valid = random.nextDouble() >= invalidRatio || firstPass;
            json.setLength(0);
            if (valid) {
                appendReading(json, timestamp, String.valueOf(pressure), tenthsCelsius, sensorId, vehicleId);
                maxima.merge(vehicleId, pressure, Math::max);
            } else {
                appendInvalid(json, INVALID_KINDS[(int) (invalid % INVALID_KINDS.length)], timestamp,
                        pressure, tenthsCelsius, sensorId, vehicleId);
                invalid++;
            }
            sink.accept(new Record(sensorId.getBytes(StandardCharsets.UTF_8),
                    json.toString().getBytes(StandardCharsets.UTF_8), eventTime, valid));
        }
        return new Expected(maxima, invalid);
    }

    /**
     * A step through 0..vehicles-1 that visits each once ({@code i * stride mod vehicles}), far from 1 so
     * that consecutive readings belong to unrelated vehicles, as when a real fleet reports.
     */
    static long coprimeStride(int vehicles) {
        long stride = Math.max(1, (long) (vehicles * 0.6180339887));
        while (gcd(stride, vehicles) != 1) {
            stride++;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public static String vehicleId(int vehicle) {
        return "VEHICLE " + vehicle;
    }

    public static String sensorId(int vehicle, int sensor) {
        return "vehicle" + vehicle + "-s" + sensor;
    }

    /** The contract's reading, field order as in the contract's example. */
    public static void appendReading(StringBuilder json, char[] timestamp, String pressure, int tenthsCelsius,
                                     String sensorId, String vehicleId) {
        json.append("{\"timestamp\": \"").append(timestamp).append("\", \"pressure\": ").append(pressure)
                .append(", \"temperature\": ").append(tenthsCelsius / 10).append('.').append(tenthsCelsius % 10)
                .append(", \"sensorId\": \"").append(sensorId).append("\", \"vehicleId\": \"")
                .append(vehicleId).append("\"}");
    }

    private static void appendInvalid(StringBuilder json, String kind, char[] timestamp, long pressure,
                                      int tenthsCelsius, String sensorId, String vehicleId) {
        switch (kind) {
            case "not-json":
                json.append("pressure=").append(pressure).append(" sensor=").append(sensorId);
                break;
            case "pressure-text":
                appendReading(json, timestamp, "\"abc\"", tenthsCelsius, sensorId, vehicleId);
                break;
            case "out-of-range":
                appendReading(json, timestamp, "-" + pressure, tenthsCelsius, sensorId, vehicleId);
                break;
            case "no-vehicle":
                appendReading(json, timestamp, String.valueOf(pressure), tenthsCelsius, sensorId, "");
                break;
            default: // bad-timestamp
                appendReading(json, "22/07/2025 22:30".toCharArray(), String.valueOf(pressure), tenthsCelsius,
                        sensorId, vehicleId);
        }
    }
}

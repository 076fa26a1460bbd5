package io.github.vpm.job.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A deterministic mix of sensor readings, valid and invalid, in two phases (before and after
 * something happens to the job: a first check, a failure, a rescale), and what the job must make
 * of them, computed here in plain Java independently of the job's code.
 *
 * <p>Each reading goes to an explicit input partition chosen from its sensor, so the four sensors
 * of one vehicle always land on four different partitions (and so on different source subtasks):
 * the historical partition-by-sensor bug shows up as wrong maxima.
 */
final class PressureDataSet {

    static final int INPUT_PARTITIONS = 6;
    static final int SENSORS_PER_VEHICLE = 4;
    static final long PRESSURE_MIN = 0;
    static final long PRESSURE_MAX = 10_000_000;

    private static final Instant T0 = Instant.parse("2025-07-22T22:00:00Z");
    private static final DateTimeFormatter SEED_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A valid reading as the test means it (not as the job parses it). */
    record Reading(String vehicleId, String sensorId, long pressure, Instant timestamp, Double temperature) {
    }

    /** One input record: its value bytes (null = tombstone) and, if valid, the reading it carries. */
    record Input(int partition, String key, byte[] value, Reading reading, String why) {

        boolean valid() {
            return reading != null;
        }

        String rawText() {
            return value == null ? "" : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final List<Input> phase1;
    private final List<Input> phase2;

    private PressureDataSet(List<Input> phase1, List<Input> phase2) {
        this.phase1 = List.copyOf(phase1);
        this.phase2 = List.copyOf(phase2);
    }

    List<Input> phase1() {
        return phase1;
    }

    List<Input> phase2() {
        return phase2;
    }

    List<Input> all() {
        List<Input> all = new ArrayList<>(phase1);
        all.addAll(phase2);
        return all;
    }

    /** The phase-2 inputs split in two halves, for tests with three steps. */
    List<Input> phase2FirstHalf() {
        return phase2.subList(0, phase2.size() / 2);
    }

    List<Input> phase2SecondHalf() {
        return phase2.subList(phase2.size() / 2, phase2.size());
    }

    /** Expected all-time maximum per vehicle over the valid readings of {@code inputs}. */
    static Map<String, Long> expectedMaxima(List<Input> inputs) {
        Map<String, Long> max = new LinkedHashMap<>();
        for (Input in : inputs) {
            if (in.valid()) {
                max.merge(in.reading().vehicleId(), in.reading().pressure(), Math::max);
            }
        }
        return max;
    }

    static List<Input> invalid(List<Input> inputs) {
        return inputs.stream().filter(Predicate.not(Input::valid)).toList();
    }

    // ------------------------------------------------------------------ generation

    /**
     * About 20 vehicles x 4 sensors: out-of-order timestamps, late readings (an hour older than
     * anything before them) among which new maxima, duplicates, ties, pressure at both range
     * limits, every timestamp and temperature form the contract accepts, and every kind of
     * invalid record.
     */
    static PressureDataSet generate(long seed, int vehicles) {
        Random random = new Random(seed);
        Generator g = new Generator(random);
        List<Input> p1 = new ArrayList<>();
        List<Input> p2 = new ArrayList<>();

        for (int v = 0; v < vehicles; v++) {
            for (int i = 0; i < 10; i++) {
                p1.add(g.reading(v, random.nextInt(SENSORS_PER_VEHICLE), 200_000 + random.nextInt(2_800_000), 0));
            }
            for (int i = 0; i < 6; i++) {
                p2.add(g.reading(v, random.nextInt(SENSORS_PER_VEHICLE), 200_000 + random.nextInt(3_000_000), 0));
            }
        }

        // Ties: another sensor reports exactly the vehicle's maximum so far (equal: nothing to emit).
        for (int v = 0; v < vehicles; v += 3) {
            long max = maxOf(p1, vehicleId(v));
            p1.add(g.reading(v, 3, max, 0));
            p2.add(g.reading(v, 2, max, 0));
        }
        // Duplicates: the very same record sent again, in both phases.
        int originals1 = p1.size();
        for (int i = 0; i < originals1; i += 17) {
            p1.add(p1.get(i));
        }
        int originals2 = p2.size();
        for (int i = 0; i < originals2; i += 13) {
            p2.add(p2.get(i));
        }
        // Late readings, far behind the watermark; for some vehicles they carry the new maximum.
        for (int v = 0; v < vehicles; v += 2) {
            boolean newMax = v % 4 == 0;
            long pressure = newMax ? 5_000_000 + v : 100_000 + v;
            p2.add(g.reading(v, 1, pressure, -3_600_000));
        }
        // The range limits are valid readings: vehicle 1 reaches the upper limit, vehicle 2 has a 0.
        p2.add(g.reading(1, 0, PRESSURE_MAX, 0));
        p1.add(g.reading(2, 1, PRESSURE_MIN, 0));
        // A vehicle that only ever reports 0 emits once: its first reading always emits.
        for (int i = 0; i < 4; i++) {
            (i < 2 ? p1 : p2).add(g.reading(vehicles, i, 0, 0));
        }
        // A vehicle first seen in phase 2 (after the restart, failure or rescale).
        for (int i = 0; i < 5; i++) {
            p2.add(g.reading(vehicles + 1, i % SENSORS_PER_VEHICLE, 300_000 + random.nextInt(1_000_000), 0));
        }

        List<Input> invalid = g.invalidRecords();
        for (int i = 0; i < invalid.size(); i++) {
            (i % 2 == 0 ? p1 : p2).add(invalid.get(i));
        }

        // Shuffle within each phase: readings of a vehicle arrive in no particular order.
        Collections.shuffle(p1, random);
        Collections.shuffle(p2, random);
        return new PressureDataSet(p1, p2);
    }

    static String vehicleId(int v) {
        return "VEH " + v;
    }

    static String sensorId(int v, int s) {
        return "veh" + v + "s" + s;
    }

    /** Partition of a sensor: the sensors of a vehicle sit on consecutive, hence different, partitions. */
    static int partitionOf(int v, int s) {
        return (v + s) % INPUT_PARTITIONS;
    }

    private static long maxOf(List<Input> inputs, String vehicleId) {
        return inputs.stream().filter(Input::valid).filter(in -> in.reading().vehicleId().equals(vehicleId))
                .mapToLong(in -> in.reading().pressure()).max().orElseThrow();
    }

    private static final class Generator {

        private final Random random;
        private int sequence;

        Generator(Random random) {
            this.random = random;
        }

        /** A valid reading; {@code shiftMillis} moves its event time (negative: late). */
        Input reading(int v, int s, long pressure, long shiftMillis) {
            int n = sequence++;
            // Mostly ascending event time with +-20 s of disorder.
            Instant ts = T0.plusMillis(n * 500L + random.nextInt(40_000) - 20_000 + shiftMillis)
                    .plusNanos(random.nextInt(1_000_000_000) / 1_000_000 * 1_000_000L);
            Double temperature = switch (n % 4) {
                case 0 -> Math.round((15 + random.nextDouble() * 30) * 10) / 10.0;
                case 1 -> (double) (10 + random.nextInt(30)); // written as a JSON integer
                case 2 -> null; // written as null
                default -> null; // left out
            };
            String tempJson = switch (n % 4) {
                case 0 -> ", \"temperature\": " + temperature;
                case 1 -> ", \"temperature\": " + temperature.longValue();
                case 2 -> ", \"temperature\": null";
                default -> "";
            };
            // Which timestamp spelling this reading uses decides its precision.
            TimestampForm form = TimestampForm.values()[n % TimestampForm.values().length];
            ts = form.truncate(ts);
            String extra = n % 7 == 0 ? ", \"firmware\": \"4.2.1\", \"tags\": [1, 2]" : "";
            String vehicleId = vehicleId(v);
            String sensorId = sensorId(v, s);
            String json = "{\"timestamp\": \"" + form.format(ts) + "\", \"pressure\": " + pressure + tempJson
                    + ", \"sensorId\": \"" + sensorId + "\", \"vehicleId\": \"" + vehicleId + "\"" + extra + "}";
            return new Input(partitionOf(v, s), sensorId, json.getBytes(StandardCharsets.UTF_8),
                    new Reading(vehicleId, sensorId, pressure, ts, temperature), "valid " + form);
        }

        /** One record of every kind the contract calls invalid, each on some partition. */
        List<Input> invalidRecords() {
            String ok = "\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"sensorId\": \"badsensor\", "
                    + "\"vehicleId\": \"VEH BAD\"";
            Map<String, String> values = new LinkedHashMap<>();
            values.put("not JSON", "this is not json");
            values.put("truncated JSON", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 8");
            values.put("JSON array", "[{\"pressure\": 1}]");
            values.put("JSON string", "\"hello\"");
            values.put("JSON number", "850000");
            values.put("JSON null", "null");
            values.put("two objects", "{" + ok + ", \"pressure\": 1}{" + ok + ", \"pressure\": 2}");
            values.put("empty object", "{}");
            values.put("missing vehicleId", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\"}");
            values.put("missing sensorId", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"vehicleId\": \"VEH BAD\"}");
            values.put("missing pressure", "{" + ok + "}");
            values.put("missing timestamp", "{\"pressure\": 1, \"sensorId\": \"s\", \"vehicleId\": \"VEH BAD\"}");
            values.put("empty vehicleId", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"\"}");
            values.put("empty sensorId", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"\", \"vehicleId\": \"VEH BAD\"}");
            values.put("null sensorId", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": null, \"vehicleId\": \"VEH BAD\"}");
            values.put("vehicleId a number", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": 231}");
            values.put("pressure a string", "{" + ok + ", \"pressure\": \"850000\"}");
            values.put("pressure a fraction", "{" + ok + ", \"pressure\": 850000.5}");
            values.put("pressure a boolean", "{" + ok + ", \"pressure\": true}");
            values.put("pressure null", "{" + ok + ", \"pressure\": null}");
            values.put("pressure below range", "{" + ok + ", \"pressure\": -1}");
            values.put("pressure above range", "{" + ok + ", \"pressure\": 10000001}");
            values.put("pressure beyond long", "{" + ok + ", \"pressure\": 100000000000000000000}");
            values.put("timestamp not a date", "{\"timestamp\": \"yesterday\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"VEH BAD\"}");
            values.put("timestamp impossible", "{\"timestamp\": \"2025-13-45 25:61:00.000Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"VEH BAD\"}");
            values.put("timestamp without zone", "{\"timestamp\": \"2025-07-22 22:30:45.123\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"VEH BAD\"}");
            values.put("timestamp a number", "{\"timestamp\": 1753223445123, \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"VEH BAD\"}");
            values.put("temperature a string", "{" + ok + ", \"pressure\": 1, \"temperature\": \"warm\"}");
            values.put("temperature a boolean", "{" + ok + ", \"pressure\": 1, \"temperature\": false}");

            List<Input> result = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, String> e : values.entrySet()) {
                result.add(new Input(i++ % INPUT_PARTITIONS, "badsensor", e.getValue().getBytes(StandardCharsets.UTF_8),
                        null, e.getKey()));
            }
            result.add(new Input(i++ % INPUT_PARTITIONS, "badsensor", new byte[0], null, "empty value"));
            result.add(new Input(i++ % INPUT_PARTITIONS, "badsensor", null, null, "null value (tombstone)"));
            result.add(new Input(i % INPUT_PARTITIONS, null, "not json, no key".getBytes(StandardCharsets.UTF_8),
                    null, "no key, not JSON"));
            return result;
        }
    }

    /** The timestamp spellings the contract accepts. */
    private enum TimestampForm {
        SEED_MILLIS, SEED_NO_FRACTION, SEED_MICROS, SEED_NANOS, SEED_ONE_DIGIT, ISO_Z, ISO_OFFSET, ISO_NO_FRACTION;

        Instant truncate(Instant ts) {
            return switch (this) {
                case SEED_NO_FRACTION, ISO_NO_FRACTION -> ts.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                case SEED_ONE_DIGIT -> ts.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .plusMillis(ts.getNano() / 100_000_000 * 100L);
                case SEED_MICROS -> ts.plusNanos(123_000); // sub-millisecond digits the output must drop
                case SEED_NANOS -> ts.plusNanos(456_789);
                default -> ts;
            };
        }

        String format(Instant ts) {
            String seconds = SEED_SECONDS.format(ts);
            int nanos = ts.getNano();
            return switch (this) {
                case SEED_MILLIS -> seconds + String.format(".%03dZ", nanos / 1_000_000);
                case SEED_NO_FRACTION -> seconds + "Z";
                case SEED_MICROS -> seconds + String.format(".%06dZ", nanos / 1_000);
                case SEED_NANOS -> seconds + String.format(".%09dZ", nanos);
                case SEED_ONE_DIGIT -> seconds + "." + nanos / 100_000_000 + "Z";
                case ISO_Z -> DateTimeFormatter.ISO_INSTANT.format(ts);
                case ISO_OFFSET -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ts.atOffset(ZoneOffset.ofHours(2)));
                case ISO_NO_FRACTION -> DateTimeFormatter.ISO_INSTANT.format(ts);
            };
        }
    }
}

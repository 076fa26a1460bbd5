package io.github.vpm.job.it;

import java.math.BigDecimal;
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

    /**
     * A valid reading as the test means it (not as the job parses it). {@code pressureJson} is how
     * the input spelled the pressure (850000, 850000.0, 8.5e5, 823456.7891234).
     */
    record Reading(String vehicleId, String sensorId, String pressureJson, Instant timestamp, Double temperature) {

        double pressure() {
            return Double.parseDouble(pressureJson);
        }

        /**
         * How the contract says the output spells this pressure: integral without a fraction, any
         * other with its digits (the inputs here never use more than 15 significant digits, so the
         * digits written are the ones that read back as the same double).
         */
        String outputSpelling() {
            return new BigDecimal(pressureJson).stripTrailingZeros().toPlainString();
        }
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
    static Map<String, Double> expectedMaxima(List<Input> inputs) {
        Map<String, Double> max = new LinkedHashMap<>();
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
     * anything before them) among which new maxima, duplicates, ties (also between an integral and
     * an x.0 or exponent spelling of one value), integral and fractional pressures (some vehicles'
     * maximum is fractional), pressure at both range limits, every timestamp, temperature and
     * number form the contract accepts, and every kind of invalid record.
     */
    static PressureDataSet generate(long seed, int vehicles) {
        Random random = new Random(seed);
        Generator g = new Generator(random);
        List<Input> p1 = new ArrayList<>();
        List<Input> p2 = new ArrayList<>();

        for (int v = 0; v < vehicles; v++) {
            for (int i = 0; i < 10; i++) {
                p1.add(g.reading(v, random.nextInt(SENSORS_PER_VEHICLE),
                        pressureJson(random, 200_000 + random.nextInt(2_800_000)), 0));
            }
            for (int i = 0; i < 6; i++) {
                p2.add(g.reading(v, random.nextInt(SENSORS_PER_VEHICLE),
                        pressureJson(random, 200_000 + random.nextInt(3_000_000)), 0));
            }
        }

        // Ties: another sensor reports exactly the vehicle's maximum so far (equal: nothing to emit),
        // spelled differently: 850000 as 850000.0 or 8.5e5, 823456.25 as 823456.250.
        for (int v = 0; v < vehicles; v += 3) {
            Reading max = maxOf(p1, vehicleId(v));
            p1.add(g.reading(v, 3, otherSpelling(max.pressureJson()), 0));
            p2.add(g.reading(v, 2, max.pressureJson(), 0));
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
            // For some the new maximum is fractional, below one pascal above the next best.
            String pressure = newMax ? (5_000_000 + v) + (v % 8 == 0 ? ".5" : ".7891234") : String.valueOf(100_000 + v);
            p2.add(g.reading(v, 1, pressure, -3_600_000));
            if (newMax) {
                p2.add(g.reading(v, 2, (5_000_000 + v) + ".25", 0)); // just below it: nothing
            }
        }
        // The range limits are valid readings: vehicle 1 reaches the upper limit (as an exponent),
        // vehicle 2 has a 0 (as -0, which is 0).
        p2.add(g.reading(1, 0, "1e7", 0));
        p1.add(g.reading(2, 1, "-0", 0));
        // A vehicle that only ever reports 0 emits once: its first reading always emits (0, 0.0,
        // -0.0 and 0e0 are one value).
        String[] zeros = {"0", "0.0", "-0.0", "0e0"};
        for (int i = 0; i < 4; i++) {
            (i < 2 ? p1 : p2).add(g.reading(vehicles, i, zeros[i], 0));
        }
        // A vehicle first seen in phase 2 (after the restart, failure or rescale).
        for (int i = 0; i < 5; i++) {
            p2.add(g.reading(vehicles + 1, i % SENSORS_PER_VEHICLE,
                    pressureJson(random, 300_000 + random.nextInt(1_000_000)), 0));
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

    private static Reading maxOf(List<Input> inputs, String vehicleId) {
        return inputs.stream().filter(Input::valid).map(Input::reading).filter(r -> r.vehicleId().equals(vehicleId))
                .max(java.util.Comparator.comparingDouble(Reading::pressure)).orElseThrow();
    }

    /** Every third pressure gets a fraction; a few use an exponent. */
    private static String pressureJson(Random random, int pascals) {
        return switch (random.nextInt(6)) {
            case 0 -> pascals + "." + (1 + random.nextInt(99));
            case 1 -> pascals + ".7891234";
            case 2 -> new BigDecimal(pascals).movePointLeft(6).toPlainString() + "e6";
            default -> String.valueOf(pascals);
        };
    }

    /** The same number spelled another way. */
    private static String otherSpelling(String json) {
        BigDecimal value = new BigDecimal(json);
        return value.stripTrailingZeros().scale() <= 0
                ? value.toBigInteger() + ".0"
                : value.stripTrailingZeros().toPlainString() + "0";
    }

    private static final class Generator {

        private final Random random;
        private int sequence;

        Generator(Random random) {
            this.random = random;
        }

        /** A valid reading; {@code shiftMillis} moves its event time (negative: late). */
        Input reading(int v, int s, String pressure, long shiftMillis) {
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
            values.put("pressure infinite", "{" + ok + ", \"pressure\": 1e999}");
            values.put("pressure a fraction above range", "{" + ok + ", \"pressure\": 10000000.5}");
            values.put("pressure a fraction below range", "{" + ok + ", \"pressure\": -0.001}");
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
            values.put("vehicleId a lone surrogate", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"VEH \\ud800\"}");
            values.put("sensorId a reversed surrogate pair", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", "
                    + "\"pressure\": 1, \"sensorId\": \"s\\ude00\\ud83d\", \"vehicleId\": \"VEH BAD\"}");
            values.put("vehicleId of 257 bytes", "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"" + "€".repeat(85) + "ab\"}");
            values.put("timestamp before 1970", "{\"timestamp\": \"1969-12-31 23:59:59.999Z\", \"pressure\": 1, "
                    + "\"sensorId\": \"s\", \"vehicleId\": \"VEH BAD\"}");
            values.put("temperature a string", "{" + ok + ", \"pressure\": 1, \"temperature\": \"warm\"}");
            values.put("temperature a boolean", "{" + ok + ", \"pressure\": 1, \"temperature\": false}");

            List<Input> result = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, String> e : values.entrySet()) {
                result.add(new Input(i++ % INPUT_PARTITIONS, "badsensor", e.getValue().getBytes(StandardCharsets.UTF_8),
                        null, e.getKey()));
            }
            // UTF-16: the dead letter's raw is these bytes read as UTF-8, whatever that makes of them.
            result.add(new Input(i++ % INPUT_PARTITIONS, "badsensor",
                    ("{" + ok + ", \"pressure\": 1}").getBytes(StandardCharsets.UTF_16LE), null, "value in UTF-16LE"));
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

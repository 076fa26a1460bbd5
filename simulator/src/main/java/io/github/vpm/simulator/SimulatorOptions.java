package io.github.vpm.simulator;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.cli.Durations;
import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.cli.OptionValues;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the simulator is told, parsed once from the command line (the shared {@link CommandLine}
 * shape: {@code --name value}, the last of a repeated option wins) with the
 * environment variables KAFKA_BOOTSTRAP_SERVERS, SIMULATION_DURATION and MESSAGES_PER_SECOND as defaults
 * (the command line wins).
 *
 * @param kafkaSettings client settings from --kafka-properties (security), merged into the producer
 * @param startTime event time of the first reading, or null to stamp readings with the wall clock
 * @param duration  how long to run; zero means forever
 * @param count     how many readings to send; zero means unlimited
 */
public record SimulatorOptions(
        String bootstrapServers,
        KafkaClientSettings kafkaSettings,
        String topic,
        int vehicles,
        int sensorsPerVehicle,
        int rate,
        Duration duration,
        long count,
        long seed,
        double spikeProbability,
        int pressureDecimals,
        Instant startTime,
        Duration progressInterval,
        boolean help) {

    public static final int MAX_RATE = 1_000_000;
    public static final int MAX_SENSORS = 1_000_000;

    /**
     * Producer settings the simulator sets itself: per-sensor order without duplicates (idempotence,
     * acks=all) and its bounded waits on an unreachable broker depend on them.
     */
    static final Set<String> RESERVED_KAFKA_SETTINGS = Set.of(
            "bootstrap.servers", "key.serializer", "value.serializer", "acks", "enable.idempotence",
            "max.in.flight.requests.per.connection", "retries", "transactional.id", "max.block.ms");

    private record Spec(String name, String value, String defaultValue, String env, String description) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("bootstrap-servers", "host:port[,...]", "localhost:9092", "KAFKA_BOOTSTRAP_SERVERS",
                    "Kafka brokers to connect to"),
            new Spec(KafkaClientSettings.OPTION, "file", "none (PLAINTEXT)", null,
                    "Kafka client settings (Java properties: security.protocol, sasl.*, ssl.*);\n"
                            + "those the simulator relies on (acks, idempotence, serializers...) are refused"),
            new Spec("topic", "name", "sensor_pressure_stream", null,
                    "topic the readings are written to (key: sensorId)"),
            new Spec("vehicles", "n", "10", null, "number of vehicles in the fleet"),
            new Spec("sensors-per-vehicle", "n", "4", null, "pressure sensors on each vehicle"),
            new Spec("rate", "n", "10", "MESSAGES_PER_SECOND",
                    "readings per second, 1.." + MAX_RATE + ", for the whole fleet"),
            new Spec("duration", "time", "0", "SIMULATION_DURATION",
                    "how long to run: seconds, or 10s, 5min, 2h; 0 = forever"),
            new Spec("count", "n", "0", null, "stop after this many readings; 0 = unlimited"),
            new Spec("seed", "n", "42", null, "random seed: the same seed gives the same fleet and values"),
            new Spec("spike-probability", "p", "0.001", null,
                    "chance (0..1) that a reading is an anomalous pressure spike"),
            new Spec("pressure-decimals", "n", "0", null,
                    "digits after the decimal point of each pressure, 0.." + ReadingGenerator.MAX_PRESSURE_DECIMALS
                            + "; 0 sends whole pascals,\n7 sends e.g. 823456.7891234 as the sensors of the"
                            + " replaced system do"),
            new Spec("start-time", "instant", "wall clock", null,
                    "event time of the first reading (e.g. 2025-07-22T22:30:45Z); later readings are\n"
                            + "spaced 1/rate apart, so timestamps are reproducible too"),
            new Spec("progress-interval", "time", "10s", null, "how often to log progress; 0 = never"));

    private static final List<String> NAMES = SPECS.stream().map(Spec::name).toList();

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    /** Parses the command line with the process environment as defaults. */
    public static SimulatorOptions parse(String... args) {
        return parse(System.getenv(), args);
    }

    public static SimulatorOptions parse(Map<String, String> env, String... args) {
        // Repeats: the last wins, as bin/local-stack appends VPM_SIMULATOR_ARGS to its own options.
        CommandLine line = CommandLine.parse(NAMES, CommandLine.Repeats.LAST_WINS, args);
        if (line.helpRequested()) {
            // --help works whatever else is on the command line or in the environment.
            return parse(Map.of(), Map.of(), true);
        }
        return parse(env, line.values(), false);
    }

    private static SimulatorOptions parse(Map<String, String> env, Map<String, String> given, boolean help) {
        Values v = new Values(env, given);
        int vehicles = v.intValue("vehicles", 1, MAX_SENSORS);
        int sensors = v.intValue("sensors-per-vehicle", 1, 1000);
        if ((long) vehicles * sensors > MAX_SENSORS) {
            throw new InvalidOptionException("--sensors-per-vehicle: " + vehicles + " vehicles x " + sensors
                    + " sensors is more than " + MAX_SENSORS + " sensors in total");
        }
        return new SimulatorOptions(
                v.bootstrapServers("bootstrap-servers"),
                v.kafkaSettings(KafkaClientSettings.OPTION),
                v.topic("topic"),
                vehicles,
                sensors,
                v.intValue("rate", 1, MAX_RATE),
                v.duration("duration"),
                v.longValue("count", 0, Long.MAX_VALUE),
                v.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                v.probability("spike-probability"),
                v.intValue("pressure-decimals", 0, ReadingGenerator.MAX_PRESSURE_DECIMALS),
                v.instant("start-time"),
                v.duration("progress-interval"),
                help);
    }

    /** The --help text: every option with its default and environment variable. */
    public static String usage() {
        StringBuilder out = new StringBuilder()
                .append("Usage: java -jar vpm-simulator.jar [--name value]...\n")
                .append("Simulates a fleet of vehicles whose tyre pressure sensors send readings to Kafka.\n\n");
        for (Spec spec : SPECS) {
            String left = "  --" + spec.name() + " " + spec.value();
            String[] lines = spec.description().split("\n");
            for (int i = 0; i < lines.length; i++) {
                out.append(String.format("%-38s %s%n", i == 0 ? left : "", lines[i]));
            }
            String dflt = "(default: " + spec.defaultValue()
                    + (spec.env() == null ? "" : "; environment variable " + spec.env()) + ")";
            out.append(String.format("%-38s %s%n", "", dflt));
        }
        out.append(String.format("%-38s %s%n", "  --help", "print this help and exit"));
        return out.toString();
    }

    public boolean runsForever() {
        return duration.isZero() && count == 0;
    }

    public int totalSensors() {
        return vehicles * sensorsPerVehicle;
    }

    private static Spec spec(String name) {
        return SPECS.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** Resolves one option (command line, then environment, then default) and converts it. */
    private static final class Values {
        private final Map<String, String> env;
        private final Map<String, String> given;
        private String label;

        Values(Map<String, String> env, Map<String, String> given) {
            this.env = env;
            this.given = given;
        }

        private String raw(String name) {
            Spec spec = spec(name);
            if (given.containsKey(name)) {
                label = "--" + name;
                return given.get(name).trim();
            }
            String fromEnv = spec.env() == null ? null : env.get(spec.env());
            if (fromEnv != null && !fromEnv.isBlank()) {
                label = spec.env();
                return fromEnv.trim();
            }
            label = "--" + name;
            return spec.defaultValue();
        }

        private InvalidOptionException bad(String expected, String value) {
            return InvalidOptionException.expected(label, expected, value);
        }

        String bootstrapServers(String name) {
            String value = raw(name);
            return OptionValues.bootstrapServers(label, value);
        }

        /** The file's settings, read once here; none without the option. */
        KafkaClientSettings kafkaSettings(String name) {
            String value = given.get(name);
            return value == null ? KafkaClientSettings.NONE
                    : KafkaClientSettings.load(value, "the simulator", RESERVED_KAFKA_SETTINGS);
        }

        String topic(String name) {
            String value = raw(name);
            if (!TOPIC.matcher(value).matches() || value.equals(".") || value.equals("..")) {
                throw bad("a Kafka topic name (letters, digits, '.', '_', '-')", value);
            }
            return value;
        }

        int intValue(String name, int min, int max) {
            return (int) longValue(name, min, max);
        }

        long longValue(String name, long min, long max) {
            String value = raw(name);
            return OptionValues.wholeNumber(label, value, min, max);
        }

        double probability(String name) {
            String value = raw(name);
            try {
                double p = Double.parseDouble(value);
                if (!(p >= 0.0 && p <= 1.0)) {
                    throw bad("a probability from 0 to 1", value);
                }
                return p;
            } catch (NumberFormatException e) {
                throw bad("a probability from 0 to 1", value);
            }
        }

        Duration duration(String name) {
            String value = raw(name);
            // A bare number is seconds here, as SIMULATION_DURATION always was.
            return Durations.parse(value, Durations.BareNumber.SECONDS)
                    .orElseThrow(() -> bad("a duration such as 30 (seconds), 10s, 5min or 2h", value));
        }

        Instant instant(String name) {
            String value = raw(name);
            if (value.equals(spec(name).defaultValue())) {
                return null;
            }
            try {
                // The seed format (2025-07-22 22:30:45.123Z) is an ISO instant with a space for the T.
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException e) {
                throw bad("an ISO-8601 instant such as 2025-07-22T22:30:45Z", value);
            }
        }
    }
}

package io.github.vpm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The harness's command line, parsed once. {@code --quick} is a smoke-test preset, explicit options still win. */
record BenchOptions(long readings, int vehicles, int sensorsPerVehicle, double invalidRatio, long seed, int runs,
                    List<String> systems, boolean latency, int latencyRate, int latencySeconds,
                    int latencyWarmupSeconds, Path out, List<Security> security) {

    static final List<String> ALL_SYSTEMS = List.of(Systems.CEILING, Systems.KAFKA_STREAMS, Systems.JOB,
            Systems.JOB_AT_LEAST_ONCE);

    static String usage() {
        return String.join("\n",
                "usage: bench/run [--quick] [--readings N] [--runs K] [--vehicles N] [--sensors-per-vehicle N]",
                "                 [--invalid-ratio R] [--seed S] [--systems a,b,..] [--no-latency]",
                "                 [--latency-rate R] [--latency-seconds S] [--latency-warmup S] [--out DIR]",
                "                 [--security plaintext|sasl_ssl|both]",
                "  defaults: 5000000 readings, 3 runs, 10000 vehicles x 4 sensors, 0.001 invalid, seed 42,",
                "            systems " + String.join(",", ALL_SYSTEMS) + ",",
                "            latency at 20000 readings/s, 10 s warm-up + 30 s measured, per setting and run",
                "            security plaintext",
                "  --quick: 50000 readings, 1 run, latency 2 s warm-up + 5 s measured",
                "  --security sasl_ssl: a broker with one SASL_SSL listener (SCRAM-SHA-512) that every client uses;",
                "             both: plaintext and sasl_ssl brokers side by side, rounds alternating between them,",
                "             and a last line security: plaintext_job=.. sasl_ssl_job=.. plaintext_ceiling=..",
                "             sasl_ssl_ceiling=.. sasl_ssl/plaintext=X.XX (the job's ratio)",
                "  bench/run --portal [--vehicles N] ...: the portal jar at a fleet size (default 1000000 vehicles);",
                "             bench/run --portal --help lists its options",
                "");
    }

    static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        boolean quick = false;
        boolean latency = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--no-latency" -> latency = false;
                case "--help", "-h" -> throw new UsageRequested();
                default -> {
                    if (!a.startsWith("--") || i + 1 >= args.length) {
                        throw new IllegalArgumentException("unknown or incomplete option: " + a);
                    }
                    given.put(a.substring(2), args[++i]);
                }
            }
        }
        Values v = new Values(given);
        BenchOptions o = new BenchOptions(
                v.longValue("readings", quick ? 50_000 : 5_000_000, 1),
                (int) v.longValue("vehicles", 10_000, 1),
                (int) v.longValue("sensors-per-vehicle", 4, 1),
                v.doubleValue("invalid-ratio", 0.001),
                v.longValue("seed", 42, Long.MIN_VALUE),
                (int) v.longValue("runs", quick ? 1 : 3, 1),
                v.systems(),
                latency,
                (int) v.longValue("latency-rate", 20_000, 1),
                (int) v.longValue("latency-seconds", quick ? 5 : 30, 1),
                (int) v.longValue("latency-warmup", quick ? 2 : 10, 0),
                Path.of(Objects.requireNonNullElse(given.remove("out"), quick ? "bench/target/quick" : "bench/results")),
                Security.parse(Objects.requireNonNullElse(given.remove("security"), "plaintext")));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option: --" + given.keySet().iterator().next());
        }
        return o;
    }

    static final class UsageRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Takes each option out of the map as it is read, so leftovers are unknown options. */
    private record Values(Map<String, String> given) {

        long longValue(String name, long dflt, long min) {
            String s = given.remove(name);
            if (s == null) {
                return dflt;
            }
            try {
                long value = Long.parseLong(s.replace("_", ""));
                if (value < min) {
                    throw new IllegalArgumentException("--" + name + ": must be at least " + min + ", got " + s);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": expected an integer, got \"" + s + "\"");
            }
        }

        double doubleValue(String name, double dflt) {
            String s = given.remove(name);
            if (s == null) {
                return dflt;
            }
            try {
                double value = Double.parseDouble(s);
                if (value < 0 || value > 1) {
                    throw new IllegalArgumentException("--" + name + ": expected 0..1, got " + s);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": expected a number, got \"" + s + "\"");
            }
        }

        List<String> systems() {
            String s = given.remove("systems");
            if (s == null) {
                return ALL_SYSTEMS;
            }
            List<String> systems = new ArrayList<>();
            for (String name : s.split(",")) {
                if (!ALL_SYSTEMS.contains(name.trim())) {
                    throw new IllegalArgumentException("--systems: unknown system \"" + name + "\", expected some of "
                            + String.join(",", ALL_SYSTEMS));
                }
                systems.add(name.trim());
            }
            return List.copyOf(systems);
        }
    }
}

package io.github.vpm.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The harness's command line, parsed once. {@code --quick} is a smoke-test preset, explicit options still win.
 * {@code scale} is present for {@code --scale}: fleets of several sizes instead of the default set.
 */
record BenchOptions(long readings, int vehicles, int sensorsPerVehicle, double invalidRatio, long seed, int runs,
                    List<String> systems, boolean latency, int latencyRate, int latencySeconds,
                    int latencyWarmupSeconds, Path out, List<Security> security, Optional<Scale> scale,
                    Optional<Sustainable> sustainable) {

    /**
     * {@code --sustainable} (alone, or after {@code --scale}'s lines): the highest input rate each of the job
     * (exactly-once, 1 s checkpoints) and the Kafka Streams peer (its exactly-once defaults) sustains on a
     * fleet of {@code vehicles}: steps of a constant rate from {@code startRate}, times {@code factor} after
     * each passed step, {@code refinements} steps between the last pass and the first fail, each step
     * {@code warmupSeconds} discarded then {@code stepSeconds} measured; a step passes while p99 latency and
     * the catch-up after it stay within {@code boundMillis} and the producer reaches the rate; a failed step
     * runs again up to {@code retries} times before it counts as failed.
     */
    record Sustainable(int vehicles, long startRate, double factor, int warmupSeconds, int stepSeconds,
                       int refinements, int retries, long maxRate, long boundMillis) {
        static final int DEFAULT_VEHICLES = 1_000_000;
        /** The job's 1 s checkpoint interval + 1 s, held against both systems (BENCHMARKS.md). */
        static final long DEFAULT_BOUND_MILLIS = 2_000;
    }

    /**
     * {@code --scale}: one fleet per size in {@code vehicles}, {@value #READINGS_PER_VEHICLE} readings per
     * vehicle, each through the ceiling and the job. {@code runs} applies to every size when given; by
     * default sizes of {@value #LARGE_FLEET} vehicles or more run once (a run takes minutes there), smaller
     * ones {@value #DEFAULT_SCALE_RUNS} times.
     */
    record Scale(List<Integer> vehicles, Optional<Integer> runs) {
        static final int READINGS_PER_VEHICLE = 3;
        static final int LARGE_FLEET = 10_000_000;
        static final int DEFAULT_SCALE_RUNS = 3;
        static final List<Integer> DEFAULT_VEHICLES = List.of(10_000, 1_000_000, 10_000_000);
        /** Keeps the generator's int vehicle numbers and the harness's heap (see BENCHMARKS.md) in range. */
        static final int MAX_VEHICLES = 100_000_000;

        int runsFor(int fleet) {
            return runs.orElse(fleet >= LARGE_FLEET ? 1 : DEFAULT_SCALE_RUNS);
        }
    }

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
                "  bench/run --scale [--scale-vehicles 10000,1000000,10000000] [--runs K] [--security plaintext|sasl_ssl]",
                "             [--latency-rate R] [--out DIR]: fleets of each size (4 sensors, 3 readings per vehicle),",
                "             each through the ceiling and the job (defaults); K runs per size (default 3, 1 from",
                "             10000000 vehicles), a checkpoint under a load of R readings/s (default 20000), a savepoint",
                "             and a restore; one line per size: scale: vehicles=N readings=R job=J ceiling=C",
                "             job/ceiling=X.XX checkpoint_ms=M checkpoint_bytes=B state_bytes=S restore_ms=T",
                "             (output in DIR, default bench/target/scale; the JVM gets -Xmx8g for it)",
                "  bench/run --sustainable [--sustainable-vehicles N] [--sustainable-start R] [--sustainable-factor F]",
                "             [--sustainable-warmup S] [--sustainable-step-seconds S] [--sustainable-refine K]",
                "             [--sustainable-retries T] [--sustainable-max R] [--sustainable-bound-ms B]",
                "             [--security plaintext|sasl_ssl] [--out DIR]:",
                "             the highest input rate the job (exactly-once, 1 s checkpoints) and the Kafka Streams peer",
                "             (exactly_once_v2 defaults) each sustain on a fleet of N vehicles (default 1000000, 4 sensors,",
                "             each vehicle's state loaded first): steps from R readings/s (default 2000), times F (default",
                "             1.5) after each passed step, K steps between the last pass and the first fail (default 2),",
                "             none above the max (default 1000000); each S s warm-up (default 5) + S s measured (default",
                "             15); a step passes while p99 latency and the catch-up after it stay within B ms (default",
                "             2000: the job's 1 s checkpoints + 1 s, for both) and the producer reaches the rate; a failed",
                "             step runs again up to T times (default 1) before it counts as failed. Last line:",
                "             sustainable: job=J kafka-streams=K job/kafka-streams=X.XX (readings/s; output in DIR, default",
                "             bench/target/sustainable). --scale runs it after its own lines (its options apply there too)",
                "  bench/run --portal [--vehicles N] ...: the portal jar at a fleet size (default 1000000 vehicles);",
                "             bench/run --portal --help lists its options",
                "");
    }

    static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        boolean quick = false;
        boolean latency = true;
        boolean scale = false;
        boolean sustainableOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--no-latency" -> latency = false;
                case "--scale" -> scale = true;
                case "--sustainable" -> sustainableOnly = true;
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
        if (!scale && given.containsKey("scale-vehicles")) {
            throw new IllegalArgumentException("--scale-vehicles: only with --scale");
        }
        Optional<Sustainable> sustainable = scale || sustainableOnly
                ? Optional.of(v.sustainable(sustainableOnly && !scale, quick)) : Optional.empty();
        if (sustainable.isEmpty()) {
            for (String name : given.keySet()) {
                if (name.startsWith("sustainable-")) {
                    throw new IllegalArgumentException("--" + name + ": only with --sustainable or --scale");
                }
            }
        }
        boolean runsGiven = given.containsKey("runs");
        List<Integer> fleets = scale ? v.scaleVehicles(quick) : List.of();
        int runs = (int) v.longValue("runs", quick ? 1 : 3, 1);
        Optional<Scale> scaleOptions = scale
                ? Optional.of(new Scale(fleets, runsGiven ? Optional.of(runs) : Optional.empty()))
                : Optional.empty();
        BenchOptions o = new BenchOptions(
                v.longValue("readings", quick ? 50_000 : 5_000_000, 1),
                (int) v.longValue("vehicles", 10_000, 1),
                (int) v.longValue("sensors-per-vehicle", 4, 1),
                v.doubleValue("invalid-ratio", 0.001),
                v.longValue("seed", 42, Long.MIN_VALUE),
                runs,
                v.systems(),
                latency && sustainable.isEmpty(),
                (int) v.longValue("latency-rate", 20_000, 1),
                (int) v.longValue("latency-seconds", quick ? 5 : 30, 1),
                (int) v.longValue("latency-warmup", quick ? 2 : 10, 0),
                Path.of(Objects.requireNonNullElse(given.remove("out"),
                        scale ? "bench/target/scale" : sustainableOnly ? "bench/target/sustainable"
                                : quick ? "bench/target/quick" : "bench/results")),
                Security.parse(Objects.requireNonNullElse(given.remove("security"), "plaintext")),
                scaleOptions, sustainable);
        if (scale && o.security().size() > 1) {
            throw new IllegalArgumentException("--security: both is not possible with --scale (one broker per scale run)");
        }
        if (sustainable.isPresent() && o.security().size() > 1) {
            throw new IllegalArgumentException("--security: both is not possible with --sustainable (one broker)");
        }
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

        /**
         * --sustainable's own options. Alone ({@code only}), the options that shape the default set do not apply:
         * the fleet and the systems are fixed, and there is one search per system.
         */
        Sustainable sustainable(boolean only, boolean quick) {
            if (only) {
                for (String fixed : List.of("readings", "vehicles", "systems", "runs")) {
                    if (given.containsKey(fixed)) {
                        throw new IllegalArgumentException("--" + fixed + ": not with --sustainable (it searches the"
                                + " rate of the job and the Kafka Streams peer once each; choose the fleet with"
                                + " --sustainable-vehicles)");
                    }
                }
                if (quick) {
                    throw new IllegalArgumentException("--quick: not with --sustainable (choose a small fleet with"
                            + " --sustainable-vehicles and short steps with --sustainable-step-seconds)");
                }
            }
            long vehicles = longValue("sustainable-vehicles", Sustainable.DEFAULT_VEHICLES, 1);
            if (vehicles > Scale.MAX_VEHICLES) {
                throw new IllegalArgumentException("--sustainable-vehicles: must be at most " + Scale.MAX_VEHICLES
                        + ", got " + vehicles);
            }
            long start = longValue("sustainable-start", 2_000, 1);
            double factor = factor();
            int warmup = (int) longValue("sustainable-warmup", 5, 0);
            int step = (int) longValue("sustainable-step-seconds", 15, 1);
            int refine = (int) longValue("sustainable-refine", 2, 0);
            int retries = (int) longValue("sustainable-retries", 1, 0);
            if (retries > 10) {
                throw new IllegalArgumentException("--sustainable-retries: must be at most 10, got " + retries);
            }
            long max = longValue("sustainable-max", 1_000_000, 1);
            if (max < start) {
                throw new IllegalArgumentException("--sustainable-max: must be at least the start rate " + start
                        + ", got " + max);
            }
            long bound = longValue("sustainable-bound-ms", Sustainable.DEFAULT_BOUND_MILLIS, 1);
            if (warmup > 3_600 || step > 3_600) {
                throw new IllegalArgumentException("--sustainable-" + (step > 3_600 ? "step-seconds" : "warmup")
                        + ": must be at most 3600");
            }
            return new Sustainable((int) vehicles, start, factor, warmup, step, refine, retries, max, bound);
        }

        private double factor() {
            String s = given.remove("sustainable-factor");
            if (s == null) {
                return 1.5;
            }
            double value;
            try {
                value = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sustainable-factor: expected a number, got \"" + s + "\"");
            }
            if (!(value >= 1.05 && value <= 10)) {
                throw new IllegalArgumentException("--sustainable-factor: expected 1.05..10, got " + s);
            }
            return value;
        }

        /** --scale's own options; the fleet fixes the data set, so the options that shape it do not apply. */
        List<Integer> scaleVehicles(boolean quick) {
            for (String fixed : List.of("readings", "vehicles", "systems")) {
                if (given.containsKey(fixed)) {
                    throw new IllegalArgumentException("--" + fixed + ": not with --scale (it runs the ceiling and the"
                            + " job on " + Scale.READINGS_PER_VEHICLE + " readings per vehicle; choose fleets with"
                            + " --scale-vehicles)");
                }
            }
            if (quick) {
                throw new IllegalArgumentException("--quick: not with --scale (choose small fleets with"
                        + " --scale-vehicles)");
            }
            String s = given.remove("scale-vehicles");
            if (s == null) {
                return Scale.DEFAULT_VEHICLES;
            }
            List<Integer> vehicles = new ArrayList<>();
            for (String size : s.split(",", -1)) {
                long fleet;
                try {
                    fleet = Long.parseLong(size.trim().replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--scale-vehicles: expected vehicle counts like"
                            + " 10000,1000000, got \"" + s + "\"");
                }
                if (fleet < 1 || fleet > Scale.MAX_VEHICLES) {
                    throw new IllegalArgumentException("--scale-vehicles: each size must be 1.." + Scale.MAX_VEHICLES
                            + ", got " + size.trim());
                }
                vehicles.add((int) fleet);
            }
            return List.copyOf(vehicles);
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

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
                    int latencyWarmupSeconds, Path out, List<Security> security, Optional<Scale> scale) {

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
                "  bench/run --portal [--vehicles N] ...: the portal jar at a fleet size (default 1000000 vehicles);",
                "             bench/run --portal --help lists its options",
                "");
    }

    static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        boolean quick = false;
        boolean latency = true;
        boolean scale = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--no-latency" -> latency = false;
                case "--scale" -> scale = true;
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
                latency && !scale,
                (int) v.longValue("latency-rate", 20_000, 1),
                (int) v.longValue("latency-seconds", quick ? 5 : 30, 1),
                (int) v.longValue("latency-warmup", quick ? 2 : 10, 0),
                Path.of(Objects.requireNonNullElse(given.remove("out"),
                        scale ? "bench/target/scale" : quick ? "bench/target/quick" : "bench/results")),
                Security.parse(Objects.requireNonNullElse(given.remove("security"), "plaintext")),
                scaleOptions);
        if (scale && o.security().size() > 1) {
            throw new IllegalArgumentException("--security: both is not possible with --scale (one broker per scale run)");
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

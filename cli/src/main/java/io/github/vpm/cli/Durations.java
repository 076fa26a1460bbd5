package io.github.vpm.cli;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every option: a whole number and a unit, as Flink writes them
 * ({@code 250ms}, {@code 10s}, {@code 10 s}, {@code 5min}, {@code 2h}, {@code 7d}; also {@code µs},
 * {@code ns} and long names such as {@code 3 minutes}; a unit in any case). What a number without a
 * unit means is the option's to say, see {@link BareNumber}.
 */
public final class Durations {

    /** What a number without a unit means. */
    public enum BareNumber {
        /** Refused: where Flink would read it as milliseconds, a silent factor of 1000 is worse than an error. */
        REFUSED,
        /** Seconds: for options that always took them (the simulator's {@code --duration}, SIMULATION_DURATION). */
        SECONDS
    }

    private static final Pattern SYNTAX = Pattern.compile("([0-9]+)\\s*(\\S*)");

    /** Flink's labels (TimeUtils), each with its plural, and "mins". */
    private static final Map<String, ChronoUnit> UNITS = new HashMap<>();

    static {
        units(ChronoUnit.DAYS, "d", "day", "days");
        units(ChronoUnit.HOURS, "h", "hour", "hours");
        units(ChronoUnit.MINUTES, "min", "m", "mins", "minute", "minutes");
        units(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds");
        units(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds");
        units(ChronoUnit.MICROS, "µs", "micro", "micros", "microsecond", "microseconds");
        units(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
    }

    private Durations() {
    }

    private static void units(ChronoUnit unit, String... labels) {
        for (String label : labels) {
            UNITS.put(label, unit);
        }
    }

    /** @return the duration, or empty when {@code text} is not one (negative, no number, unknown unit, too large) */
    public static Optional<Duration> parse(String text, BareNumber bareNumber) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String label = m.group(2).toLowerCase(Locale.ROOT);
        ChronoUnit unit = label.isEmpty() && bareNumber == BareNumber.SECONDS ? ChronoUnit.SECONDS : UNITS.get(label);
        if (unit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.of(Long.parseLong(m.group(1)), unit));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Short form for log lines and --help, in the same syntax: 10s, 5min, 250ms, 0. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}

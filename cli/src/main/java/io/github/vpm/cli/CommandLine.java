package io.github.vpm.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one command-line shape of the job, the simulator and the portal: {@code --name value} or
 * {@code --name=value}, and {@code --help} (or {@code -h}) anywhere, which wins over everything else.
 * This class only splits the arguments; what each value means is the program's to check.
 *
 * <p>Every error is one line, {@code --<option>: <problem>} ({@code --speed: unknown option},
 * {@code --rate: missing value}); {@link #orExit} prints it on stderr and exits with
 * {@link InvalidOptionException#EXIT_STATUS}.
 */
public final class CommandLine {

    /** What an option given twice means. */
    public enum Repeats {
        /** An error: for a command line written in one place (the job's). */
        REFUSED,
        /**
         * The last one counts: for command lines built by appending overrides to defaults (the portal's
         * systemd unit adds {@code portal_options}, bin/local-stack adds VPM_SIMULATOR_ARGS).
         */
        LAST_WINS
    }

    private static final Set<String> HELP = Set.of("--help", "-h");

    private final boolean helpRequested;
    private final Map<String, String> values;

    private CommandLine(boolean helpRequested, Map<String, String> values) {
        this.helpRequested = helpRequested;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Splits {@code args} into option values.
     *
     * @param names   the program's option names, without the leading {@code --}
     * @param repeats what an option given twice means
     * @throws InvalidOptionException for an unknown option, a missing value, a refused repeat or a
     *                                stray argument
     */
    public static CommandLine parse(Collection<String> names, Repeats repeats, String... args) {
        List<String> all = List.of(args);
        if (all.stream().anyMatch(HELP::contains)) {
            return new CommandLine(true, Map.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") ? arg.substring(2, eq < 0 ? arg.length() : eq) : "";
            if (name.isEmpty()) {
                throw new InvalidOptionException("unexpected argument " + InvalidOptionException.quote(arg)
                        + ": options look like --name value");
            }
            if (!names.contains(name)) {
                throw new InvalidOptionException("--" + name + ": unknown option");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new InvalidOptionException("--" + name + ": missing value");
            }
            if (values.put(name, value) != null && repeats == Repeats.REFUSED) {
                throw new InvalidOptionException("--" + name + ": given more than once");
            }
        }
        return new CommandLine(false, values);
    }

    /**
     * Runs a program's option parsing; a bad command line ends the program with its one line on stderr
     * and exit status {@link InvalidOptionException#EXIT_STATUS}.
     */
    public static <T> T orExit(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidOptionException e) {
            System.err.println(e.getMessage());
            System.exit(InvalidOptionException.EXIT_STATUS);
            throw e; // not reached
        }
    }

    /** Whether {@code --help} or {@code -h} was given; then there are no values. */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** The values given, by option name (without {@code --}), in the order first given. */
    public Map<String, String> values() {
        return values;
    }

    /** The value given for {@code name}, if any. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }
}

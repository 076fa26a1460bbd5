package io.github.vpm.cli;

import java.util.regex.Pattern;

/**
 * The value syntaxes every program shares, checked once here so that the job, the simulator, the
 * portal and the admin tool accept the same text and refuse it in the same words.
 */
public final class OptionValues {

    /** A host name, an IPv4 address or a bracketed IPv6 address, then a port of one to five digits. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})");

    private OptionValues() {
    }

    /**
     * A whole number in {@code [min, max]}; {@code _} may group digits ({@code 1_000_000}).
     *
     * @param option the option's name as the user gave it ({@code --rate}, {@code MESSAGES_PER_SECOND})
     * @throws InvalidOptionException {@code <option>: expected a whole number from <min> to <max>, got "<value>"}
     */
    public static long wholeNumber(String option, String value, long min, long max) {
        String expected = min == Long.MIN_VALUE && max == Long.MAX_VALUE
                ? "a whole number" : "a whole number from " + min + " to " + max;
        long number;
        try {
            number = Long.parseLong(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw InvalidOptionException.expected(option, expected, value);
        }
        if (number < min || number > max) {
            throw InvalidOptionException.expected(option, expected, value);
        }
        return number;
    }

    /** {@link #wholeNumber} for an {@code int}. */
    public static int wholeNumber(String option, String value, int min, int max) {
        return (int) wholeNumber(option, value, (long) min, (long) max);
    }

    /**
     * Kafka's {@code bootstrap.servers}: one or more {@code host:port}, comma-separated, each port
     * from 1 to 65535.
     *
     * @return the value without surrounding blanks
     * @throws InvalidOptionException {@code <option>: expected host:port[,host:port...], got "<value>"}
     */
    public static String bootstrapServers(String option, String value) {
        for (String server : value.split(",", -1)) {
            var m = HOST_PORT.matcher(server.strip());
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65_535) {
                throw InvalidOptionException.expected(option, "host:port[,host:port...]", value);
            }
        }
        return value.strip();
    }
}

package io.github.vpm.cli;

import java.util.Locale;

/**
 * A bad command-line option or environment variable, in the job, the simulator and the portal alike.
 * The message is one plain line that names the option first, e.g. {@code --rate: expected ...}; a
 * program prints it and exits with {@link #EXIT_STATUS}.
 */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The exit status of every program for a bad command line. */
    public static final int EXIT_STATUS = 2;

    /** @param message one line naming the option; control characters are escaped so it stays one line */
    public InvalidOptionException(String message) {
        super(escapeControls(message));
    }

    /** {@code <option>: expected <expected>, got "<value>"}: the usual message for a value that does not parse. */
    public static InvalidOptionException expected(String option, String expected, String value) {
        return new InvalidOptionException(option + ": expected " + expected + ", got " + quote(value));
    }

    /** Double-quoted, with control characters escaped (so an error always stays on one line). */
    public static String quote(String value) {
        return '"' + escapeControls(value) + '"';
    }

    private static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}

package io.github.vpm.job;

/** A bad command line; the message is one plain line naming the option, e.g. {@code --x: expected ...}. */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidOptionException(String message) {
        super(message);
    }
}

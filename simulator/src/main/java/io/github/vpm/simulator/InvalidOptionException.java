package io.github.vpm.simulator;

/** A bad command line option or environment variable; the message is one plain line naming it. */
public final class InvalidOptionException extends Exception {

    public InvalidOptionException(String message) {
        super(message);
    }
}

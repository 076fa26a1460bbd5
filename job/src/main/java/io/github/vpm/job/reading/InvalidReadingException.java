package io.github.vpm.job.reading;

/**
 * A record that breaks the contract; the message is the one line that goes into the dead letter.
 * No stack trace: invalid input is data, not a bug, and must stay cheap.
 */
public final class InvalidReadingException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidReadingException(String message) {
        super(message, null, false, false);
    }
}

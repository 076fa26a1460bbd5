package io.github.vpm.admin;

/**
 * The cluster could not be brought into shape: the one line the tool prints (after {@code vpm-kafka-admin: })
 * before it exits with status 1. Its message says what failed and why; a stack trace would not help an
 * operator reading Ansible's output, so none is kept.
 */
final class AdminFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean noAnswer;
    private final boolean changesRequested;

    AdminFailure(String message) {
        this(message, false, false);
    }

    private AdminFailure(String message, boolean noAnswer, boolean changesRequested) {
        super(message, null, false, false);
        this.noAnswer = noAnswer;
        this.changesRequested = changesRequested;
    }

    /** The brokers did not answer in time: another attempt may get through. */
    static AdminFailure noAnswer(String message) {
        return new AdminFailure(message, true, false);
    }

    boolean noAnswer() {
        return noAnswer;
    }

    /** The same failure, known to come after changes were sent: some of them may have been made. */
    AdminFailure afterChangesRequested() {
        return changesRequested ? this : new AdminFailure(getMessage(), noAnswer, true);
    }

    boolean changesRequested() {
        return changesRequested;
    }
}

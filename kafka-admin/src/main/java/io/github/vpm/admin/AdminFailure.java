package io.github.vpm.admin;

/**
 * The cluster could not be brought into shape: the one line the tool prints (after {@code vpm-kafka-admin: })
 * before it exits with status 1. Its message says what failed and why; a stack trace would not help an
 * operator reading Ansible's output, so none is kept.
 */
final class AdminFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AdminFailure(String message) {
        super(message, null, false, false);
    }
}

package io.github.vpm.admin;

/**
 * Tries every change of a request and keeps the first failure, to throw once all were tried: the changes
 * that succeeded are reported too, so the log says exactly what was done before the tool failed. The
 * failure thrown is marked as coming after changes were requested: even a change that timed out may have
 * been made, so a retried run must not report "ok".
 */
final class FirstFailure {

    private AdminFailure first;

    void run(Runnable change) {
        try {
            change.run();
        } catch (AdminFailure e) {
            if (first == null) {
                first = e;
            }
        }
    }

    void throwIfAny() {
        if (first != null) {
            throw first.afterChangesRequested();
        }
    }
}

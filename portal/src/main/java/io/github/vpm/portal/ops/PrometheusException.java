package io.github.vpm.portal.ops;

/** Prometheus could not be reached, refused the request or answered something that is not its API. */
public final class PrometheusException extends Exception {

    private static final long serialVersionUID = 1L;

    public PrometheusException(String message) {
        super(message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}

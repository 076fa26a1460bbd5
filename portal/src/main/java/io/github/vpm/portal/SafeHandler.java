package io.github.vpm.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wraps a handler so that a failure is logged and answered with a small JSON 500, never a stack trace. */
final class SafeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SafeHandler.class);

    private final HttpHandler delegate;
    private final VehicleJson json;

    SafeHandler(HttpHandler delegate, VehicleJson json) {
        this.delegate = delegate;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            delegate.handle(exchange);
        } catch (IOException e) {
            // The client went away mid-response: nothing to answer.
            exchange.close();
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                if (exchange.getResponseCode() == -1) {
                    HttpResponses.error(exchange, 500, json, "internal error");
                }
            } finally {
                exchange.close();
            }
        }
    }
}

package io.github.vpm.portal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Small helpers shared by the portal's handlers: bodies, HEAD, JSON errors and 405s. */
final class HttpResponses {

    static final String JSON = "application/json; charset=utf-8";

    private HttpResponses() {
    }

    /** Sends a complete response; a HEAD request gets the headers only. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, VehicleJson json, com.fasterxml.jackson.databind.node.ObjectNode body)
            throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, JSON, json.bytes(body));
    }

    static void error(HttpExchange exchange, int status, VehicleJson json, String message) throws IOException {
        json(exchange, status, json, json.error(status, message));
    }

    /** Answers 405 (with Allow) unless the request is a GET or HEAD; returns whether to go on. */
    static boolean readOnly(HttpExchange exchange, VehicleJson json) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        error(exchange, 405, json, "method " + method + " not allowed; use GET");
        return false;
    }
}

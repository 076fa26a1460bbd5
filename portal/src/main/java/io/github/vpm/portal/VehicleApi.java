package io.github.vpm.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JSON API: {@code /api/vehicles} (one page of vehicles, no history; query as in
 * {@link PageRequest}, e.g. {@code ?filter=honda&offset=100&limit=50}), {@code /api/vehicles/{id}} (one
 * vehicle with its history; the id is percent-decoded, so "HONDA%20231" finds "HONDA 231") and
 * {@code /api/status} (the Kafka feed, vehicle count and evictions). Anything else under {@code /api/} is a JSON 404.
 */
final class VehicleApi implements HttpHandler {

    static final String VEHICLES = "/api/vehicles";
    static final String STATUS = "/api/status";

    private final MaximaView view;
    private final FeedStatus status;
    private final VehicleJson json;

    VehicleApi(MaximaView view, FeedStatus status, VehicleJson json) {
        this.view = view;
        this.status = status;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // The raw path: an id may contain an encoded '/', which must not split it.
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(VEHICLES) || path.equals(VEHICLES + "/")) {
            if (HttpResponses.readOnly(exchange, json)) {
                page(exchange);
            }
        } else if (path.startsWith(VEHICLES + "/") && path.indexOf('/', VEHICLES.length() + 1) < 0) {
            if (HttpResponses.readOnly(exchange, json)) {
                vehicle(exchange, path.substring(VEHICLES.length() + 1));
            }
        } else if (path.equals(STATUS)) {
            if (HttpResponses.readOnly(exchange, json)) {
                HttpResponses.json(exchange, 200, json,
                        json.status(status.snapshot(), view));
            }
        } else {
            HttpResponses.error(exchange, 404, json, "no such resource: " + exchange.getRequestURI().getPath());
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        PageRequest request = PageRequest.parseOrReject(exchange, json);
        if (request == null) {
            return;
        }
        HttpResponses.json(exchange, 200, json, json.page(view.page(request, false), v -> json.vehicle(v, false)));
    }

    private void vehicle(HttpExchange exchange, String rawId) throws IOException {
        Optional<String> id = decodePathSegment(rawId);
        if (id.isEmpty()) {
            HttpResponses.error(exchange, 400, json, "malformed vehicle id in the path");
            return;
        }
        Optional<VehicleMaximum> vehicle = view.vehicle(id.get());
        if (vehicle.isEmpty()) {
            HttpResponses.error(exchange, 404, json, "unknown vehicle: " + id.get());
            return;
        }
        HttpResponses.json(exchange, 200, json, json.vehicle(vehicle.get(), true));
    }

    /** Percent-decodes one path segment; unlike form decoding, '+' stays a plus. */
    static Optional<String> decodePathSegment(String raw) {
        try {
            return Optional.of(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.github.vpm.portal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which vehicles a client wants to see: a case-insensitive filter on vehicle and sensor ids (empty
 * = all), an order and a window. Parsed from a query string such as
 * {@code ?filter=honda&sort=pressure&order=desc&offset=100&limit=50}; every part is optional.
 */
public record PageRequest(String filter, Sort sort, boolean descending, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    /** One answer never carries more than this many vehicles, however many the portal holds. */
    public static final int MAX_LIMIT = 1_000;
    /** Twice the job's default id cap (256 bytes); a longer filter cannot match anything useful. */
    public static final int MAX_FILTER_CHARS = 512;

    public static final PageRequest FIRST_PAGE = new PageRequest("", Sort.VEHICLE, false, 0, DEFAULT_LIMIT);

    /** The orders the page offers. */
    public enum Sort {
        VEHICLE, PRESSURE, TIME;

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PageRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset " + offset + " / limit " + limit + " out of range");
        }
    }

    /** The exchange's page request, or null after answering 400 with the reason. */
    static PageRequest parseOrReject(HttpExchange exchange, VehicleJson json) throws IOException {
        try {
            return parse(exchange.getRequestURI().getRawQuery());
        } catch (InvalidPageRequestException e) {
            HttpResponses.error(exchange, 400, json, e.getMessage());
            return null;
        }
    }

    /**
     * Parses a raw (percent-encoded) query string; null or empty gives the first page in vehicle order.
     *
     * @throws InvalidPageRequestException with one line naming the parameter
     */
    public static PageRequest parse(String rawQuery) {
        Map<String, String> params = params(rawQuery);
        String filter = params.getOrDefault("filter", "").trim();
        if (filter.length() > MAX_FILTER_CHARS) {
            throw new InvalidPageRequestException("filter: at most " + MAX_FILTER_CHARS + " characters");
        }
        Sort sort = switch (params.getOrDefault("sort", "vehicle")) {
            case "vehicle" -> Sort.VEHICLE;
            case "pressure" -> Sort.PRESSURE;
            case "time" -> Sort.TIME;
            default -> throw new InvalidPageRequestException("sort: expected vehicle, pressure or time, got \""
                    + params.get("sort") + "\"");
        };
        // Ids read A to Z; pressures and times are most useful highest and newest first.
        boolean descending = switch (params.getOrDefault("order", sort == Sort.VEHICLE ? "asc" : "desc")) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidPageRequestException("order: expected asc or desc, got \""
                    + params.get("order") + "\"");
        };
        int offset = intParam(params, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new PageRequest(filter, sort, descending, offset, limit);
    }

    /** The same request at another offset (the page's next and previous buttons). */
    public PageRequest at(int newOffset) {
        return new PageRequest(filter, sort, descending, newOffset, limit);
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.put(name, value);
        }
        return params;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPageRequestException("malformed query string");
        }
    }

    private static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidPageRequestException(name + ": expected an integer " + min + ".." + max + ", got \""
                + value + "\"");
    }

    /** A query the portal cannot answer; the message names the parameter, in one line. */
    public static final class InvalidPageRequestException extends IllegalArgumentException {
        InvalidPageRequestException(String message) {
            super(message);
        }
    }
}

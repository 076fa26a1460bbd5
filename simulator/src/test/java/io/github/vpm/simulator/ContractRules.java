package io.github.vpm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The contract's validity rules for an input reading (CONTRACT.md, "Input reading"), written out
 * independently of the simulator's own encoder so tests check the simulator against the contract.
 */
final class ContractRules {

    static final long PRESSURE_MIN = 0;
    static final long PRESSURE_MAX = 10_000_000;

    /** The seed format: yyyy-MM-dd HH:mm:ss.SSSZ, literal Z, 0 to 9 fraction digits accepted. */
    static final Pattern SEED_TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{0,9})?Z");

    /** What the simulator writes: exactly three fraction digits. */
    static final Pattern SIMULATOR_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContractRules() {
    }

    /** @return null if the value is a valid reading, else why not */
    static String violation(String value) {
        if (value == null || value.isEmpty()) {
            return "empty or null value";
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(value);
        } catch (Exception e) {
            return "not JSON: " + e.getMessage();
        }
        if (root == null || !root.isObject()) {
            return "not one JSON object";
        }
        for (String id : new String[] {"vehicleId", "sensorId"}) {
            JsonNode node = root.get(id);
            if (node == null || !node.isTextual() || node.asText().isEmpty()) {
                return id + ": expected a non-empty string";
            }
        }
        // Any JSON number (integer, fraction or exponent), compared as a double, as in the contract.
        JsonNode pressure = root.get("pressure");
        if (pressure == null || !pressure.isNumber()) {
            return "pressure: expected a number";
        }
        double pascals = pressure.doubleValue();
        if (!(pascals >= PRESSURE_MIN && pascals <= PRESSURE_MAX)) {
            return "pressure: out of range";
        }
        JsonNode timestamp = root.get("timestamp");
        if (timestamp == null || !timestamp.isTextual() || parseTimestamp(timestamp.asText()) == null) {
            return "timestamp: expected the seed format or an ISO-8601 instant";
        }
        JsonNode temperature = root.get("temperature");
        if (temperature != null && !temperature.isNull() && !temperature.isNumber()) {
            return "temperature: expected a number";
        }
        return null;
    }

    static Instant parseTimestamp(String text) {
        try {
            if (SEED_TIMESTAMP.matcher(text).matches()) {
                return Instant.parse(text.replace(' ', 'T'));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static JsonNode parse(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}

package io.github.vpm.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Decodes the JSON value of a maxima record. Strict about what the portal shows (ids, a finite numeric
 * pressure, integral or not, a timestamp), lenient about the rest (unknown fields are ignored).
 */
public final class MaximumUpdateDecoder {

    /** The seed format {@code yyyy-MM-dd HH:mm:ss.SSSZ}: literal Z, UTC, 0 to 9 fraction digits. */
    private static final DateTimeFormatter SEED_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendLiteral('Z')
            .toFormatter()
            .withZone(java.time.ZoneOffset.UTC);

    private final ObjectMapper mapper;

    public MaximumUpdateDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public MaximumUpdate decode(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedRecordException("empty value");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRecordException("expected a JSON object");
        }
        String vehicleId = nonEmptyText(root, "vehicleId");
        String sensorId = nonEmptyText(root, "sensorId");
        JsonNode pressure = root.get("pressureMax");
        if (pressure == null || !pressure.isNumber()) {
            throw new MalformedRecordException("pressureMax: expected a number, got " + pressure);
        }
        // Read as the job compares it: one IEEE-754 double (a big exponent would overflow to infinity).
        double pascals = pressure.doubleValue();
        if (!Double.isFinite(pascals)) {
            throw new MalformedRecordException("pressureMax: out of the double range: " + pressure);
        }
        JsonNode temperature = root.get("temperature");
        Double celsius = null;
        if (temperature != null && !temperature.isNull()) {
            if (!temperature.isNumber()) {
                throw new MalformedRecordException("temperature: expected a number, got " + temperature);
            }
            celsius = temperature.doubleValue();
        }
        Instant timestamp = timestamp(nonEmptyText(root, "timestamp"));
        return new MaximumUpdate(vehicleId, sensorId, pascals, celsius, timestamp);
    }

    static Instant timestamp(String text) {
        try {
            return SEED_FORMAT.parse(text, Instant::from);
        } catch (DateTimeParseException seedFailed) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException isoFailed) {
                throw new MalformedRecordException("timestamp: not a seed-format or ISO-8601 time: \"" + text + "\"");
            }
        }
    }

    private static String nonEmptyText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isEmpty()) {
            throw new MalformedRecordException(field + ": expected a non-empty string, got " + node);
        }
        return node.asText();
    }

    /** A record the portal cannot show; the message says which field and why, in one line. */
    public static final class MalformedRecordException extends RuntimeException {
        MalformedRecordException(String message) {
            super(message, null, false, false);
        }
    }
}

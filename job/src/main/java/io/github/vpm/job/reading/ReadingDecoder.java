package io.github.vpm.job.reading;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;

/**
 * Decodes and validates one input value per the contract in a single streaming pass (no tree).
 *
 * <p>Error texts have the form {@code <field>: expected <what>, got <what was there>}, e.g.
 * {@code pressure: expected a number, got "abc"}. The first problem found wins: the encoding, then
 * type and range errors in document order, then missing fields in the contract's field order.
 *
 * <p>The value must be UTF-8: Jackson would otherwise guess UTF-16 or UTF-32 from the first bytes
 * and accept them. A UTF-8 byte order mark is allowed and skipped (it is UTF-8, and RFC 8259 lets a
 * parser ignore it). Pressure is any JSON number, compared and kept as a double; {@code -0} becomes
 * {@code 0}. Ids must be well-formed Unicode (a lone surrogate, escaped or raw, would silently turn
 * into {@code ?} on the way to Kafka and merge distinct vehicles into one key) and at most {@code
 * maxIdBytes} long in UTF-8. Timestamps before 1970 are rejected: a Kafka record timestamp cannot be
 * negative.
 */
public final class ReadingDecoder {

    /**
     * Thread-safe and expensive to build: one per JVM. The fast double parser (correctly rounded,
     * like the JDK's) roughly halves the cost of the temperature, the one floating-point field.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private static final int MAX_QUOTED_LENGTH = 60;

    private static final int SEEN_TIMESTAMP = 1;
    private static final int SEEN_PRESSURE = 2;
    private static final int SEEN_TEMPERATURE = 4;
    private static final int SEEN_SENSOR_ID = 8;
    private static final int SEEN_VEHICLE_ID = 16;

    /** The contract's default limit for vehicleId and sensorId, in bytes of UTF-8. */
    public static final int DEFAULT_MAX_ID_BYTES = 256;

    private final double pressureMin;
    private final double pressureMax;
    private final int maxIdBytes;
    /** The range as error texts show it, made once. */
    private final String rangeText;

    public ReadingDecoder(double pressureMin, double pressureMax) {
        this(pressureMin, pressureMax, DEFAULT_MAX_ID_BYTES);
    }

    public ReadingDecoder(double pressureMin, double pressureMax, int maxIdBytes) {
        if (!Double.isFinite(pressureMin) || !Double.isFinite(pressureMax)) {
            throw new IllegalArgumentException("pressure limits must be finite");
        }
        if (pressureMin > pressureMax) {
            throw new IllegalArgumentException("pressureMin > pressureMax");
        }
        if (maxIdBytes < 1) {
            throw new IllegalArgumentException("maxIdBytes must be positive");
        }
        this.pressureMin = pressureMin;
        this.pressureMax = pressureMax;
        this.maxIdBytes = maxIdBytes;
        this.rangeText = JsonNumbers.format(pressureMin) + ".." + JsonNumbers.format(pressureMax);
    }

    public Reading decode(byte[] value) throws InvalidReadingException {
        if (value == null) {
            throw new InvalidReadingException("value: expected a JSON object, got a null value");
        }
        if (value.length == 0) {
            throw new InvalidReadingException("value: expected a JSON object, got an empty value");
        }
        requireUtf8(value);
        try (JsonParser parser = JSON.createParser(value)) {
            return readObject(parser);
        } catch (JsonEOFException e) {
            throw new InvalidReadingException("value: not valid JSON: unexpected end of input");
        } catch (JsonProcessingException e) {
            throw new InvalidReadingException("value: not valid JSON: " + describe(e));
        } catch (IOException e) {
            // Cannot happen for an in-memory byte[]; still a bad record rather than a job failure.
            throw new InvalidReadingException("value: unreadable: " + e.getMessage());
        }
    }

    private Reading readObject(JsonParser p) throws IOException, InvalidReadingException {
        JsonToken token = p.nextToken();
        if (token == null) {
            throw new InvalidReadingException("value: expected a JSON object, got an empty value");
        }
        if (token != JsonToken.START_OBJECT) {
            throw new InvalidReadingException("value: expected a JSON object, got " + describe(token, p));
        }

        String vehicleId = null;
        String sensorId = null;
        double pressure = 0;
        long timestamp = Timestamps.INVALID;
        Double temperature = null;
        int seen = 0;

        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            token = p.nextToken();
            switch (field) {
                case "timestamp":
                    seen = markSeen(seen, SEEN_TIMESTAMP, field);
                    timestamp = timestamp(p, token);
                    break;
                case "pressure":
                    seen = markSeen(seen, SEEN_PRESSURE, field);
                    pressure = pressure(p, token);
                    break;
                case "temperature":
                    seen = markSeen(seen, SEEN_TEMPERATURE, field);
                    temperature = temperature(p, token);
                    break;
                case "sensorId":
                    seen = markSeen(seen, SEEN_SENSOR_ID, field);
                    sensorId = id(p, token, field);
                    break;
                case "vehicleId":
                    seen = markSeen(seen, SEEN_VEHICLE_ID, field);
                    vehicleId = id(p, token, field);
                    break;
                default:
                    // Unknown fields are ignored, whatever their shape.
                    p.skipChildren();
            }
        }
        // The loop ends on END_OBJECT; anything malformed has already thrown.
        requireNothingAfterObject(p);

        requireSeen(seen, SEEN_TIMESTAMP, "timestamp");
        requireSeen(seen, SEEN_PRESSURE, "pressure");
        requireSeen(seen, SEEN_SENSOR_ID, "sensorId");
        requireSeen(seen, SEEN_VEHICLE_ID, "vehicleId");
        return new Reading(vehicleId, sensorId, pressure, timestamp, temperature);
    }

    private long timestamp(JsonParser p, JsonToken token) throws IOException, InvalidReadingException {
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidReadingException("timestamp: expected a string, got " + describe(token, p));
        }
        // Parse straight from the parser's buffer: no String for the common, valid case.
        long millis = Timestamps.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (millis == Timestamps.INVALID) {
            throw new InvalidReadingException("timestamp: expected \"yyyy-MM-dd HH:mm:ss.SSSZ\" or an"
                    + " ISO-8601 instant, got " + quote(p.getText()));
        }
        if (millis < 0) {
            throw new InvalidReadingException("timestamp: expected 1970-01-01T00:00:00Z or later, got "
                    + quote(p.getText()));
        }
        return millis;
    }

    private double pressure(JsonParser p, JsonToken token) throws IOException, InvalidReadingException {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new InvalidReadingException("pressure: expected a number, got " + describe(token, p));
        }
        // Integers (a long or beyond) convert exactly or correctly rounded; 1e999 becomes infinite,
        // which no finite range holds. The negated test also rejects NaN, should it ever get here.
        double pressure = p.getDoubleValue();
        if (!(pressure >= pressureMin && pressure <= pressureMax)) {
            throw new InvalidReadingException("pressure: expected " + rangeText + ", got " + abbreviate(p.getText()));
        }
        // -0 and 0 are the same pressure: keep one of them so that output never says "-0".
        return pressure + 0.0;
    }

    private static Double temperature(JsonParser p, JsonToken token) throws IOException, InvalidReadingException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new InvalidReadingException(
                    "temperature: expected a number or null, got " + describe(token, p));
        }
        double celsius = p.getDoubleValue();
        if (!Double.isFinite(celsius)) {
            // e.g. 1e999: a JSON number, but not one we could ever write back out.
            throw new InvalidReadingException(
                    "temperature: expected a finite number, got " + abbreviate(p.getText()));
        }
        return celsius;
    }

    /** A non-empty, well-formed string of at most {@link #maxIdBytes} bytes of UTF-8. */
    private String id(JsonParser p, JsonToken token, String field) throws IOException, InvalidReadingException {
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidReadingException(field + ": expected a string, got " + describe(token, p));
        }
        int length = p.getTextLength();
        if (length == 0) {
            throw new InvalidReadingException(field + ": expected a non-empty string, got \"\"");
        }
        // One pass over the parser's buffer: UTF-8 size and surrogate pairing, no String needed yet.
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int end = offset + length;
        long bytes = 0;
        for (int i = offset; i < end; i++) {
            char ch = chars[i];
            if (ch < 0x80) {
                bytes += 1;
            } else if (ch < 0x800) {
                bytes += 2;
            } else if (!Character.isSurrogate(ch)) {
                bytes += 3;
            } else if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                bytes += 4;
                i++;
            } else {
                throw new InvalidReadingException(field + ": expected well-formed Unicode, got a lone surrogate");
            }
        }
        if (bytes > maxIdBytes) {
            throw new InvalidReadingException(
                    field + ": expected at most " + maxIdBytes + " bytes of UTF-8, got " + bytes);
        }
        return p.getText();
    }

    /**
     * Rejects what Jackson would otherwise decode as UTF-16 or UTF-32: a UTF-16 byte order mark, or
     * a zero byte among the first two (JSON text starts with an ASCII character, which in UTF-8 is
     * never zero, while in UTF-16 and UTF-32 its other bytes are). Jackson's own detection looks at
     * these same bytes, so nothing it would guess passes.
     */
    private static void requireUtf8(byte[] value) throws InvalidReadingException {
        int b0 = value[0] & 0xff;
        int b1 = value.length > 1 ? value[1] & 0xff : -1;
        if (b0 == 0 || b1 == 0 || (b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) {
            throw new InvalidReadingException("value: expected UTF-8, got UTF-16 or UTF-32");
        }
    }

    private static void requireNothingAfterObject(JsonParser p) throws InvalidReadingException {
        JsonToken next;
        try {
            next = p.nextToken();
        } catch (IOException e) {
            next = JsonToken.NOT_AVAILABLE;
        }
        if (next != null) {
            throw new InvalidReadingException("value: expected one JSON object, got more content after it");
        }
    }

    private static int markSeen(int seen, int bit, String field) throws InvalidReadingException {
        // A repeated known field is ambiguous (which pressure is real?): reject instead of guessing.
        if ((seen & bit) != 0) {
            throw new InvalidReadingException(field + ": expected once, got it more than once");
        }
        return seen | bit;
    }

    private static void requireSeen(int seen, int bit, String field) throws InvalidReadingException {
        if ((seen & bit) == 0) {
            throw new InvalidReadingException(field + ": missing");
        }
    }

    /** What a value looks like, for "got ..." in an error text. */
    private static String describe(JsonToken token, JsonParser p) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return quote(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return abbreviate(p.getText());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            default:
                return token.name();
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        JsonLocation location = e.getLocation();
        return location == null ? message : message + " at " + where(location);
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A JSON-style quoted, escaped and shortened copy of a string value. */
    static String quote(String text) {
        String shown = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) : text;
        StringBuilder out = new StringBuilder(shown.length() + 8).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char ch = shown.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        out.append('"');
        return shown.length() < text.length() ? out.append("...").toString() : out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
    }
}

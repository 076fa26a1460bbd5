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
 * {@code pressure: expected an integer, got "abc"}. The first problem found wins: type and range
 * errors in document order, then missing fields in the contract's field order.
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

    private final long pressureMin;
    private final long pressureMax;

    public ReadingDecoder(long pressureMin, long pressureMax) {
        if (pressureMin > pressureMax) {
            throw new IllegalArgumentException("pressureMin > pressureMax");
        }
        this.pressureMin = pressureMin;
        this.pressureMax = pressureMax;
    }

    public Reading decode(byte[] value) throws InvalidReadingException {
        if (value == null) {
            throw new InvalidReadingException("value: expected a JSON object, got a null value");
        }
        if (value.length == 0) {
            throw new InvalidReadingException("value: expected a JSON object, got an empty value");
        }
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
        long pressure = 0;
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
                    sensorId = nonEmptyString(p, token, field);
                    break;
                case "vehicleId":
                    seen = markSeen(seen, SEEN_VEHICLE_ID, field);
                    vehicleId = nonEmptyString(p, token, field);
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
        return millis;
    }

    private long pressure(JsonParser p, JsonToken token) throws IOException, InvalidReadingException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidReadingException("pressure: expected an integer, got " + describe(token, p));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw outOfRange(p.getText());
        }
        long pressure = p.getLongValue();
        if (pressure < pressureMin || pressure > pressureMax) {
            throw outOfRange(p.getText());
        }
        return pressure;
    }

    private InvalidReadingException outOfRange(String text) {
        return new InvalidReadingException(
                "pressure: expected " + pressureMin + ".." + pressureMax + ", got " + abbreviate(text));
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

    private static String nonEmptyString(JsonParser p, JsonToken token, String field)
            throws IOException, InvalidReadingException {
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidReadingException(field + ": expected a string, got " + describe(token, p));
        }
        if (p.getTextLength() == 0) {
            throw new InvalidReadingException(field + ": expected a non-empty string, got \"\"");
        }
        return p.getText();
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

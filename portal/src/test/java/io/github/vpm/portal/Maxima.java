package io.github.vpm.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Builds maxima records as the Flink job writes them (CONTRACT "Maximum update"). */
final class Maxima {

    private static final DateTimeFormatter SEED_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Maxima() {
    }

    static String json(String vehicleId, String sensorId, long pressureMax, Double temperature, Instant timestamp) {
        return json(vehicleId, sensorId, Long.toString(pressureMax), temperature, timestamp);
    }

    /** With the pressure as it stands on the wire, e.g. {@code 823456.7891234}. */
    static String json(String vehicleId, String sensorId, String pressureMax, Double temperature, Instant timestamp) {
        return "{\"timestamp\": \"" + SEED_FORMAT.format(timestamp) + "\", \"pressureMax\": " + pressureMax
                + ", \"temperature\": " + (temperature == null ? "null" : String.format(Locale.ROOT, "%.1f", temperature))
                + ", \"sensorId\": \"" + sensorId + "\", \"vehicleId\": \"" + vehicleId + "\"}";
    }
}

package io.github.vpm.simulator;

/**
 * Writes a reading in the contract's input format, field order and spacing as in the contract's example:
 * {@code {"timestamp": "2025-07-22 22:30:45.123Z", "pressure": 850000, "temperature": 25.5,
 * "sensorId": "honda23100", "vehicleId": "HONDA 231"}}. Hand-written because it runs once per message at
 * up to 100 000 messages per second. Not thread-safe.
 */
final class ReadingJson {

    private final SeedTimestampFormat timestamps = new SeedTimestampFormat();
    private final StringBuilder out = new StringBuilder(160);

    String encode(Reading r) {
        out.setLength(0);
        out.append("{\"timestamp\": \"");
        timestamps.append(out, r.epochMillis());
        out.append("\", \"pressure\": ").append(r.pressure());
        out.append(", \"temperature\": ");
        appendTenths(r.temperatureTenths());
        out.append(", \"sensorId\": ");
        appendString(r.sensorId());
        out.append(", \"vehicleId\": ");
        appendString(r.vehicleId());
        out.append('}');
        return out.toString();
    }

    private void appendTenths(int tenths) {
        if (tenths < 0) {
            out.append('-');
        }
        int abs = Math.abs(tenths);
        out.append(abs / 10).append('.').append(abs % 10);
    }

    private void appendString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

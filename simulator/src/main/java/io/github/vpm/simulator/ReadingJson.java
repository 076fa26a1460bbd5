package io.github.vpm.simulator;

/**
 * Writes a reading in the contract's input format, field order and spacing as in the contract's example:
 * {@code {"timestamp": "2025-07-22 22:30:45.123Z", "pressure": 850000, "temperature": 25.5,
 * "sensorId": "honda23100", "vehicleId": "HONDA 231"}}. Hand-written because it runs once per message at
 * up to 100 000 messages per second. The pressure is a JSON number with exactly the configured
 * decimals ({@code 823456.7891234} with 7), a whole number with none. Not thread-safe.
 */
final class ReadingJson {

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};

    private final SeedTimestampFormat timestamps = new SeedTimestampFormat();
    private final StringBuilder out = new StringBuilder(160);
    private final int pressureDecimals;

    ReadingJson() {
        this(0);
    }

    /** @param pressureDecimals 0 to {@link ReadingGenerator#MAX_PRESSURE_DECIMALS} */
    ReadingJson(int pressureDecimals) {
        if (pressureDecimals < 0 || pressureDecimals > ReadingGenerator.MAX_PRESSURE_DECIMALS) {
            throw new IllegalArgumentException("pressureDecimals must be 0.." + ReadingGenerator.MAX_PRESSURE_DECIMALS
                    + ", got " + pressureDecimals);
        }
        this.pressureDecimals = pressureDecimals;
    }

    /** The pressure as {@link #encode} writes it, e.g. for a log line. */
    String pressure(Reading r) {
        out.setLength(0);
        appendPressure(r.pressure());
        return out.toString();
    }

    String encode(Reading r) {
        out.setLength(0);
        out.append("{\"timestamp\": \"");
        timestamps.append(out, r.epochMillis());
        out.append("\", \"pressure\": ");
        appendPressure(r.pressure());
        out.append(", \"temperature\": ");
        appendTenths(r.temperatureTenths());
        out.append(", \"sensorId\": ");
        appendString(r.sensorId());
        out.append(", \"vehicleId\": ");
        appendString(r.vehicleId());
        out.append('}');
        return out.toString();
    }

    /** Fixed point from an exact scaled integer: no exponent, no binary-to-decimal surprises. */
    private void appendPressure(double pascals) {
        long scale = POWERS_OF_TEN[pressureDecimals];
        long scaled = Math.round(pascals * scale);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / scale);
        if (pressureDecimals > 0) {
            out.append('.');
            String fraction = Long.toString(scaled % scale);
            for (int i = fraction.length(); i < pressureDecimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
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

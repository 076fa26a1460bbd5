package io.github.vpm.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch millis in the contract's seed format {@code yyyy-MM-dd HH:mm:ss.SSSZ} (UTC, literal Z).
 * At high rates most readings share their second with the previous one, so the second's text is cached.
 * Not thread-safe: one per generator.
 */
final class SeedTimestampFormat {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.").withZone(ZoneOffset.UTC);

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    String format(long epochMillis) {
        StringBuilder out = new StringBuilder(24);
        append(out, epochMillis);
        return out.toString();
    }

    void append(StringBuilder out, long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        if (second != cachedSecond) {
            cachedPrefix = SECONDS.format(Instant.ofEpochSecond(second));
            cachedSecond = second;
        }
        out.append(cachedPrefix);
        if (millis < 100) {
            out.append('0');
        }
        if (millis < 10) {
            out.append('0');
        }
        out.append(millis).append('Z');
    }
}

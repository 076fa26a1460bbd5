package io.github.vpm.job.reading;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * How the job writes a pressure as a JSON number (the contract's {@code pressureMax}): an integral
 * value without a fraction ({@code 950000}), any other with the shortest digits that read back as
 * the same IEEE-754 double ({@code 823456.7891234}), always in plain notation (no exponent).
 */
public final class JsonNumbers {

    /** Below this an integral double is exactly a long, written without any BigDecimal. */
    private static final double LONG_SAFE = 1e18;

    private JsonNumbers() {}

    /**
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot express
     */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == Math.rint(value)) {
            // -0.0 too: (long) -0.0 is 0.
            return Math.abs(value) < LONG_SAFE ? Long.toString((long) value) : new BigDecimal(value).toPlainString();
        }
        // Jackson's Schubfach writer gives the shortest round-trip digits (Java 17's Double.toString
        // sometimes gives more), in Double.toString's layout: an exponent below 1e-3 or from 1e7.
        String shortest = NumberOutput.toString(value, true);
        return shortest.indexOf('E') < 0 ? shortest : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}

package io.github.vpm.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Unit conversions for pressures carried in pascals on the wire, and how they are written as JSON. */
public final class Pressure {

    private static final double PASCALS_PER_KILOPASCAL = 1_000.0;
    private static final double PASCALS_PER_BAR = 100_000.0;
    /** Doubles up to 2^53 hold every integer exactly, so such a value can be written as one. */
    private static final double EXACT_INTEGER_LIMIT = 9_007_199_254_740_992.0;

    private Pressure() {
    }

    public static double kilopascals(double pascals) {
        return pascals / PASCALS_PER_KILOPASCAL;
    }

    public static double bar(double pascals) {
        return pascals / PASCALS_PER_BAR;
    }

    /** Whether a pressure is a whole number of pascals that JSON can carry without a fraction. */
    static boolean isIntegral(double pascals) {
        return pascals == Math.rint(pascals) && Math.abs(pascals) <= EXACT_INTEGER_LIMIT;
    }

    /**
     * Puts a pressure as the job writes it: an integral value without a fraction ({@code 950000}, not
     * {@code 950000.0}), any other with the shortest digits that read back as the same double.
     */
    static void put(ObjectNode node, String field, double pascals) {
        if (isIntegral(pascals)) {
            node.put(field, (long) pascals);
        } else {
            node.put(field, pascals);
        }
    }

    static void add(ArrayNode array, double pascals) {
        if (isIntegral(pascals)) {
            array.add((long) pascals);
        } else {
            array.add(pascals);
        }
    }
}

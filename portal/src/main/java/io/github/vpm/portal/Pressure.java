package io.github.vpm.portal;

/** Unit conversions for pressures carried in pascals on the wire. */
public final class Pressure {

    private static final double PASCALS_PER_KILOPASCAL = 1_000.0;
    private static final double PASCALS_PER_BAR = 100_000.0;

    private Pressure() {
    }

    public static double kilopascals(long pascals) {
        return pascals / PASCALS_PER_KILOPASCAL;
    }

    public static double bar(long pascals) {
        return pascals / PASCALS_PER_BAR;
    }
}

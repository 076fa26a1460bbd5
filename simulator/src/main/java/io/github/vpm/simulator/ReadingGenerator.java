package io.github.vpm.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Produces the fleet's readings, sensor after sensor in turn. Each sensor's temperature and pressure drift
 * slowly (mean-reverting random walks, pressure following the temperature as in a closed tyre) with a
 * little noise on top; with the spike probability a reading is an anomaly well above normal. The values
 * depend only on the fleet and the seed; only timestamps come from the clock. Not thread-safe.
 */
public final class ReadingGenerator {

    /** The contract's default valid range; spikes stay inside it. */
    static final long MAX_PRESSURE = 10_000_000;
    /**
     * Up to 8 decimals, the largest pressure times 10^8 stays below 2^53: every value is an exact
     * count of its last digit, so the JSON digits read back as exactly {@link Reading#pressure()}.
     */
    public static final int MAX_PRESSURE_DECIMALS = 8;
    private static final double KELVIN = 273.15;

    private final List<Sensor> sensors;
    private final double[] pressureDrift;
    private final double[] temperatureDrift;
    private final SplittableRandom random;
    private final double spikeProbability;
    private final ReadingClock clock;
    private final double pressureScale;
    private long index;

    public ReadingGenerator(FleetModel fleet, long seed, double spikeProbability, ReadingClock clock) {
        this(fleet, seed, spikeProbability, clock, 0);
    }

    /**
     * @param pressureDecimals digits kept after the decimal point of each pressure, 0 to
     *     {@link #MAX_PRESSURE_DECIMALS}; the same seed gives the same values at any precision, rounded
     */
    public ReadingGenerator(FleetModel fleet, long seed, double spikeProbability, ReadingClock clock,
                            int pressureDecimals) {
        if (pressureDecimals < 0 || pressureDecimals > MAX_PRESSURE_DECIMALS) {
            throw new IllegalArgumentException("pressureDecimals must be 0.." + MAX_PRESSURE_DECIMALS
                    + ", got " + pressureDecimals);
        }
        this.pressureScale = Math.pow(10, pressureDecimals);
        this.sensors = fleet.sensors();
        this.pressureDrift = new double[sensors.size()];
        this.temperatureDrift = new double[sensors.size()];
        this.random = new SplittableRandom(seed);
        this.spikeProbability = spikeProbability;
        this.clock = clock;
    }

    public Reading next() {
        int s = (int) (index % sensors.size());
        Sensor sensor = sensors.get(s);

        temperatureDrift[s] = clamp(temperatureDrift[s] * 0.998 + random.nextGaussian() * 0.05, -10, 10);
        double temperature = sensor.baseTemperature() + temperatureDrift[s] + random.nextGaussian() * 0.05;

        pressureDrift[s] = clamp(pressureDrift[s] * 0.999 + random.nextGaussian() * 200, -40_000, 40_000);
        double pressure = (sensor.basePressure() + pressureDrift[s])
                * (KELVIN + temperature) / (KELVIN + sensor.baseTemperature())
                + random.nextGaussian() * 500;

        boolean spike = random.nextDouble() < spikeProbability;
        if (spike) {
            pressure *= 1.5 + random.nextDouble() * 1.5;
        }

        long timestamp = clock.epochMillis(index);
        index++;
        return new Reading(timestamp, Math.max(0, Math.min(MAX_PRESSURE, Math.round(pressure * pressureScale) / pressureScale)),
                (int) Math.round(temperature * 10), sensor.id(), sensor.vehicleId(), spike);
    }

    /** How many readings were generated so far. */
    public long generated() {
        return index;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}

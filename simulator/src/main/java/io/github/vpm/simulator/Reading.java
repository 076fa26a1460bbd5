package io.github.vpm.simulator;

/**
 * One sensor reading as the contract's input format carries it.
 *
 * @param epochMillis        event time
 * @param pressure           pascals, already rounded to the simulator's pressure decimals (whole by default)
 * @param temperatureTenths  degrees Celsius in tenths, so the JSON always has exactly one decimal
 * @param spike              whether the generator made this an anomalous spike
 */
public record Reading(long epochMillis, double pressure, int temperatureTenths, String sensorId, String vehicleId,
                      boolean spike) {

    public double temperature() {
        return temperatureTenths / 10.0;
    }
}

package io.github.vpm.simulator;

/**
 * One tyre pressure sensor and the operating point its readings wander around.
 *
 * @param basePressure    pascals at the base temperature
 * @param baseTemperature degrees Celsius
 */
public record Sensor(String id, String vehicleId, long basePressure, double baseTemperature) {
}

package io.github.vpm.portal;

import java.time.Instant;

/** One step of a vehicle's maximum over time: when it was set and to what (pascals, fraction allowed). */
public record PressurePoint(Instant timestamp, double pressureMax, String sensorId) {
}

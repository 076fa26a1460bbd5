package io.github.vpm.portal;

import java.time.Instant;

/** One step of a vehicle's maximum over time: when it was set and to what (pascals). */
public record PressurePoint(Instant timestamp, long pressureMax, String sensorId) {
}

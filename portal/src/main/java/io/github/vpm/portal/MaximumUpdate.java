package io.github.vpm.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the maxima topic: a vehicle's new all-time maximum pressure and the reading that
 * set it (CONTRACT "Maximum update").
 *
 * @param pressureMax pascals: any finite number, integral or with a fraction (CONTRACT section 1)
 * @param temperature degrees Celsius, or null when the reading had none
 */
public record MaximumUpdate(String vehicleId, String sensorId, double pressureMax, Double temperature,
                            Instant timestamp) {

    public MaximumUpdate {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!Double.isFinite(pressureMax)) {
            throw new IllegalArgumentException("pressureMax must be finite, got " + pressureMax);
        }
    }
}

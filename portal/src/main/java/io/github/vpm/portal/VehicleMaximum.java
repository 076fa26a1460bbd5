package io.github.vpm.portal;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one vehicle as the portal shows it.
 *
 * @param latest     the last maximum update read for the vehicle (what compaction keeps)
 * @param updates    how many updates the portal has read for it since it started
 * @param receivedAt when the portal read the latest update (wall clock)
 * @param history    the vehicle's maximum over time, oldest first, bounded; empty in list views
 */
public record VehicleMaximum(MaximumUpdate latest, long updates, Instant receivedAt, List<PressurePoint> history) {

    public VehicleMaximum {
        history = List.copyOf(history);
    }

    public String vehicleId() {
        return latest.vehicleId();
    }

    public double pressureMax() {
        return latest.pressureMax();
    }

    public double kilopascals() {
        return Pressure.kilopascals(latest.pressureMax());
    }

    public double bar() {
        return Pressure.bar(latest.pressureMax());
    }
}

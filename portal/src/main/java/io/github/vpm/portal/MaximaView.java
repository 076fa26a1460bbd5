package io.github.vpm.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The portal's in-memory state: per vehicle, the last maximum update read from the topic and a
 * bounded history of its maximum. Thread-safe: one consumer thread writes, HTTP threads read
 * snapshots.
 *
 * <p>The last record read wins, even if it is lower than the one before: that is what topic
 * compaction keeps, so a restarted portal rebuilds exactly the same view.
 */
public final class MaximaView {

    private final int historyLimit;
    private final Clock clock;
    private final Map<String, Vehicle> vehicles = new HashMap<>(); // guarded by this
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public MaximaView(int historyLimit) {
        this(historyLimit, Clock.systemUTC());
    }

    public MaximaView(int historyLimit, Clock clock) {
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be at least 1, got " + historyLimit);
        }
        this.historyLimit = historyLimit;
        this.clock = clock;
    }

    /** Called with a vehicle id after that vehicle changed or was removed (outside the view's lock). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** Records an update; returns false if it repeats the vehicle's current state exactly. */
    public boolean apply(MaximumUpdate update) {
        synchronized (this) {
            Vehicle vehicle = vehicles.computeIfAbsent(update.vehicleId(), id -> new Vehicle());
            if (update.equals(vehicle.latest)) {
                return false;
            }
            vehicle.latest = update;
            vehicle.updates++;
            vehicle.receivedAt = clock.instant();
            vehicle.history.addLast(new PressurePoint(update.timestamp(), update.pressureMax(), update.sensorId()));
            while (vehicle.history.size() > historyLimit) {
                vehicle.history.removeFirst();
            }
        }
        notifyListeners(update.vehicleId());
        return true;
    }

    /** Forgets a vehicle (a tombstone on the compacted topic); returns whether it was known. */
    public boolean remove(String vehicleId) {
        boolean removed;
        synchronized (this) {
            removed = vehicles.remove(vehicleId) != null;
        }
        if (removed) {
            notifyListeners(vehicleId);
        }
        return removed;
    }

    /** Every vehicle in {@link VehicleIdOrder}; with or without each one's history. */
    public List<VehicleMaximum> vehicles(boolean withHistory) {
        List<VehicleMaximum> result = new ArrayList<>();
        synchronized (this) {
            vehicles.values().forEach(v -> result.add(v.snapshot(withHistory)));
        }
        result.sort((a, b) -> VehicleIdOrder.INSTANCE.compare(a.vehicleId(), b.vehicleId()));
        return result;
    }

    /** One vehicle with its history. */
    public synchronized Optional<VehicleMaximum> vehicle(String vehicleId) {
        Vehicle vehicle = vehicles.get(vehicleId);
        return vehicle == null ? Optional.empty() : Optional.of(vehicle.snapshot(true));
    }

    public synchronized int size() {
        return vehicles.size();
    }

    public int historyLimit() {
        return historyLimit;
    }

    private void notifyListeners(String vehicleId) {
        for (Consumer<String> listener : listeners) {
            listener.accept(vehicleId);
        }
    }

    /** Mutable per-vehicle state, only touched under the view's lock. */
    private static final class Vehicle {
        MaximumUpdate latest;
        long updates;
        Instant receivedAt;
        final ArrayDeque<PressurePoint> history = new ArrayDeque<>();

        VehicleMaximum snapshot(boolean withHistory) {
            return new VehicleMaximum(latest, updates, receivedAt, withHistory ? List.copyOf(history) : List.of());
        }
    }
}

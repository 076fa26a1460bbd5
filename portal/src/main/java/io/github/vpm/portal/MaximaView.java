package io.github.vpm.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The portal's in-memory state: per vehicle, the last maximum update read from the topic and a
 * bounded history of its maximum. Thread-safe: one consumer thread writes, HTTP threads read
 * snapshots.
 *
 * <p>The last record read wins, even if it is lower than the one before: that is what topic
 * compaction keeps, so a restarted portal rebuilds exactly the same view.
 *
 * <p>Memory is bounded: at most {@code maxVehicles} vehicles are held; a new vehicle beyond that
 * evicts the one updated longest ago (and counts it). Readers get pages, never everything at once.
 */
public final class MaximaView {

    public static final int DEFAULT_MAX_VEHICLES = 1_000_000;
    /** Up to this row, a page in id order while the fleet changes is walked in the tree instead of indexed. */
    static final int TREE_WALK_LIMIT = 10_000;

    private final int historyLimit;
    private final int maxVehicles;
    private final Clock clock;
    // Guarded by this. Least recently updated first: the eviction order.
    private final LinkedHashMap<String, Vehicle> vehicles = new LinkedHashMap<>();
    // Guarded by this. The same vehicles in VehicleIdOrder, so a page in id order needs no sort.
    private final TreeMap<String, Vehicle> byId = new TreeMap<>(VehicleIdOrder.INSTANCE);
    private long evicted; // guarded by this
    private long version; // guarded by this; bumped on every change
    private long membership; // guarded by this; bumped when a vehicle comes or goes (not when one changes)
    // Guarded by this. byId's vehicles as an array, valid while idOrderMembership == membership: a change
    // of a vehicle's maximum leaves the id order as it is, so on a steady fleet a page at any offset is
    // an index, and a filter scans an array instead of walking a million tree nodes.
    private Vehicle[] idOrder = new Vehicle[0];
    private long idOrderMembership = 0;
    private Summary summary; // guarded by this; computed for summaryVersion
    private long summaryVersion = -1;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public MaximaView(int historyLimit) {
        this(historyLimit, DEFAULT_MAX_VEHICLES, Clock.systemUTC());
    }

    public MaximaView(int historyLimit, int maxVehicles) {
        this(historyLimit, maxVehicles, Clock.systemUTC());
    }

    public MaximaView(int historyLimit, Clock clock) {
        this(historyLimit, DEFAULT_MAX_VEHICLES, clock);
    }

    public MaximaView(int historyLimit, int maxVehicles, Clock clock) {
        if (historyLimit < 1) {
            throw new IllegalArgumentException("historyLimit must be at least 1, got " + historyLimit);
        }
        if (maxVehicles < 1) {
            throw new IllegalArgumentException("maxVehicles must be at least 1, got " + maxVehicles);
        }
        this.historyLimit = historyLimit;
        this.maxVehicles = maxVehicles;
        this.clock = clock;
    }

    /** Called with a vehicle id after that vehicle changed or was removed or evicted (outside the view's lock). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** Records an update; returns false if it repeats the vehicle's current state exactly. */
    public boolean apply(MaximumUpdate update) {
        String id = update.vehicleId();
        String evictedId = null;
        synchronized (this) {
            Vehicle vehicle = vehicles.get(id);
            if (vehicle != null && update.equals(vehicle.latest)) {
                return false;
            }
            if (vehicle == null) {
                if (vehicles.size() >= maxVehicles) {
                    evictedId = evictOldest();
                }
                vehicle = new Vehicle(id);
                byId.put(id, vehicle);
                membership++;
            } else {
                vehicles.remove(id); // put back below, at the most recently updated end
            }
            vehicles.put(id, vehicle);
            vehicle.latest = update;
            vehicle.updates++;
            vehicle.received(clock.instant());
            vehicle.history.addLast(new PressurePoint(update.timestamp(), update.pressureMax(), update.sensorId()));
            while (vehicle.history.size() > historyLimit) {
                vehicle.history.removeFirst();
            }
            version++;
        }
        if (evictedId != null) {
            notifyListeners(evictedId);
        }
        notifyListeners(id);
        return true;
    }

    private String evictOldest() {
        Iterator<Map.Entry<String, Vehicle>> oldest = vehicles.entrySet().iterator();
        String id = oldest.next().getKey();
        oldest.remove();
        byId.remove(id);
        membership++;
        evicted++;
        return id;
    }

    /** Forgets a vehicle (a tombstone on the compacted topic); returns whether it was known. */
    public boolean remove(String vehicleId) {
        boolean removed;
        synchronized (this) {
            removed = vehicles.remove(vehicleId) != null;
            if (removed) {
                byId.remove(vehicleId);
                membership++;
                version++;
            }
        }
        if (removed) {
            notifyListeners(vehicleId);
        }
        return removed;
    }

    /**
     * One page of the vehicles that match the request's filter, in its order, and how many match.
     * In id order without a filter this is an index into the id-ordered array (or, while vehicles
     * are still arriving, a walk up to the page when it is near the start); otherwise it scans every
     * vehicle once (a filter must count its matches) and sorts only as many as the page needs.
     */
    public synchronized VehiclePage page(PageRequest request, boolean withHistory) {
        String filter = request.filter();
        int size = vehicles.size();
        int end = (int) Math.min((long) request.offset() + request.limit(), Integer.MAX_VALUE);
        List<VehicleMaximum> page = new ArrayList<>(Math.min(request.limit(), size));
        int matching = 0;
        if (request.sort() == PageRequest.Sort.VEHICLE) {
            boolean descending = request.descending();
            if (filter.isEmpty() && idOrderMembership != membership && end <= TREE_WALK_LIMIT) {
                // The fleet is changing (e.g. the portal is loading): a page near the start is cheaper
                // walked than the whole id order rebuilt.
                Iterable<Vehicle> ordered = descending ? byId.descendingMap().values() : byId.values();
                int index = 0;
                for (Vehicle v : ordered) {
                    if (index >= end) {
                        break;
                    }
                    if (index >= request.offset()) {
                        page.add(v.snapshot(withHistory));
                    }
                    index++;
                }
                matching = size;
            } else if (filter.isEmpty()) {
                Vehicle[] ordered = idOrder();
                for (int i = request.offset(); i < Math.min(end, ordered.length); i++) {
                    page.add(ordered[descending ? ordered.length - 1 - i : i].snapshot(withHistory));
                }
                matching = size;
            } else {
                Vehicle[] ordered = idOrder();
                Matcher matcher = new Matcher(filter);
                for (int k = 0; k < ordered.length; k++) {
                    Vehicle v = ordered[descending ? ordered.length - 1 - k : k];
                    if (!v.matches(matcher)) {
                        continue;
                    }
                    if (matching >= request.offset() && matching < end) {
                        page.add(v.snapshot(withHistory));
                    }
                    matching++;
                }
            }
        } else {
            Comparator<Vehicle> order = comparator(request.sort(), request.descending());
            Matcher matcher = filter.isEmpty() ? null : new Matcher(filter);
            // The best `end` matches so far, worst on top, so each scan step costs O(log end).
            PriorityQueue<Vehicle> best = new PriorityQueue<>(Math.min(end, 1024) + 1, order.reversed());
            // Any order will do (ties are broken by id): the array when it is current, else the map.
            Iterable<Vehicle> all = idOrderMembership == membership ? Arrays.asList(idOrder) : vehicles.values();
            for (Vehicle v : all) {
                if (matcher != null && !v.matches(matcher)) {
                    continue;
                }
                matching++;
                if (best.size() < end) {
                    best.add(v);
                } else if (order.compare(v, best.peek()) < 0) {
                    best.poll();
                    best.add(v);
                }
            }
            List<Vehicle> sorted = new ArrayList<>(best);
            sorted.sort(order);
            for (int i = request.offset(); i < sorted.size(); i++) {
                page.add(sorted.get(i).snapshot(withHistory));
            }
        }
        return new VehiclePage(request, page, matching, size);
    }

    /** The vehicles in id order, rebuilt from the tree when a vehicle came or went since. Caller holds the lock. */
    private Vehicle[] idOrder() {
        if (idOrderMembership != membership) {
            idOrder = byId.values().toArray(new Vehicle[0]);
            idOrderMembership = membership;
        }
        return idOrder;
    }

    private static Comparator<Vehicle> comparator(PageRequest.Sort sort, boolean descending) {
        Comparator<Vehicle> primary = sort == PageRequest.Sort.PRESSURE
                ? Comparator.comparingDouble(v -> v.latest.pressureMax())
                : Comparator.comparing(v -> v.latest.timestamp());
        if (descending) {
            primary = primary.reversed();
        }
        // Ties in id order, so a page is stable from one request to the next.
        return primary.thenComparing(v -> v.id, VehicleIdOrder.INSTANCE);
    }

    /** Every vehicle in {@link VehicleIdOrder}; unbounded, so only for tests and small views. */
    public List<VehicleMaximum> vehicles(boolean withHistory) {
        List<VehicleMaximum> result = new ArrayList<>();
        synchronized (this) {
            byId.values().forEach(v -> result.add(v.snapshot(withHistory)));
        }
        return result;
    }

    /** One vehicle with its history. */
    public synchronized Optional<VehicleMaximum> vehicle(String vehicleId) {
        Vehicle vehicle = vehicles.get(vehicleId);
        return vehicle == null ? Optional.empty() : Optional.of(vehicle.snapshot(true));
    }

    /** The highest maximum and the latest new maximum over every vehicle; recomputed only after a change. */
    public synchronized Summary summary() {
        if (summaryVersion != version) {
            Vehicle top = null;
            Vehicle latest = null;
            for (Vehicle v : vehicles.values()) {
                if (top == null || v.latest.pressureMax() > top.latest.pressureMax()) {
                    top = v;
                }
                if (latest == null || v.latest.timestamp().isAfter(latest.latest.timestamp())) {
                    latest = v;
                }
            }
            summary = new Summary(top == null ? Optional.empty() : Optional.of(top.snapshot(false)),
                    latest == null ? Optional.empty() : Optional.of(latest.snapshot(false)));
            summaryVersion = version;
        }
        return summary;
    }

    public synchronized int size() {
        return vehicles.size();
    }

    /** How many vehicles were dropped to stay within {@link #maxVehicles()} since the portal started. */
    public synchronized long evicted() {
        return evicted;
    }

    public int maxVehicles() {
        return maxVehicles;
    }

    public int historyLimit() {
        return historyLimit;
    }

    private void notifyListeners(String vehicleId) {
        for (Consumer<String> listener : listeners) {
            listener.accept(vehicleId);
        }
    }

    /** The page's summary cards: the vehicle with the highest maximum and the one with the newest. */
    public record Summary(Optional<VehicleMaximum> top, Optional<VehicleMaximum> latest) {
    }

    /** Mutable per-vehicle state, only touched under the view's lock. */
    private static final class Vehicle {
        final String id;
        MaximumUpdate latest;
        long updates;
        // When the portal read the latest update, kept as numbers: an Instant per vehicle is 24 bytes more.
        long receivedSeconds;
        int receivedNanos;
        // Most vehicles of a large fleet have few points: start with room for one, not ArrayDeque's 16.
        final ArrayDeque<PressurePoint> history = new ArrayDeque<>(1);

        Vehicle(String id) {
            this.id = id;
        }

        /** Case-insensitive substring of the vehicle or sensor id. */
        boolean matches(Matcher filter) {
            return filter.foundIn(id) || filter.foundIn(latest.sensorId());
        }

        void received(Instant at) {
            receivedSeconds = at.getEpochSecond();
            receivedNanos = at.getNano();
        }

        VehicleMaximum snapshot(boolean withHistory) {
            return new VehicleMaximum(latest, updates, Instant.ofEpochSecond(receivedSeconds, receivedNanos),
                    withHistory ? List.copyOf(history) : List.of());
        }
    }

    /** Without lower-casing copies: a filter may scan a million ids per request. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        return needle.isEmpty() || new Matcher(needle).foundIn(haystack);
    }

    /**
     * A case-insensitive substring search for one filter, made once per request: a position is only
     * compared in full ({@link String#regionMatches(boolean, int, String, int, int)}) when its first
     * character matches the filter's first one by the same rule, which skips most positions of most ids.
     */
    static final class Matcher {
        private final String needle;
        private final char first;
        private final char firstFolded;
        // Surrogates are compared as code points by regionMatches: no shortcut for them.
        private final boolean shortcut;

        Matcher(String needle) {
            if (needle.isEmpty()) {
                throw new IllegalArgumentException("empty filter");
            }
            this.needle = needle;
            this.first = needle.charAt(0);
            this.firstFolded = fold(first);
            this.shortcut = !Character.isSurrogate(first);
        }

        /** regionMatches' rule for one pair of characters: equal, or equal after upper- then lower-casing. */
        private static char fold(char c) {
            return Character.toLowerCase(Character.toUpperCase(c));
        }

        boolean foundIn(String haystack) {
            int length = needle.length();
            int last = haystack.length() - length;
            for (int i = 0; i <= last; i++) {
                char c = haystack.charAt(i);
                boolean candidate = c == first || !shortcut || Character.isSurrogate(c) || fold(c) == firstFolded;
                if (candidate && haystack.regionMatches(true, i, needle, 0, length)) {
                    return true;
                }
            }
            return false;
        }
    }
}

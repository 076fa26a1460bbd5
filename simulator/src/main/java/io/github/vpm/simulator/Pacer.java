package io.github.vpm.simulator;

import java.util.function.LongSupplier;

/**
 * Token bucket that paces sending to a rate: permits accrue continuously at {@code rate} per second and
 * are handed out in batches, so at high rates the loop sends many readings per wake-up instead of
 * sleeping per message. The bucket holds up to one second's worth (at least two): short hiccups (a GC
 * pause, a busy CPU) are made up for so the average rate holds, longer stalls are not. The caller
 * resets it after an outage, so recovering from one does not start with a burst. Not thread-safe.
 */
public final class Pacer {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double permitsPerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double available;
    private long lastRefill;

    public Pacer(int ratePerSecond, LongSupplier nanoClock) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second");
        }
        this.permitsPerNano = ratePerSecond / NANOS_PER_SECOND;
        this.capacity = Math.max(2.0, ratePerSecond);
        this.nanoClock = nanoClock;
        reset();
    }

    /** Takes up to {@code max} permits that are available now; 0 when the caller must wait. */
    public int acquire(int max) {
        refill();
        int granted = (int) Math.min(max, Math.floor(available));
        available -= granted;
        return granted;
    }

    /** How long until the next permit, in nanoseconds; 0 if one is available now. */
    public long nanosUntilNextPermit() {
        refill();
        return available >= 1.0 ? 0 : (long) Math.ceil((1.0 - available) / permitsPerNano);
    }

    /** Starts afresh with one permit, e.g. after a pause, so the pause is not made up for. */
    public void reset() {
        lastRefill = nanoClock.getAsLong();
        available = 1.0;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            available = Math.min(capacity, available + elapsed * permitsPerNano);
            lastRefill = now;
        }
    }
}

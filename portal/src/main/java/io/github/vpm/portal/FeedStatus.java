package io.github.vpm.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the portal's Kafka feed stands, shown on the page and in {@code /api/status}. Thread-safe:
 * the consumer thread writes, HTTP threads read snapshots.
 */
public final class FeedStatus {

    public enum State {
        /** Not yet talked to the broker. */
        CONNECTING,
        /** Broker unreachable or topic missing; retrying. */
        WAITING,
        /** Reading the topic from the beginning, not yet caught up. */
        LOADING,
        /** Caught up; new records show as they arrive. */
        LIVE,
        /** Shut down. */
        STOPPED
    }

    /** An immutable reading of the status. */
    public record Snapshot(State state, String detail, Instant since, long recordsRead, long malformedRecords,
                           String topic, String bootstrapServers) {
    }

    private final Clock clock;
    private final String topic;
    private final String bootstrapServers;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private State state = State.CONNECTING; // guarded by this
    private String detail = "connecting to the broker";
    private Instant since;
    private long recordsRead;
    private long malformedRecords;

    public FeedStatus(String topic, String bootstrapServers) {
        this(topic, bootstrapServers, Clock.systemUTC());
    }

    public FeedStatus(String topic, String bootstrapServers, Clock clock) {
        this.clock = clock;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.since = clock.instant();
    }

    /** Called after the state or its detail changed (outside the lock). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Moves to {@code next}; listeners hear only about real changes. */
    public void moveTo(State next, String nextDetail) {
        synchronized (this) {
            if (state == next && detail.equals(nextDetail)) {
                return;
            }
            if (state != next) {
                since = clock.instant();
            }
            state = next;
            detail = nextDetail;
        }
        listeners.forEach(Runnable::run);
    }

    public synchronized void countRecord() {
        recordsRead++;
    }

    public synchronized void countMalformed() {
        malformedRecords++;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, detail, since, recordsRead, malformedRecords, topic, bootstrapServers);
    }
}

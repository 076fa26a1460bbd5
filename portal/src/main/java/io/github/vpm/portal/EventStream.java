package io.github.vpm.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * {@code /api/stream}: server-sent events that keep the page live. A new client first gets the
 * feed {@code status} and a {@code snapshot} of every vehicle, then a {@code vehicle} event each
 * time one changes ({@code removed} when one is deleted) and {@code status} when the feed does.
 *
 * <p>Each client only remembers <em>which</em> vehicles changed, and its own thread sends their
 * current state when it gets to write. A burst of updates therefore coalesces into one event per
 * vehicle, memory stays bounded by the number of vehicles, and a slow browser never slows the feed.
 */
final class EventStream implements HttpHandler, AutoCloseable {

    static final String PATH = "/api/stream";

    private final MaximaView view;
    private final FeedStatus status;
    private final VehicleJson json;
    private final int maxClients;
    private final Duration heartbeat;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Consumer<String> onVehicle = id -> clients.forEach(c -> c.vehicleChanged(id));
    private final Runnable onStatus = () -> clients.forEach(Client::statusChanged);
    private volatile boolean closed;

    EventStream(MaximaView view, FeedStatus status, VehicleJson json, int maxClients, Duration heartbeat) {
        this.view = view;
        this.status = status;
        this.json = json;
        this.maxClients = maxClients;
        this.heartbeat = heartbeat;
        view.addListener(onVehicle);
        status.addListener(onStatus);
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
            HttpResponses.error(exchange, 404, json, "no such resource: " + exchange.getRequestURI().getPath());
            return;
        }
        if (!HttpResponses.readOnly(exchange, json)) {
            return;
        }
        if (closed || clients.size() >= maxClients) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            HttpResponses.error(exchange, 503, json, closed ? "shutting down" : "too many live connections");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client();
        // Registered before the snapshot is taken, so no change between the two is lost.
        clients.add(client);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, null, "retry: 3000\n");
            event(out, "status", statusJson());
            event(out, "snapshot", snapshotJson());
            out.flush();
            while (!closed) {
                Optional<Changes> changes = client.await(heartbeat);
                if (changes.isEmpty()) {
                    break;
                }
                sendChanges(out, changes.get());
                out.flush();
            }
        } catch (IOException e) {
            // The browser went away; its thread is free again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
            exchange.close();
        }
    }

    private void sendChanges(OutputStream out, Changes changes) throws IOException {
        if (changes.isEmpty()) {
            // Keeps proxies from timing the stream out and finds closed connections.
            write(out, null, ": keepalive\n");
            return;
        }
        if (changes.status()) {
            event(out, "status", statusJson());
        }
        for (String id : changes.vehicles()) {
            Optional<VehicleMaximum> vehicle = view.vehicle(id);
            if (vehicle.isPresent()) {
                event(out, "vehicle", streamVehicle(vehicle.get()));
            } else {
                event(out, "removed", json.removed(id));
            }
        }
    }

    private ObjectNode statusJson() {
        ObjectNode node = json.status(status.snapshot(), view.size(), view.historyLimit());
        // Lets the page correct "how long ago" for a browser clock that differs from the server's.
        node.put("serverTime", Instant.now().toEpochMilli());
        return node;
    }

    private ObjectNode snapshotJson() {
        List<VehicleMaximum> all = view.vehicles(true);
        ObjectNode node = json.vehicles(List.of(), false);
        node.put("count", all.size());
        ArrayNode array = node.withArray("/vehicles");
        all.forEach(v -> array.add(streamVehicle(v)));
        return node;
    }

    /** A vehicle with its history as compact [epochMillis, pascals] pairs for the chart. */
    private ObjectNode streamVehicle(VehicleMaximum v) {
        ObjectNode node = json.vehicle(v, false);
        ArrayNode points = node.putArray("points");
        for (PressurePoint p : v.history()) {
            points.addArray().add(p.timestamp().toEpochMilli()).add(p.pressureMax());
        }
        return node;
    }

    private void event(OutputStream out, String name, ObjectNode data) throws IOException {
        // JSON from Jackson has no raw newlines, so one data line carries the whole payload.
        write(out, name, "data: " + json.text(data) + "\n");
    }

    private static void write(OutputStream out, String eventName, String lines) throws IOException {
        StringBuilder s = new StringBuilder();
        if (eventName != null) {
            s.append("event: ").append(eventName).append('\n');
        }
        s.append(lines).append('\n');
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Ends every open stream (browsers reconnect to whoever serves next). */
    @Override
    public void close() {
        closed = true;
        view.removeListener(onVehicle);
        status.removeListener(onStatus);
        clients.forEach(Client::close);
    }

    /** What changed for one client since it last wrote. */
    private record Changes(boolean status, List<String> vehicles) {
        boolean isEmpty() {
            return !status && vehicles.isEmpty();
        }
    }

    /** One connected browser: the set of changes it has yet to send. */
    private static final class Client {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Set<String> dirtyVehicles = new LinkedHashSet<>();
        private boolean dirtyStatus;
        private boolean closed;

        void vehicleChanged(String vehicleId) {
            lock.lock();
            try {
                dirtyVehicles.add(vehicleId);
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        void statusChanged() {
            lock.lock();
            try {
                dirtyStatus = true;
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closed = true;
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        /** The changes so far (empty after {@code timeout} without any); nothing once closed. */
        Optional<Changes> await(Duration timeout) throws InterruptedException {
            lock.lock();
            try {
                long nanos = timeout.toNanos();
                while (!closed && !dirtyStatus && dirtyVehicles.isEmpty() && nanos > 0) {
                    nanos = changed.awaitNanos(nanos);
                }
                if (closed) {
                    return Optional.empty();
                }
                Changes changes = new Changes(dirtyStatus, new ArrayList<>(dirtyVehicles));
                dirtyStatus = false;
                dirtyVehicles.clear();
                return Optional.of(changes);
            } finally {
                lock.unlock();
            }
        }
    }
}

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
import java.util.stream.Collectors;

/**
 * {@code /api/stream}: server-sent events that keep the page live. The query chooses one page of
 * vehicles as in {@link PageRequest} (e.g. {@code ?filter=honda&offset=100}). A new client first gets
 * the feed {@code status} and a {@code snapshot} of that page (with {@code count} and {@code total},
 * never every vehicle), then a {@code vehicle} event each time a shown vehicle changes ({@code removed}
 * when one is deleted or evicted), a fresh {@code snapshot} when the page or the counts may have
 * changed (at most once per page refresh interval) and {@code status} when the feed does.
 *
 * <p>Each client only remembers <em>which</em> of its shown vehicles changed, and whether anything
 * else did; its own thread sends their current state when it gets to write. A burst of updates
 * therefore coalesces into one event per shown vehicle, memory per client is bounded by the page
 * size, and a slow browser never slows the feed.
 */
final class EventStream implements HttpHandler, AutoCloseable {

    static final String PATH = "/api/stream";

    private final MaximaView view;
    private final FeedStatus status;
    private final VehicleJson json;
    private final int maxClients;
    private final Duration heartbeat;
    private final Duration pageRefresh;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Consumer<String> onVehicle = id -> clients.forEach(c -> c.vehicleChanged(id));
    private final Runnable onStatus = () -> clients.forEach(Client::statusChanged);
    private volatile boolean closed;

    EventStream(MaximaView view, FeedStatus status, VehicleJson json, int maxClients, Duration heartbeat,
                Duration pageRefresh) {
        this.view = view;
        this.status = status;
        this.json = json;
        this.maxClients = maxClients;
        this.heartbeat = heartbeat;
        this.pageRefresh = pageRefresh;
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
        PageRequest request = PageRequest.parseOrReject(exchange, json);
        if (request == null) {
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
        Client client = new Client(request.sort() != PageRequest.Sort.VEHICLE);
        // Registered before the snapshot is taken, so no change between the two is lost.
        clients.add(client);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, null, "retry: 3000\n");
            event(out, "status", statusJson());
            sendPage(out, client, request);
            out.flush();
            long nextPage = System.nanoTime() + pageRefresh.toNanos();
            while (!closed) {
                Optional<Changes> changes = client.await(heartbeat, nextPage);
                if (changes.isEmpty()) {
                    break;
                }
                sendChanges(out, client, changes.get());
                if (changes.get().page()) {
                    // The snapshot carries the shown vehicles' current state: no vehicle events needed.
                    sendPage(out, client, request);
                    nextPage = System.nanoTime() + pageRefresh.toNanos();
                }
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

    /** The page as it is now; from here on only its vehicles get {@code vehicle} events. */
    private void sendPage(OutputStream out, Client client, PageRequest request) throws IOException {
        VehiclePage page = view.page(request, true);
        client.show(page.vehicles().stream().map(VehicleMaximum::vehicleId).collect(Collectors.toSet()));
        ObjectNode node = json.page(page, this::streamVehicle);
        json.putSummary(node, view.summary());
        // Evictions happen without any feed status change: the page learns of them here.
        node.put("evictedVehicles", view.evicted());
        event(out, "snapshot", node);
    }

    private void sendChanges(OutputStream out, Client client, Changes changes) throws IOException {
        if (changes.isEmpty()) {
            // Keeps proxies from timing the stream out and finds closed connections.
            write(out, null, ": keepalive\n");
            return;
        }
        if (changes.status()) {
            event(out, "status", statusJson());
        }
        if (changes.page()) {
            return;
        }
        for (String id : changes.vehicles()) {
            Optional<VehicleMaximum> vehicle = view.vehicle(id);
            if (vehicle.isPresent()) {
                event(out, "vehicle", streamVehicle(vehicle.get()));
            } else {
                event(out, "removed", json.removed(id));
                client.pageChanged(); // the next snapshot fills the hole
            }
        }
    }

    private ObjectNode statusJson() {
        ObjectNode node = json.status(status.snapshot(), view);
        // Lets the page correct "how long ago" for a browser clock that differs from the server's.
        node.put("serverTime", Instant.now().toEpochMilli());
        return node;
    }

    /** A vehicle with its history as compact [epochMillis, pascals] pairs for the chart. */
    private ObjectNode streamVehicle(VehicleMaximum v) {
        ObjectNode node = json.vehicle(v, false);
        ArrayNode points = node.putArray("points");
        for (PressurePoint p : v.history()) {
            Pressure.add(points.addArray().add(p.timestamp().toEpochMilli()), p.pressureMax());
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

    /** What changed for one client since it last wrote: the feed, its page, or shown vehicles. */
    private record Changes(boolean status, boolean page, List<String> vehicles) {
        boolean isEmpty() {
            return !status && !page && vehicles.isEmpty();
        }
    }

    /** One connected browser: the vehicles it shows and the changes it has yet to send. */
    private static final class Client {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        /** In pressure or time order a shown vehicle's change may move it off the page. */
        private final boolean orderFollowsValues;
        private Set<String> shown = Set.of();
        private final Set<String> dirtyVehicles = new LinkedHashSet<>();
        private boolean dirtyPage;
        private boolean dirtyStatus;
        private boolean closed;

        Client(boolean orderFollowsValues) {
            this.orderFollowsValues = orderFollowsValues;
        }

        void show(Set<String> ids) {
            lock.lock();
            try {
                shown = ids;
                dirtyVehicles.retainAll(ids);
            } finally {
                lock.unlock();
            }
        }

        void vehicleChanged(String vehicleId) {
            lock.lock();
            try {
                if (shown.contains(vehicleId)) {
                    dirtyVehicles.add(vehicleId);
                    // A shown vehicle removed leaves a hole; in value order one may move elsewhere.
                    if (orderFollowsValues) {
                        dirtyPage = true;
                    }
                } else {
                    // A vehicle not shown may now belong on the page, and the counts may have changed.
                    dirtyPage = true;
                }
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        void pageChanged() {
            lock.lock();
            try {
                dirtyPage = true;
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

        /**
         * The changes so far (empty after {@code timeout} without any); nothing once closed. A page
         * change is only reported from {@code pageDue} (System.nanoTime) on, so a busy feed costs each
         * client at most one page query per refresh interval.
         */
        Optional<Changes> await(Duration timeout, long pageDue) throws InterruptedException {
            lock.lock();
            try {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!closed && !dirtyStatus && dirtyVehicles.isEmpty()) {
                    long now = System.nanoTime();
                    if (dirtyPage && now - pageDue >= 0) {
                        break;
                    }
                    long wait = deadline - now;
                    if (dirtyPage) {
                        wait = Math.min(wait, pageDue - now);
                    }
                    if (wait <= 0) {
                        break;
                    }
                    changed.awaitNanos(wait);
                }
                if (closed) {
                    return Optional.empty();
                }
                boolean page = dirtyPage && System.nanoTime() - pageDue >= 0;
                Changes changes = new Changes(dirtyStatus, page, new ArrayList<>(dirtyVehicles));
                dirtyStatus = false;
                dirtyVehicles.clear();
                if (page) {
                    dirtyPage = false;
                }
                return Optional.of(changes);
            } finally {
                lock.unlock();
            }
        }
    }
}

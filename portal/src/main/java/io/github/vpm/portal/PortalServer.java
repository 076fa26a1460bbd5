package io.github.vpm.portal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal's HTTP side on the JDK's own server: the page, the JSON API and the event stream,
 * all reading the same {@link MaximaView}; and the operations page's API, reading Prometheus.
 */
public final class PortalServer implements AutoCloseable {

    /** Each live page holds one thread; this caps what a crowd of tabs can take. */
    private static final int MAX_STREAM_CLIENTS = 200;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How often at most a live page gets its page and counts again while vehicles change. */
    private static final Duration PAGE_REFRESH = Duration.ofSeconds(1);

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventStream events;

    private PortalServer(HttpServer server, ExecutorService executor, EventStream events) {
        this.server = server;
        this.executor = executor;
        this.events = events;
    }

    /** Binds {@code bind:port} (port 0 = any free port) and starts serving. */
    public static PortalServer start(InetSocketAddress address, MaximaView view, FeedStatus status, VehicleJson json,
                                     OpsApi ops) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        EventStream events = new EventStream(view, status, json, MAX_STREAM_CLIENTS, HEARTBEAT, PAGE_REFRESH);
        VehicleApi api = new VehicleApi(view, status, json);
        server.createContext("/", new SafeHandler(new StaticAssets(json), json));
        server.createContext("/api/", new SafeHandler(api, json));
        server.createContext(OpsApi.PATH, new SafeHandler(ops, json));
        server.createContext(EventStream.PATH, new SafeHandler(events, json));
        server.setExecutor(executor);
        server.start();
        return new PortalServer(server, executor, events);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    int streamClients() {
        return events.clientCount();
    }

    /** Ends the event streams first (they would hold the server open), then stops serving. */
    @Override
    public void close() {
        events.close();
        server.stop(1);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "portal-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

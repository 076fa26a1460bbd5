package io.github.vpm.portal;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The portal's HTTP side on the JDK's own server: the page, the JSON API and the event stream,
 * all reading the same {@link MaximaView}; and the operations page's API, reading Prometheus.
 * With TLS it is an {@link HttpsServer} and nothing listens in plain text; with an authenticator
 * every context (page, API, stream, /ops, static files) asks for it.
 */
public final class PortalServer implements AutoCloseable {

    /** Each live page holds one thread; this caps what a crowd of tabs can take. */
    private static final int MAX_STREAM_CLIENTS = 200;
    private static final int BACKLOG = 64;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How often at most a live page gets its page and counts again while vehicles change. */
    private static final Duration PAGE_REFRESH = Duration.ofSeconds(1);

    static {
        // The JDK's server writes a response's headers and body separately; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK of the headers: about 40 ms on every
        // request over loopback (bench/run --portal measured it). Read once, when the JDK's server
        // class loads: set it before the first server is made. An explicit -D still wins.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventStream events;

    private PortalServer(HttpServer server, ExecutorService executor, EventStream events) {
        this.server = server;
        this.executor = executor;
        this.events = events;
    }

    /** Binds {@code bind:port} (port 0 = any free port) and starts serving plain HTTP to anyone. */
    public static PortalServer start(InetSocketAddress address, MaximaView view, FeedStatus status, VehicleJson json,
                                     OpsApi ops) throws IOException {
        return start(address, Optional.empty(), Optional.empty(), view, status, json, ops);
    }

    /**
     * Binds {@code bind:port} (port 0 = any free port) and starts serving: HTTPS only if {@code tls} is
     * given, and every request checked by {@code authenticator} if given.
     */
    public static PortalServer start(InetSocketAddress address, Optional<SSLContext> tls,
                                     Optional<Authenticator> authenticator, MaximaView view, FeedStatus status,
                                     VehicleJson json, OpsApi ops) throws IOException {
        HttpServer server;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(address, BACKLOG);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(address, BACKLOG);
        }
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        EventStream events = new EventStream(view, status, json, MAX_STREAM_CLIENTS, HEARTBEAT, PAGE_REFRESH);
        VehicleApi api = new VehicleApi(view, status, json);
        context(server, "/", new StaticAssets(json), json, authenticator);
        context(server, "/api/", api, json, authenticator);
        context(server, OpsApi.PATH, ops, json, authenticator);
        context(server, EventStream.PATH, events, json, authenticator);
        server.setExecutor(executor);
        server.start();
        return new PortalServer(server, executor, events);
    }

    private static void context(HttpServer server, String path, HttpHandler handler, VehicleJson json,
                                Optional<Authenticator> authenticator) {
        HttpContext context = server.createContext(path, new SafeHandler(handler, json));
        authenticator.ifPresent(context::setAuthenticator);
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

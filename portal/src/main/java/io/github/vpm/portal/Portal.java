package io.github.vpm.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.github.vpm.portal.ops.PrometheusClient;
import io.github.vpm.portal.security.PortalUsers;
import io.github.vpm.portal.security.TlsIdentity;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running portal: the Kafka feed filling the view, and the HTTP server showing it. */
public final class Portal implements AutoCloseable {

    private final MaximaView view;
    private final FeedStatus status;
    private final MaximaConsumer consumer;
    private final Thread consumerThread;
    private final PortalServer server;
    private final FeedMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Portal(MaximaView view, FeedStatus status, MaximaConsumer consumer, Thread consumerThread,
                   PortalServer server, FeedMetrics metrics) {
        this.view = view;
        this.status = status;
        this.consumer = consumer;
        this.consumerThread = consumerThread;
        this.server = server;
        this.metrics = metrics;
    }

    /** Starts serving first (the page shows "waiting" until Kafka answers), then the feed. */
    public static Portal start(PortalOptions options) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        MaximaView view = new MaximaView(options.history(), options.maxVehicles());
        FeedStatus status = new FeedStatus(options.topic(), options.bootstrapServers());
        Optional<PrometheusClient> prometheus = options.prometheus().map(p -> new PrometheusClient(p, mapper));
        PortalServer server = PortalServer.start(new InetSocketAddress(options.bind(), options.port()),
                options.tls().map(TlsIdentity::sslContext), options.users().map(PortalUsers::authenticator), view,
                status, new VehicleJson(mapper),
                new OpsApi(prometheus, new VehicleJson(mapper), mapper, Clock.systemUTC()));
        MaximaConsumer consumer = new MaximaConsumer(options.bootstrapServers(), options.kafkaSettings(),
                options.topic(), view, status, new MaximumUpdateDecoder(mapper));
        Thread thread = new Thread(consumer, "maxima-consumer");
        thread.start();
        return new Portal(view, status, consumer, thread, server, FeedMetrics.register(view, status, server.port()));
    }

    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public MaximaView view() {
        return view;
    }

    public FeedStatus status() {
        return status;
    }

    /** Blocks until the feed stops (on {@link #close()}). */
    public void awaitTermination() throws InterruptedException {
        consumerThread.join();
    }

    /** Stops the feed and the server; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        consumer.close();
        server.close();
        metrics.close();
    }
}

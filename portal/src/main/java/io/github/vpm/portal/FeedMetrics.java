package io.github.vpm.portal;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link FeedMetricsMXBean} on the platform MBean server as
 * {@code io.github.vpm.portal:type=Feed,port=<http port>} (the port keeps two portals of one JVM, as in
 * tests, apart; the exporter rule drops it).
 */
final class FeedMetrics implements FeedMetricsMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedMetrics.class);

    private final MaximaView view;
    private final FeedStatus status;
    private final ObjectName name;

    private FeedMetrics(MaximaView view, FeedStatus status, ObjectName name) {
        this.view = view;
        this.status = status;
        this.name = name;
    }

    /** Registers the bean; a failure is logged, never fatal (the page works without its metrics). */
    static FeedMetrics register(MaximaView view, FeedStatus status, int port) {
        ObjectName name = null;
        try {
            name = new ObjectName("io.github.vpm.portal:type=Feed,port=" + port);
            FeedMetrics metrics = new FeedMetrics(view, status, name);
            ManagementFactory.getPlatformMBeanServer().registerMBean(metrics, name);
            return metrics;
        } catch (JMException e) {
            LOG.warn("cannot register the feed metrics as {}: {}", name, e.toString());
            return new FeedMetrics(view, status, null);
        }
    }

    @Override
    public int getVehicles() {
        return view.size();
    }

    @Override
    public long getEvictedVehicles() {
        return view.evicted();
    }

    @Override
    public int getLive() {
        return status.state() == FeedStatus.State.LIVE ? 1 : 0;
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.warn("cannot unregister {}: {}", name, e.toString());
        }
    }
}

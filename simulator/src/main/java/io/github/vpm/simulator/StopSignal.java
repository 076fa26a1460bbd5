package io.github.vpm.simulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and Ctrl-C into a stop request the send loop sees, so it can flush, close the producer
 * and exit 0. Handling the signals (rather than only adding a shutdown hook) is what makes the exit code
 * 0: a JVM that dies of SIGTERM exits 143, which systemd and scripts read as a failure. A shutdown hook
 * still covers other ways out (SIGHUP, System.exit) by waiting for the loop to finish. A second signal
 * exits at once.
 */
final class StopSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);
    private static final long HOOK_WAIT_SECONDS = 20;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.onSignal("SIG" + name));
            } catch (IllegalArgumentException e) {
                // Signal not available on this platform: the shutdown hook below still stops cleanly.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop::onShutdown, "vpm-simulator-shutdown"));
        return stop;
    }

    boolean requested() {
        return requested.get();
    }

    /** The send loop is done and the producer closed: the process may exit. */
    void finished() {
        finished.countDown();
    }

    private void onSignal(String name) {
        if (requested.compareAndSet(false, true)) {
            LOG.info("{} received: stopping, flushing and closing the producer", name);
        } else {
            LOG.info("{} received again: exiting without waiting for Kafka", name);
            Runtime.getRuntime().halt(130);
        }
    }

    private void onShutdown() {
        requested.set(true);
        try {
            finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

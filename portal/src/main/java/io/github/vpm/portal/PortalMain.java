package io.github.vpm.portal;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.cli.InvalidOptionException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar vpm-portal.jar [options]}: parse, serve, read Kafka, stop cleanly on SIGTERM. */
public final class PortalMain {

    private static final Logger LOG = LoggerFactory.getLogger(PortalMain.class);

    private PortalMain() {
    }

    public static void main(String[] args) {
        PortalOptions options = CommandLine.orExit(() -> resolvable(PortalOptions.parse(args)));
        if (options.help()) {
            System.out.println(PortalOptions.USAGE);
            return;
        }

        Portal portal;
        try {
            portal = Portal.start(options);
        } catch (BindException e) {
            exit(1, "cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage());
            return;
        } catch (IOException e) {
            exit(1, "cannot start the HTTP server on " + options.bind() + ":" + options.port() + ": " + e);
            return;
        }
        LOG.info("portal listening on {}://{}:{}/ reading {} at {}", options.tls().isPresent() ? "https" : "http",
                options.bind(), portal.port(), options.topic(), options.bootstrapServers());
        options.tls().ifPresent(tls -> LOG.info("HTTPS only, certificate {}", tls));
        options.users().ifPresent(users -> LOG.info("every request needs a password: users of {}", users));
        if (!options.kafkaSettings().isEmpty()) {
            LOG.info("Kafka client settings (secrets hidden): {}", options.kafkaSettings());
        }

        // SIGTERM and Ctrl-C: stop the feed and server, then flush the logs (their own hook is off).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            portal.close();
            LOG.info("stopped");
            LogManager.shutdown();
        }, "portal-shutdown"));
        try {
            portal.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The options, once {@code --bind} is known to resolve: a name that does not is a bad option too. */
    private static PortalOptions resolvable(PortalOptions options) {
        try {
            InetAddress.getByName(options.bind());
            return options;
        } catch (UnknownHostException e) {
            throw new InvalidOptionException("--bind: cannot resolve " + InvalidOptionException.quote(e.getMessage()));
        }
    }

    private static void exit(int code, String line) {
        System.err.println("vpm-portal: " + line);
        System.exit(code);
    }
}

package io.github.vpm.simulator;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Plain log lines on stdout: our own INFO lines are just the message (so an anomaly line starts with
 * "Anomaly"), warnings and errors are prefixed with their level, and foreign lines with their logger.
 * SLF4J reaches java.util.logging through slf4j-jdk14.
 */
final class Logging {

    /**
     * The Kafka client logs every reconnect attempt and metadata retry (once a second or more while the
     * broker is down); the simulator reports connectivity itself, so only the client's errors pass.
     * Held in a field: java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger KAFKA_CLIENT = Logger.getLogger("org.apache.kafka");

    private Logging() {
    }

    static void configure() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new StdoutHandler(System.out));
        KAFKA_CLIENT.setLevel(Level.SEVERE);
    }

    /** Flushes every line (an operator tails it) and never closes stdout, even at JVM exit. */
    private static final class StdoutHandler extends StreamHandler {

        StdoutHandler(PrintStream out) {
            super(out, new PlainFormat());
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }
    }

    static final class PlainFormat extends Formatter {

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder();
            int level = record.getLevel().intValue();
            if (level >= Level.SEVERE.intValue()) {
                line.append("ERROR ");
            } else if (level >= Level.WARNING.intValue()) {
                line.append("WARN ");
            }
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (!logger.startsWith("io.github.vpm.")) {
                line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ");
            }
            line.append(formatMessage(record));
            if (record.getThrown() != null) {
                line.append(": ").append(record.getThrown());
            }
            return line.append(System.lineSeparator()).toString();
        }
    }
}

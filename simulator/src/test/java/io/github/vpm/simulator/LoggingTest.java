package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LoggingTest {

    private final Logging.PlainFormat format = new Logging.PlainFormat();

    private String format(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return format.format(record);
    }

    @Test
    void ownInfoLinesAreJustTheMessageSoAnomalyLinesStartWithAnomaly() {
        assertThat(format(Level.INFO, Simulator.class.getName(), "Anomaly: vehicle HONDA 231 sensor honda23100"))
                .isEqualTo("Anomaly: vehicle HONDA 231 sensor honda23100" + System.lineSeparator());
    }

    @Test
    void warningsAndForeignLinesSayWhatAndWhere() {
        assertThat(format(Level.WARNING, Simulator.class.getName(), "3 readings were not delivered"))
                .isEqualTo("WARN 3 readings were not delivered" + System.lineSeparator());
        assertThat(format(Level.SEVERE, "org.apache.kafka.clients.producer.KafkaProducer", "boom"))
                .isEqualTo("ERROR KafkaProducer: boom" + System.lineSeparator());
    }

    @Test
    void exceptionsStayOnOneLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setLoggerName("org.apache.kafka.clients.NetworkClient");
        record.setThrown(new IllegalStateException("no"));
        assertThat(format.format(record)).isEqualTo(
                "ERROR NetworkClient: failed: java.lang.IllegalStateException: no" + System.lineSeparator());
    }
}

package io.github.vpm.admin;

import java.lang.reflect.Method;

/**
 * Silences the Kafka client's logging. The tool's stderr is read by Ansible and people: its actions,
 * warnings and at most one failure line. The client would add its reconnect warnings ("Connection to
 * node -1 could not be established") and, without a log4j configuration, log4j's own "No appenders"
 * warning; every failure reaches the tool as an exception and is reported in its one line anyway.
 *
 * <p>The logging library is the broker distribution's (reload4j in Kafka 3.9, Log4j 2 in 4.x), not the
 * jar's, so it is reached by reflection and whichever is absent is skipped.
 */
final class ClientLogging {

    private ClientLogging() {
    }

    /** Turns off every logger of the class path's log4j, before the first Kafka class logs. */
    static void silence() {
        try {
            // log4j 1.x API (reload4j): a repository threshold of OFF discards every event, whatever the
            // configuration (e.g. -Dlog4j.configuration=tools-log4j.properties) says.
            Class<?> level = Class.forName("org.apache.log4j.Level");
            Object repository = Class.forName("org.apache.log4j.LogManager").getMethod("getLoggerRepository").invoke(null);
            Method setThreshold = Class.forName("org.apache.log4j.spi.LoggerRepository").getMethod("setThreshold", level);
            setThreshold.invoke(repository, level.getField("OFF").get(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // not on the class path, or only a bridge without this: nothing to silence there
        }
        try {
            // Log4j 2: the root logger and every configured one below it.
            Class<?> level = Class.forName("org.apache.logging.log4j.Level");
            Class.forName("org.apache.logging.log4j.core.config.Configurator")
                    .getMethod("setAllLevels", String.class, level)
                    .invoke(null, "", level.getField("OFF").get(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // not on the class path
        }
    }
}

package io.github.vpm.testkit;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link KafkaCluster} started before a test class's tests and stopped after them:
 * {@code @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();}
 */
public final class KafkaClusterExtension extends KafkaCluster implements BeforeAllCallback, AfterAllCallback {

    private String startedByContext;

    public KafkaClusterExtension() {
        super();
    }

    /** @param brokerOverrides extra or replaced {@code server.properties} entries */
    public KafkaClusterExtension(Map<String, String> brokerOverrides) {
        super(brokerOverrides);
    }

    private KafkaClusterExtension(boolean secured) {
        super(Map.of(), secured);
    }

    /** A secured cluster for a test class, see {@link KafkaCluster#secured()}. */
    public static KafkaClusterExtension secured() {
        return new KafkaClusterExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (this) {
            if (!isStarted()) {
                startedByContext = context.getUniqueId();
            }
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Nested test classes see the same extension: only the class that started it stops it.
        if (context.getUniqueId().equals(startedByContext)) {
            close();
        }
    }
}

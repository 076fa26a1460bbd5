package io.github.vpm.bench;

import io.github.vpm.bench.systems.BrokerAccess;
import io.github.vpm.testkit.KafkaCluster;
import java.util.List;
import java.util.Map;

/**
 * The broker a run measures against ({@code --security}): testkit's plain {@link KafkaCluster}, or
 * its secured one ({@link KafkaCluster#secured}: one SASL_SSL listener with SCRAM-SHA-512 on
 * loopback, ZooKeeper with SASL, the ACL authorizer), which every client of the run then uses.
 */
enum Security {
    PLAINTEXT("plaintext", "PLAINTEXT listener"),
    SASL_SSL("sasl_ssl", "one SASL_SSL listener (TLS, SCRAM-SHA-512), ZooKeeper SASL, ACL authorizer;"
            + " every client as admin");

    /** As {@code --security} and the report spell it. */
    final String option;
    final String description;

    Security(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The value of {@code --security}: one of these, or {@code both} (plaintext, then sasl_ssl). */
    static List<Security> parse(String value) {
        return switch (value) {
            case "plaintext" -> List.of(PLAINTEXT);
            case "sasl_ssl" -> List.of(SASL_SSL);
            case "both" -> List.of(PLAINTEXT, SASL_SSL);
            default -> throw new IllegalArgumentException(
                    "--security: expected plaintext, sasl_ssl or both, got \"" + value + "\"");
        };
    }

    /** A started broker of this kind. */
    KafkaCluster startCluster(Map<String, String> brokerOverrides) {
        KafkaCluster kafka = this == SASL_SSL ? KafkaCluster.secured(brokerOverrides) : new KafkaCluster(brokerOverrides);
        return kafka.start();
    }

    BrokerAccess access(KafkaCluster kafka) {
        return BrokerAccess.of(kafka, this == SASL_SSL);
    }
}

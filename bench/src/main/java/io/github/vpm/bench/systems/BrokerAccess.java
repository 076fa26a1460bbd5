package io.github.vpm.bench.systems;

import io.github.vpm.testkit.ContractAcls;
import io.github.vpm.testkit.KafkaCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every client of a run reaches the broker: the bootstrap address and, on a secured broker,
 * testkit's SASL_SSL settings (SCRAM-SHA-512, trusting its CA) - for the clients the harness builds
 * as {@link #properties()}, for the job as the {@code --kafka-properties} file testkit writes.
 * On a secured broker every client is {@value ContractAcls#ADMIN}, the super user: the runs' topics,
 * groups and transactional ids are made up per run, so no contract ACL would cover them.
 */
public final class BrokerAccess {

    private final Properties properties;
    private final Path kafkaPropertiesFile;

    private BrokerAccess(Properties properties, Path kafkaPropertiesFile) {
        this.properties = properties;
        this.kafkaPropertiesFile = kafkaPropertiesFile;
    }

    /** The cluster's own client settings (admin's on a secured cluster). */
    public static BrokerAccess of(KafkaCluster kafka, boolean secured) {
        return new BrokerAccess(kafka.clientProperties(),
                secured ? kafka.kafkaPropertiesFile(ContractAcls.ADMIN) : null);
    }

    public String bootstrapServers() {
        return properties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A fresh copy of the client settings (bootstrap servers and security), to add a client's own to. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The job's options that point it at the broker: bootstrap servers and, if secured, its settings file. */
    public List<String> jobArgs() {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrapServers()));
        if (kafkaPropertiesFile != null) {
            args.addAll(List.of("--kafka-properties", kafkaPropertiesFile.toString()));
        }
        return args;
    }

    /** For the log: the address and the protocol the clients use. */
    public String describe() {
        return bootstrapServers() + " " + properties.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "PLAINTEXT");
    }
}

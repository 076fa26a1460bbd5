package io.github.vpm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The secrets and settings of a secured test cluster, as CONTRACT section 4 wants a deployed one:
 * ZooKeeper accepts only SASL-authenticated clients (digest; the broker is user {@value #ZOOKEEPER_USER})
 * and Kafka sets ACLs on its znodes; the broker has one SASL_SSL listener (SCRAM-SHA-512) for clients and
 * itself, no PLAINTEXT; the ZooKeeper-mode authorizer denies what no ACL allows, admin being the super
 * user. Every contract principal gets a random password.
 *
 * <p>TLS: a throw-away CA and a broker certificate for {@code 127.0.0.1} and {@code localhost} signed by
 * it ({@link LoopbackCertificates}); clients trust {@code ca.pem} (PEM truststore). Everything is
 * written under one directory of the run, which the test deletes with the run's files.
 */
public final class ClusterSecurity {

    /** The broker's identity towards ZooKeeper (SASL digest). */
    public static final String ZOOKEEPER_USER = "kafka";
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";

    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, String> passwords;
    private final String zookeeperPassword;
    private final LoopbackCertificates certificates;

    private ClusterSecurity(Path dir, Map<String, String> passwords, String zookeeperPassword,
                            LoopbackCertificates certificates) {
        this.dir = dir;
        this.passwords = Map.copyOf(passwords);
        this.zookeeperPassword = zookeeperPassword;
        this.certificates = certificates;
    }

    /** Makes the CA, the broker's keystore, the passwords and the JAAS files under {@code dir}. */
    static ClusterSecurity create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : ContractAcls.allPrincipals()) {
            passwords.put(principal, randomPassword());
        }
        ClusterSecurity security = new ClusterSecurity(dir, passwords, randomPassword(),
                LoopbackCertificates.create(dir, "broker", randomPassword()));
        security.writeJaasFiles();
        return security;
    }

    // ---------------------------------------------------------------- what tests use

    /** The CA certificate clients trust (PEM). */
    public Path caPem() {
        return certificates.caPem();
    }

    /** The broker's key store (PKCS12): its key, its certificate and the CA's. */
    public Path brokerKeystore() {
        return certificates.keystore();
    }

    /** The certificate in the broker's key store now (the one it serves, unless it was renewed since). */
    public X509Certificate brokerCertificate() {
        try (InputStream in = Files.newInputStream(certificates.certificateChainPem())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot read " + certificates.certificateChainPem(), e);
        }
    }

    /**
     * Gives the broker a new key and certificate from the same CA in its key store file, as a certificate
     * rotation does: the running broker serves the old one until it reloads the file or restarts.
     */
    public void renewBrokerCertificate() {
        certificates.renew();
    }

    /** A principal's SCRAM password. */
    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no principal " + principal + "; the contract's: " + passwords.keySet());
        }
        return password;
    }

    /** Kafka client settings for {@code principal}: SASL_SSL, SCRAM-SHA-512, trusting the test CA. */
    public Properties clientProperties(String principal) {
        return clientProperties(principal, password(principal));
    }

    /** The same with any password (a wrong one, for a refusal). */
    public Properties clientProperties(String principal, String password) {
        Properties p = new Properties();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", SASL_MECHANISM);
        p.put("sasl.jaas.config", scramJaas(principal, password));
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", caPem().toString());
        return p;
    }

    /** Writes {@link #clientProperties(String)} as a {@code --kafka-properties} file; returns its path. */
    public Path writeClientProperties(String principal) {
        Path file = dir.resolve(principal + ".properties");
        writeString(file, "# " + principal + "'s Kafka client settings for the secured test cluster\n"
                + clientProperties(principal).entrySet().stream()
                .map(e -> e.getKey() + "=" + escape(e.getValue().toString()))
                .sorted()
                .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    /**
     * JVM options of a ZooKeeper client that authenticates as the broker does (digest user
     * {@value #ZOOKEEPER_USER}): for tools that must see or change Kafka's znodes.
     */
    public List<String> zookeeperClientJvmOptions() {
        return List.of("-Djava.security.auth.login.config=" + dir.resolve("zookeeper-client-jaas.conf"));
    }

    // ---------------------------------------------------------------- what the processes use

    /** zoo.cfg entries: SASL authentication, and no session without it. */
    Map<String, String> zookeeperConfig() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("authProvider.sasl", "org.apache.zookeeper.server.auth.SASLAuthenticationProvider");
        // ZooKeeper 3.7+: a client that has not authenticated with SASL has its session closed at its
        // first request, so an anonymous client can neither read nor change any znode, the root included.
        cfg.put("enforce.auth.enabled", "true");
        cfg.put("enforce.auth.schemes", "sasl");
        return cfg;
    }

    List<String> zookeeperJvmOptions() {
        return List.of("-Djava.security.auth.login.config=" + dir.resolve("zookeeper-server-jaas.conf"));
    }

    /** server.properties entries of the one SASL_SSL listener, the authorizer and znode ACLs. */
    Map<String, String> brokerConfig(int port) {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("listeners", "SASL_SSL://127.0.0.1:" + port);
        cfg.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        cfg.put("security.inter.broker.protocol", "SASL_SSL");
        cfg.put("sasl.enabled.mechanisms", SASL_MECHANISM);
        cfg.put("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM);
        cfg.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                scramJaas(ContractAcls.ADMIN, password(ContractAcls.ADMIN)));
        cfg.put("ssl.keystore.type", "PKCS12");
        cfg.put("ssl.keystore.location", certificates.keystore().toString());
        cfg.put("ssl.keystore.password", certificates.password());
        cfg.put("ssl.key.password", certificates.password());
        cfg.put("ssl.truststore.type", "PEM");
        cfg.put("ssl.truststore.location", caPem().toString());
        cfg.put("authorizer.class.name", "kafka.security.authorizer.AclAuthorizer");
        cfg.put("allow.everyone.if.no.acl.found", "false");
        cfg.put("super.users", "User:" + ContractAcls.ADMIN);
        cfg.put("zookeeper.set.acl", "true");
        return cfg;
    }

    /** The broker authenticates to ZooKeeper with the JAAS file's Client section. */
    List<String> brokerJvmOptions() {
        return zookeeperClientJvmOptions();
    }

    /**
     * Arguments of Kafka's ConfigCommand that store admin's SCRAM credential in ZooKeeper: the broker
     * authenticates to itself as admin, so the credential must exist before it starts (Kafka's
     * documented bootstrap for SCRAM between brokers in ZooKeeper mode). The other users are added
     * through the admin client once the broker serves.
     */
    List<String> adminCredentialArguments(String zookeeperConnect) {
        return List.of("--zookeeper", zookeeperConnect, "--alter", "--entity-type", "users",
                "--entity-name", ContractAcls.ADMIN,
                "--add-config", SASL_MECHANISM + "=[password=" + password(ContractAcls.ADMIN) + "]");
    }

    // ---------------------------------------------------------------- files

    private void writeJaasFiles() {
        writeString(dir.resolve("zookeeper-server-jaas.conf"), "Server {\n"
                + "  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
                + "  user_" + ZOOKEEPER_USER + "=\"" + zookeeperPassword + "\";\n};\n");
        writeString(dir.resolve("zookeeper-client-jaas.conf"), "Client {\n"
                + "  org.apache.zookeeper.server.auth.DigestLoginModule required\n"
                + "  username=\"" + ZOOKEEPER_USER + "\" password=\"" + zookeeperPassword + "\";\n};\n");
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Only letters and digits: safe in JAAS strings, properties files and ConfigCommand's syntax. */
    private static String randomPassword() {
        StringBuilder s = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    /** A properties value: backslashes doubled (the only special character our values can hold). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

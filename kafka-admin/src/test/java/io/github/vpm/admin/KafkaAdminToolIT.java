package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.ChildProcess;
import io.github.vpm.testkit.ContractAcls;
import io.github.vpm.testkit.KafkaCluster;
import io.github.vpm.testkit.KafkaClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool against a real secured broker (SASL_SSL, SCRAM, an authorizer that denies what no ACL allows),
 * acting as the super user admin as the kafka role does. Each test has its own topics and principals (the
 * broker is shared), and checks the cluster through a separate Admin client, not through the tool.
 */
class KafkaAdminToolIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.secured();

    @TempDir
    static Path dir;
    private static Path adminProperties;
    private static Admin admin;

    /** What one run of the tool printed and returned. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    static void adminClient() {
        adminProperties = KAFKA.kafkaPropertiesFile(ContractAcls.ADMIN);
        admin = Admin.create(KAFKA.clientProperties());
    }

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
        }
    }

    // ---------------------------------------------------------------- topics and ACLs

    @Test
    void aFirstApplyCreatesTheTopicsAndAclsAndASecondChangesNothing() throws Exception {
        Path topics = file("first.topics", "# topics of this test\n"
                + "kat-first-in 6 1 cleanup.policy=delete\n"
                + "\n"
                + "kat-first-out 4 1 cleanup.policy=compact min.compaction.lag.ms=0\n");
        Path acls = file("first.acls", "# ACLs of this test\n"
                + "TOPIC LITERAL kat-first-in User:kat-first-job READ\n"
                + "TOPIC LITERAL kat-first-out User:kat-first-job WRITE\n"
                + "GROUP LITERAL kat-first-group User:kat-first-job READ\n"
                + "TRANSACTIONAL_ID PREFIXED kat-first- User:kat-first-job WRITE\n"
                + "CLUSTER LITERAL kafka-cluster User:kat-first-job IDEMPOTENT_WRITE\n"
                + "TOPIC LITERAL kat-first-out User:kat-first-portal READ\n");

        Result first = apply("--topics", topics.toString(), "--acls", acls.toString());

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("changed\n");
        assertThat(first.errLines()).containsExactly(
                "created topic kat-first-in: 6 partitions, replication 1, cleanup.policy=delete",
                "created topic kat-first-out: 4 partitions, replication 1, cleanup.policy=compact, min.compaction.lag.ms=0",
                "added ACL TOPIC LITERAL kat-first-in User:kat-first-job READ",
                "added ACL TOPIC LITERAL kat-first-out User:kat-first-job WRITE",
                "added ACL TOPIC LITERAL kat-first-out User:kat-first-portal READ",
                "added ACL GROUP LITERAL kat-first-group User:kat-first-job READ",
                "added ACL CLUSTER LITERAL kafka-cluster User:kat-first-job IDEMPOTENT_WRITE",
                "added ACL TRANSACTIONAL_ID PREFIXED kat-first- User:kat-first-job WRITE");
        assertThat(partitions("kat-first-in")).isEqualTo(6);
        assertThat(partitions("kat-first-out")).isEqualTo(4);
        assertThat(overrides("kat-first-in")).isEqualTo(Map.of("cleanup.policy", "delete"));
        assertThat(overrides("kat-first-out")).isEqualTo(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));
        assertThat(aclsOf("User:kat-first-job", "User:kat-first-portal")).containsExactlyInAnyOrder(
                allow(ResourceType.TOPIC, PatternType.LITERAL, "kat-first-in", "User:kat-first-job", AclOperation.READ),
                allow(ResourceType.TOPIC, PatternType.LITERAL, "kat-first-out", "User:kat-first-job", AclOperation.WRITE),
                allow(ResourceType.GROUP, PatternType.LITERAL, "kat-first-group", "User:kat-first-job", AclOperation.READ),
                allow(ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, "kat-first-", "User:kat-first-job", AclOperation.WRITE),
                allow(ResourceType.CLUSTER, PatternType.LITERAL, "kafka-cluster", "User:kat-first-job",
                        AclOperation.IDEMPOTENT_WRITE),
                allow(ResourceType.TOPIC, PatternType.LITERAL, "kat-first-out", "User:kat-first-portal", AclOperation.READ));

        Result second = apply("--topics", topics.toString(), "--acls", acls.toString());

        assertThat(second).isEqualTo(new Result(0, "ok\n", ""));
    }

    @Test
    void raisingPartitionsAndChangingAConfigIsAChangeTheClusterShows() throws Exception {
        assertThat(apply("--topics", file("raise-1.topics",
                "kat-raise 2 1 retention.ms=100000 max.message.bytes=200000\n").toString()).out()).isEqualTo("changed\n");

        Result raised = apply("--topics", file("raise-2.topics",
                "kat-raise 5 1 retention.ms=200000 segment.ms=3600000\n").toString());

        assertThat(raised.status()).as(raised.err()).isZero();
        assertThat(raised.out()).isEqualTo("changed\n");
        assertThat(raised.errLines()).containsExactly(
                "raised partitions of topic kat-raise from 2 to 5",
                "set config of topic kat-raise: retention.ms=200000 (was 100000), segment.ms=3600000 (was not set on the topic)");
        assertThat(partitions("kat-raise")).isEqualTo(5);
        // The override the second file does not name is left alone.
        assertThat(overrides("kat-raise")).isEqualTo(
                Map.of("retention.ms", "200000", "segment.ms", "3600000", "max.message.bytes", "200000"));
    }

    @Test
    void askingForFewerPartitionsFailsWithOneLineAndChangesNothing() throws Exception {
        KAFKA.createTopic("kat-shrink", 4, Map.of());
        Path topics = file("shrink.topics", "kat-shrink-new 1 1\nkat-shrink 2 1 retention.ms=1000\n");

        Result result = apply("--topics", topics.toString());

        assertThat(result).isEqualTo(new Result(1, "",
                "vpm-kafka-admin: kat-shrink has 4 partitions, more than the 2 asked for; Kafka cannot shrink a topic\n"));
        assertThat(partitions("kat-shrink")).isEqualTo(4);
        assertThat(overrides("kat-shrink")).isEmpty();
        assertThat(KAFKA.topicNames()).doesNotContain("kat-shrink-new");
    }

    @Test
    void aDifferentReplicationFactorIsOnlyWarnedAbout() throws Exception {
        KAFKA.createTopic("kat-replication", 1, Map.of());

        Result result = apply("--topics", file("replication.topics", "kat-replication 1 3\n").toString());

        assertThat(result).isEqualTo(new Result(0, "ok\n", "vpm-kafka-admin: warning: topic kat-replication has"
                + " replication factor 1, not 3 (not changed: that needs a partition reassignment)\n"));
    }

    @Test
    void removingALineOfTheAclsFileRemovesExactlyThatBinding() throws Exception {
        AclBinding otherPrincipals = allow(ResourceType.TOPIC, PatternType.LITERAL, "kat-acl", "User:kat-acl-other",
                AclOperation.READ);
        AclBinding deny = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "kat-acl", PatternType.LITERAL),
                new AccessControlEntry("User:kat-acl-job", "*", AclOperation.DELETE, AclPermissionType.DENY));
        admin.createAcls(List.of(otherPrincipals, deny)).all().get();
        String read = "TOPIC LITERAL kat-acl User:kat-acl-job READ\n";
        String describe = "TOPIC LITERAL kat-acl User:kat-acl-job DESCRIBE\n";
        String group = "GROUP PREFIXED kat-acl- User:kat-acl-job READ\n";
        String warning = "vpm-kafka-admin: warning: managed principals hold ACLs this tool does not manage (deny or"
                + " host-bound), left alone: TOPIC LITERAL kat-acl User:kat-acl-job DELETE host=* DENY";
        assertThat(apply("--acls", file("acl-1.acls", read + describe + group).toString()).errLines())
                .hasSize(4).endsWith(warning);

        Result removed = apply("--acls", file("acl-2.acls", read + group).toString());

        assertThat(removed.status()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("changed\n");
        assertThat(removed.errLines()).containsExactly("removed ACL TOPIC LITERAL kat-acl User:kat-acl-job DESCRIBE", warning);
        assertThat(aclsOf("User:kat-acl-job", "User:kat-acl-other")).containsExactlyInAnyOrder(
                allow(ResourceType.TOPIC, PatternType.LITERAL, "kat-acl", "User:kat-acl-job", AclOperation.READ),
                allow(ResourceType.GROUP, PatternType.PREFIXED, "kat-acl-", "User:kat-acl-job", AclOperation.READ),
                deny, otherPrincipals);
    }

    // ---------------------------------------------------------------- describe

    @Test
    void describeTopicsPrintsLinesOfTheTopicsFileAfterTheReconcileAndBeforeTheWord() throws IOException {
        Path topics = file("describe.topics", "kat-describe-b 3 1 retention.ms=86400000 cleanup.policy=compact\n"
                + "kat-describe-a 1 1\n");
        assertThat(apply("--topics", topics.toString()).out()).isEqualTo("changed\n");

        Result described = apply("--describe-topics", "kat-describe-b,kat-describe-a");
        Result both = apply("--topics", topics.toString(), "--describe-topics", "kat-describe-a");

        // Overrides sorted by key; no ok/changed word when nothing could change.
        assertThat(described).isEqualTo(new Result(0,
                "kat-describe-b 3 1 cleanup.policy=compact retention.ms=86400000\nkat-describe-a 1 1\n", ""));
        assertThat(both).isEqualTo(new Result(0, "kat-describe-a 1 1\nok\n", ""));
    }

    @Test
    void describingATopicThatDoesNotExistFails() {
        assertThat(apply("--describe-topics", "kat-describe-nope")).isEqualTo(new Result(1, "",
                "vpm-kafka-admin: cannot describe topic kat-describe-nope: it does not exist\n"));
    }

    // ---------------------------------------------------------------- failures

    @Test
    void anUnreachableBrokerIsOneLineAfterTheTimeout() throws IOException {
        int port = freePort();

        Result result = run("--bootstrap-server", "127.0.0.1:" + port, "--timeout", "3s", "--describe-topics", "kat-x");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("vpm-kafka-admin: no answer from the brokers at 127.0.0.1:" + port + " within 3s (")
                .contains("Timed out waiting");
    }

    @Test
    void anUnreachableBrokerIsTriedAgainWithAWarningPerRetry() throws IOException {
        int port = freePort();

        Result result = run("--bootstrap-server", "127.0.0.1:" + port, "--timeout", "2s", "--attempts", "2",
                "--describe-topics", "kat-x");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        String noAnswer = "no answer from the brokers at 127.0.0.1:" + port + " within 2s (";
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.errLines().get(0)).startsWith("vpm-kafka-admin: warning: " + noAnswer)
                .endsWith("; attempt 2 of 2 in 5s");
        assertThat(result.errLines().get(1)).startsWith("vpm-kafka-admin: " + noAnswer);
    }

    @Test
    void aPrincipalWithoutTheRightsIsRefusedInOneLine() throws IOException {
        Path acls = file("refused.acls", "TOPIC LITERAL kat-refused User:kat-refused READ\n");

        Result result = run("--bootstrap-server", KAFKA.bootstrapServers(),
                "--command-config", KAFKA.kafkaPropertiesFile("reader").toString(), "--timeout", "30s",
                "--acls", acls.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("vpm-kafka-admin: cannot list the ACLs: not authorized (");
        assertThat(aclsOf("User:kat-refused")).isEmpty();
    }

    // ---------------------------------------------------------------- the jar as the kafka role runs it

    /**
     * The shaded jar on the broker distribution's lib/ (Kafka 3.9 clients, reload4j with the tools' log4j
     * configuration, which logs the client's warnings to stderr): every Admin call the tool makes exists
     * there with the signature it was compiled against (4.x), and stderr holds nothing but the tool's lines.
     */
    @Test
    void theJarWorksOnTheBrokerDistributionsClassPathAndItsStderrIsOnlyTheToolsLines() throws Exception {
        Path topics = file("jar.topics", "kat-jar 2 1 retention.ms=3600000\n");
        Path acls = file("jar.acls", "TOPIC LITERAL kat-jar User:kat-jar READ\n");

        ChildProcess applied = jar("apply", "--bootstrap-server", KAFKA.bootstrapServers(),
                "--command-config", adminProperties.toString(), "--timeout", "60s",
                "--topics", topics.toString(), "--acls", acls.toString(), "--describe-topics", "kat-jar");

        assertThat(applied.awaitExit(Duration.ofSeconds(120))).as(applied.stderr()).isZero();
        assertThat(applied.stdout()).isEqualTo("kat-jar 2 1 retention.ms=3600000\nchanged\n");
        assertThat(applied.stderr()).isEqualTo("created topic kat-jar: 2 partitions, replication 1, retention.ms=3600000\n"
                + "added ACL TOPIC LITERAL kat-jar User:kat-jar READ\n");

        // The other calls: more partitions, a config set, an ACL added and one removed.
        ChildProcess changed = jar("change", "--bootstrap-server", KAFKA.bootstrapServers(),
                "--command-config", adminProperties.toString(), "--timeout", "60s",
                "--topics", file("jar-2.topics", "kat-jar 3 1 retention.ms=7200000\n").toString(),
                "--acls", file("jar-2.acls", "TOPIC LITERAL kat-jar User:kat-jar DESCRIBE\n").toString());

        assertThat(changed.awaitExit(Duration.ofSeconds(120))).as(changed.stderr()).isZero();
        assertThat(changed.stdout()).isEqualTo("changed\n");
        assertThat(changed.stderr()).isEqualTo("raised partitions of topic kat-jar from 2 to 3\n"
                + "set config of topic kat-jar: retention.ms=7200000 (was 3600000)\n"
                + "added ACL TOPIC LITERAL kat-jar User:kat-jar DESCRIBE\n"
                + "removed ACL TOPIC LITERAL kat-jar User:kat-jar READ\n");
        assertThat(aclsOf("User:kat-jar")).containsExactly(
                allow(ResourceType.TOPIC, PatternType.LITERAL, "kat-jar", "User:kat-jar", AclOperation.DESCRIBE));

        int port = freePort();
        ChildProcess unreachable = jar("unreachable", "--bootstrap-server", "127.0.0.1:" + port, "--timeout", "3s",
                "--topics", topics.toString());

        assertThat(unreachable.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(unreachable.stdout()).isEmpty();
        assertThat(unreachable.stderr().lines().toList()).singleElement().asString()
                .startsWith("vpm-kafka-admin: no answer from the brokers at 127.0.0.1:" + port + " within 3s (");
    }

    // ---------------------------------------------------------------- key store reload

    @Test
    void aReloadMakesTheBrokerServeItsRenewedCertificateWithoutARestartAndLeavesNoOverride() throws Exception {
        BigInteger before = servedSerial();
        assertThat(before).as("the broker serves its key store's certificate").isEqualTo(keystoreSerial());
        KAFKA.security().renewBrokerCertificate();
        BigInteger renewed = keystoreSerial();
        assertThat(renewed).isNotEqualTo(before);
        assertThat(servedSerial()).as("the running broker, before the reload").isEqualTo(before);
        Path keystore = KAFKA.security().brokerKeystore();

        Result reload = apply("--broker", "0", "--reload-keystore", "SASL_SSL=" + keystore);

        assertThat(reload).isEqualTo(new Result(0, "changed\n",
                "reloaded the SASL_SSL listener's key store of broker 0 from " + keystore + "\n"));
        assertThat(servedSerial()).isEqualTo(renewed);
        assertThat(brokerOverrides()).doesNotContainKey("listener.name.sasl_ssl.ssl.keystore.location");
        // A new client that trusts the CA gets in through the renewed certificate.
        assertThat(apply("--topics", file("reload.topics", "kat-reload 1 1\n").toString()).out()).isEqualTo("changed\n");
    }

    @Test
    void aKeyStoreTheBrokerCannotLoadIsRefusedAndTheOldCertificateStays() throws Exception {
        BigInteger before = servedSerial();
        Path missing = dir.resolve("missing.p12");

        Result refused = apply("--broker", "0", "--reload-keystore", "SASL_SSL=" + missing);

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.errLines()).singleElement().asString().startsWith("vpm-kafka-admin: cannot set "
                + "listener.name.sasl_ssl.ssl.keystore.location=" + missing + " on broker 0: InvalidRequestException: ");
        assertThat(servedSerial()).isEqualTo(before);
        assertThat(brokerOverrides()).doesNotContainKey("listener.name.sasl_ssl.ssl.keystore.location");
    }

    @Test
    void aListenerTheBrokerDoesNotHaveIsRefusedBeforeAnythingIsSet() throws Exception {
        BigInteger before = servedSerial();
        KAFKA.security().renewBrokerCertificate();
        try {
            Result refused = apply("--broker", "0", "--reload-keystore",
                    "NO_SUCH_LISTENER=" + KAFKA.security().brokerKeystore());

            assertThat(refused).isEqualTo(new Result(1, "", "vpm-kafka-admin: cannot reload the key store of listener"
                    + " NO_SUCH_LISTENER: broker 0 has no listener of that name (its listeners: SASL_SSL)\n"));
            assertThat(servedSerial()).as("nothing made the broker reload").isEqualTo(before);
            assertThat(brokerOverrides()).isEmpty();
        } finally {
            // The renewed certificate in, for the tests after this one.
            assertThat(apply("--broker", "0", "--reload-keystore", "sasl_ssl=" + KAFKA.security().brokerKeystore())
                    .status()).isZero();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The serial of the certificate the broker's listener presents in a TLS handshake. */
    private static BigInteger servedSerial() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream ca = Files.newInputStream(KAFKA.security().caPem())) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        String[] hostPort = KAFKA.bootstrapServers().split(":");
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    /** The serial of the broker's certificate in its key store file. */
    private static BigInteger keystoreSerial() {
        return KAFKA.security().brokerCertificate().getSerialNumber();
    }

    /** The broker's dynamic settings of its own (per-broker overrides). */
    private static Map<String, String> brokerOverrides() throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, "0");
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.entries().stream()
                .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, e -> String.valueOf(e.value()), (a, b) -> b, TreeMap::new));
    }

    /** Runs the tool in this JVM as admin against the test broker. */
    private static Result apply(String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", KAFKA.bootstrapServers(),
                "--command-config", adminProperties.toString(), "--timeout", "60s"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KafkaAdminTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code java -cp "vpm-kafka-admin.jar:<kafka>/lib/*"}, as kafka-run-class starts a tool. */
    private static ChildProcess jar(String name, String... args) {
        String jar = System.getProperty("vpm.kafka-admin.jar");
        String dist = System.getProperty(KafkaCluster.DIST_DIR_PROPERTY);
        assertThat(jar).as("system property vpm.kafka-admin.jar").isNotNull();
        assertThat(Path.of(jar)).isRegularFile();
        Path kafka = Path.of(dist, "kafka");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dlog4j.configuration=file:" + kafka.resolve("conf/tools-log4j.properties"),
                "-cp", jar + File.pathSeparator + kafka.resolve("lib") + "/*",
                KafkaAdminTool.class.getName()));
        command.addAll(List.of(args));
        Path logs = Path.of("target", "kafka-admin-it");
        return ChildProcess.builder("vpm-kafka-admin " + name, command)
                .output(logs.resolve(name + ".out"), logs.resolve(name + ".err"))
                .closeGrace(Duration.ZERO)
                .start();
    }

    private static Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int partitions(String topic) {
        return KAFKA.describeTopics(topic).get(topic).partitions().size();
    }

    private static Map<String, String> overrides(String topic) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.entries().stream()
                .filter(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value, (a, b) -> b, TreeMap::new));
    }

    private static List<AclBinding> aclsOf(String... principals) {
        Set<String> wanted = Set.of(principals);
        return KAFKA.acls().stream().filter(b -> wanted.contains(b.entry().principal())).toList();
    }

    private static AclBinding allow(ResourceType type, PatternType pattern, String name, String principal,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}

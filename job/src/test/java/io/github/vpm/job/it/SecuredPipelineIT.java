package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vpm.testkit.ChildProcess;
import io.github.vpm.testkit.ContractAcls;
import io.github.vpm.testkit.ContractTopics;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.KafkaRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a secured cluster (CONTRACT section 4): ZooKeeper with SASL, one SASL_SSL listener
 * with SCRAM-SHA-512, ACLs from {@code contract/acls.json}. The job (exactly-once, in a MiniCluster),
 * the simulator and the portal (their jars, as operators run them) each use their own principal through
 * {@code --kafka-properties}, and the result is exact; what no principal may do is refused.
 */
class SecuredPipelineIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.secured();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    private static final ContractTopics TOPICS = ContractTopics.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = OutputChecks.DEADLINE;
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(30);
    /** A log line of ZooKeeper's shell ({@code [2026-12-02 14:46:02,896] WARN ...}), not its answer. */
    private static final Pattern LOG_LINE = Pattern.compile("\\[\\d{4}-\\d{2}-\\d{2} ");
    private static final Pattern PORTAL_PORT = Pattern.compile("portal listening on http://[^:]+:(\\d+)/");
    private static final int READINGS = 400;
    private static final List<String> INVALID = List.of("not json", "{\"vehicleId\": \"SECURE 1\"}",
            "{\"timestamp\": \"2025-07-22 22:30:45.123Z\", \"pressure\": \"high\", \"sensorId\": \"s\","
                    + " \"vehicleId\": \"SECURE 1\"}");

    @BeforeAll
    static void topicsAndAcls() {
        KAFKA.createContractTopics(TOPICS);
        KAFKA.createContractAcls(TOPICS);
    }

    @Test
    void eachProgramRunsWithItsOwnPrincipalAndThePipelineStaysExact(@InjectMiniCluster MiniCluster miniCluster,
                                                                    @TempDir Path tmp) throws Exception {
        List<String> args = JobRun.args(KAFKA, TOPICS, "secured", tmp.resolve("checkpoints"));
        args = JobRun.withOption(args, "group-id", ContractAcls.name("job_group"));
        args = JobRun.withOption(args, "transactional-id-prefix", ContractAcls.name("job_transactional_id_prefix"));
        args = JobRun.withOption(args, "kafka-properties", KAFKA.kafkaPropertiesFile("job").toString());

        try (JobRun job = JobRun.start(miniCluster, args, 2, null);
             ChildProcess portal = portal(tmp)) {
            try (ChildProcess simulator = simulator(tmp)) {
                assertThat(simulator.awaitExit(DEADLINE)).as("simulator exit; output:\n%s", simulator.tail()).isZero();
            }
            // Invalid input, written with the simulator's principal: the one that may write the input.
            try (KafkaProducer<String, String> producer = producer("simulator")) {
                for (String value : INVALID) {
                    producer.send(new ProducerRecord<>(TOPICS.input(), "bad", value)).get(60, TimeUnit.SECONDS);
                }
            }

            Map<String, Double> expected = expectedMaxima(KAFKA.readCommitted(TOPICS.input(), READINGS + INVALID.size(),
                    DEADLINE));
            assertThat(expected).as("vehicles in the simulated readings").hasSize(5);

            List<KafkaRecord> maxima = KAFKA.readCommitted(TOPICS.output(), r -> lastPerVehicle(r).equals(expected),
                    OutputChecks.QUIET, DEADLINE);
            assertThat(lastPerVehicle(maxima)).as("each vehicle's last update is its maximum").isEqualTo(expected);
            assertStrictlyIncreasingPerVehicle(maxima);

            List<KafkaRecord> deadLetters = KAFKA.readCommitted(TOPICS.dlq(), INVALID.size(), DEADLINE);
            assertThat(deadLetters.stream().map(r -> tree(r).get("raw").asText()).toList())
                    .containsExactlyInAnyOrderElementsOf(INVALID);

            assertThat(portalMaxima(portal, expected)).as("the portal's maxima").isEqualTo(expected);
            assertThat(job.restarted()).as("the job ran without failing over").isFalse();
        }
    }

    @Test
    void theSimulatorMayWriteTheInputButNotReadTheMaxima() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer("simulator")) {
            consumer.assign(List.of(new TopicPartition(TOPICS.output(), 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(REFUSAL_TIMEOUT)).isInstanceOf(AuthorizationException.class);
        }
        assertRefusedToWrite("simulator", TOPICS.output());
    }

    @Test
    void thePortalMayReadTheMaximaButNotWrite() throws Exception {
        assertRefusedToWrite("portal", TOPICS.output());
        assertRefusedToWrite("portal", TOPICS.input());
        assertRefusedToRead("portal", TOPICS.input());
    }

    @Test
    void theReaderMayOnlyReadTheMaxima() throws Exception {
        assertRefusedToRead("reader", TOPICS.dlq());
        assertRefusedToRead("reader", TOPICS.input());
        assertRefusedToWrite("reader", TOPICS.input());
    }

    @Test
    void plaintextUnauthenticatedAndWrongPasswordClientsAreRefused() {
        // PLAINTEXT against the one SASL_SSL listener: the TLS handshake never happens, nothing is answered.
        assertThat(describeCluster(KAFKA.plaintextProperties())).as("a PLAINTEXT client").isNotNull();
        // TLS but no SASL.
        Properties tlsOnly = KAFKA.plaintextProperties();
        tlsOnly.put("security.protocol", "SSL");
        tlsOnly.put("ssl.truststore.type", "PEM");
        tlsOnly.put("ssl.truststore.location", KAFKA.security().caPem().toString());
        assertThat(describeCluster(tlsOnly)).as("a TLS client without SASL").isNotNull();
        // SASL_SSL with a wrong password, and a user that does not exist.
        Properties wrongPassword = KAFKA.plaintextProperties();
        wrongPassword.putAll(KAFKA.security().clientProperties("reader", "not-the-password"));
        assertThat(describeCluster(wrongPassword)).isInstanceOf(SaslAuthenticationException.class);
        Properties stranger = KAFKA.plaintextProperties();
        stranger.putAll(KAFKA.security().clientProperties("mallory", "whatever"));
        assertThat(describeCluster(stranger)).isInstanceOf(SaslAuthenticationException.class);
        // And the right password works, so the refusals above are about the credentials.
        assertThat(describeCluster(KAFKA.clientProperties("reader"))).isNull();
    }

    @Test
    void anAnonymousZookeeperClientCanNeitherCreateNorChangeAZnode() throws Exception {
        String rootBefore = zookeeperAsBroker("get-root-before", "get", "/");
        String brokerAclBefore = zookeeperAsBroker("acl-broker-before", "getAcl", "/brokers/ids/0");
        // Kafka (zookeeper.set.acl=true) gave its znodes ACLs for its SASL identity.
        assertThat(brokerAclBefore).contains("'sasl,'kafka");

        List<List<String>> attempts = List.of(
                List.of("create", "/vpm-anonymous", "x"),
                List.of("set", "/", "anonymous"),
                List.of("setAcl", "/", "world:anyone:cdrwa"),
                List.of("create", "/brokers/ids/99", "x"),
                List.of("set", "/brokers/ids/0", "x"),
                List.of("delete", "/controller"));
        for (int i = 0; i < attempts.size(); i++) {
            List<String> attempt = attempts.get(i);
            try (ChildProcess anonymous = KAFKA.zookeeperShell("anonymous-" + i + "-" + attempt.get(0), false,
                    attempt.toArray(String[]::new))) {
                // ZooKeeper closes the session of a client that has not authenticated at its first request.
                assertThat(anonymous.awaitExit(REFUSAL_TIMEOUT)).as("anonymous %s: exit status", attempt).isEqualTo(1);
                assertThat(anonymous.stdout()).as("anonymous %s", attempt)
                        .contains("Session closed because client failed to authenticate");
            }
        }

        assertThat(zookeeperAsBroker("ls-root", "ls", "/")).doesNotContain("vpm-anonymous");
        assertThat(zookeeperAsBroker("ls-ids", "ls", "/brokers/ids")).contains("[0]");
        assertThat(zookeeperAsBroker("get-root-after", "get", "/")).isEqualTo(rootBefore);
        assertThat(zookeeperAsBroker("acl-broker-after", "getAcl", "/brokers/ids/0")).isEqualTo(brokerAclBefore);
        assertThat(zookeeperAsBroker("get-controller", "get", "/controller")).contains("brokerid");
    }

    // ---------------------------------------------------------------- the programs

    private static ChildProcess simulator(Path tmp) {
        return ChildProcess.builder("simulator", javaJar("vpm.simulator.jar", "--bootstrap-servers",
                        KAFKA.bootstrapServers(), "--kafka-properties", KAFKA.kafkaPropertiesFile("simulator").toString(),
                        "--topic", TOPICS.input(), "--vehicles", "5", "--sensors-per-vehicle", "2", "--rate", "400",
                        "--count", String.valueOf(READINGS), "--seed", "12", "--start-time", "2025-07-22T22:30:00Z",
                        "--progress-interval", "0"))
                .log(tmp.resolve("simulator.log"))
                .withoutEnvironment("KAFKA_BOOTSTRAP_SERVERS", "SIMULATION_DURATION", "MESSAGES_PER_SECOND")
                .start();
    }

    private static ChildProcess portal(Path tmp) {
        return ChildProcess.builder("portal", javaJar("vpm.portal.jar", "--bootstrap-servers",
                        KAFKA.bootstrapServers(), "--kafka-properties", KAFKA.kafkaPropertiesFile("portal").toString(),
                        "--topic", TOPICS.output(), "--bind", "127.0.0.1", "--port", "0"))
                .log(tmp.resolve("portal.log"))
                .withoutEnvironment("KAFKA_BOOTSTRAP_SERVERS")
                .start();
    }

    private static List<String> javaJar(String jarProperty, String... args) {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property " + jarProperty + " must name the built jar, is " + jar);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    /** vehicleId -> pressureMax as the portal's API shows them, once they equal {@code expected} (or at the deadline). */
    private static Map<String, Double> portalMaxima(ChildProcess portal, Map<String, Double> expected)
            throws Exception {
        String line = portal.awaitLine(l -> PORTAL_PORT.matcher(l).find(), DEADLINE)
                .orElseThrow(() -> new AssertionError("the portal never said where it listens:\n" + portal.tail()));
        Matcher m = PORTAL_PORT.matcher(line);
        assertThat(m.find()).isTrue();
        URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/api/vehicles?limit=1000");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(DEADLINE);
        Map<String, Double> shown = Map.of();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Map<String, Double> now = new TreeMap<>();
                JSON.readTree(response.body()).get("vehicles")
                        .forEach(v -> now.put(v.get("vehicleId").asText(), v.get("pressureMax").asDouble()));
                shown = now;
                if (shown.equals(expected)) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        return shown;
    }

    // ---------------------------------------------------------------- expectations

    /** The maximum valid pressure per vehicle of what the topic holds (the invalid test records skipped). */
    private static Map<String, Double> expectedMaxima(List<KafkaRecord> input) {
        Map<String, Double> maxima = new TreeMap<>();
        for (KafkaRecord r : input) {
            if (INVALID.contains(r.value())) {
                continue;
            }
            JsonNode n = tree(r);
            maxima.merge(n.get("vehicleId").asText(), n.get("pressure").asDouble(), Math::max);
        }
        return maxima;
    }

    private static Map<String, Double> lastPerVehicle(List<KafkaRecord> maxima) {
        Map<String, Double> last = new TreeMap<>();
        for (KafkaRecord r : maxima) {
            JsonNode n = tree(r);
            last.put(n.get("vehicleId").asText(), n.get("pressureMax").asDouble());
        }
        return last;
    }

    private static void assertStrictlyIncreasingPerVehicle(List<KafkaRecord> maxima) {
        Map<String, Double> previous = new HashMap<>();
        for (KafkaRecord r : maxima) {
            JsonNode n = tree(r);
            String vehicle = n.get("vehicleId").asText();
            double pressure = n.get("pressureMax").asDouble();
            Double before = previous.put(vehicle, pressure);
            assertThat(before == null || pressure > before)
                    .as("%s: %s after %s (strictly increasing)", vehicle, pressure, before).isTrue();
            assertThat(r.key()).as("record key").isEqualTo(vehicle);
        }
    }

    private static JsonNode tree(KafkaRecord r) {
        try {
            return JSON.readTree(r.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.value(), e);
        }
    }

    // ---------------------------------------------------------------- clients of one principal

    private static KafkaProducer<String, String> producer(String principal) {
        Properties p = KAFKA.clientProperties(principal);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(REFUSAL_TIMEOUT.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(REFUSAL_TIMEOUT.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(REFUSAL_TIMEOUT.dividedBy(2).toMillis()));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal) {
        Properties p = KAFKA.clientProperties(principal);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static void assertRefusedToWrite(String principal, String topic) {
        try (KafkaProducer<String, String> producer = producer(principal)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "forged", "{\"forged\": true}"))
                    .get(REFUSAL_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS))
                    .as("%s writing to %s", principal, topic)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AuthorizationException.class);
        }
        List<KafkaRecord> written = KAFKA.readCommitted(topic, r -> true, Duration.ZERO, Duration.ofSeconds(5));
        assertThat(written).as("%s's record in %s", principal, topic).noneMatch(r -> "forged".equals(r.key()));
    }

    private static void assertRefusedToRead(String principal, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(principal)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(REFUSAL_TIMEOUT))
                    .as("%s reading %s", principal, topic)
                    .isInstanceOf(AuthorizationException.class);
        }
    }

    /** Null when the client got the cluster's nodes, else what it failed with (its cause when wrapped). */
    private static Throwable describeCluster(Properties properties) {
        Properties p = new Properties();
        p.putAll(properties);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(REFUSAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static String zookeeperAsBroker(String name, String... command) {
        try (ChildProcess shell = KAFKA.zookeeperShell(name, true, command)) {
            assertThat(shell.awaitExit(REFUSAL_TIMEOUT)).as("zookeeper shell %s:\n%s", name, shell.tail()).isZero();
            // Only the command's own output, without the client's log lines and connection events.
            return shell.stdoutLines().stream().filter(l -> !LOG_LINE.matcher(l).lookingAt() && !l.isBlank()
                    && !l.startsWith("Connecting to ") && !l.startsWith("WATCHER::") && !l.startsWith("WatchedEvent")
                    && !l.startsWith("SLF4J"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }
}

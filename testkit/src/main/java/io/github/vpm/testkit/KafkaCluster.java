package io.github.vpm.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A real ZooKeeper and a real single Kafka 3.9 broker, each in its own child JVM, on free loopback
 * ports with throw-away data directories, and the clients a test needs against them.
 *
 * <p>The broker runs from the distribution built by the {@code dist} module (found through the
 * system property {@value #DIST_DIR_PROPERTY}), never from the test classpath: the 3.9 broker and
 * the 4.x clients used by the tests and the Flink connector must not share one classpath.
 *
 * <p>In a JUnit 5 test class: {@link KafkaClusterExtension}. Elsewhere: {@link #start()} and
 * {@link #close()}. Child output goes to {@code target/kafka-cluster/<time>/}.
 *
 * <p>The parts: {@link KafkaProcesses} (the two JVMs), {@link TopicAdmin}, {@link RecordProducer}
 * and {@link CommittedReader} (the clients).
 */
public class KafkaCluster implements AutoCloseable {

    public static final String DIST_DIR_PROPERTY = KafkaProcesses.DIST_DIR_PROPERTY;

    private final KafkaProcesses processes;
    private final boolean secured;
    private TopicAdmin admin;
    private RecordProducer producer;

    public KafkaCluster() {
        this(Map.of());
    }

    /** @param brokerOverrides extra or replaced {@code server.properties} entries */
    public KafkaCluster(Map<String, String> brokerOverrides) {
        this(brokerOverrides, false);
    }

    /**
     * @param brokerOverrides extra or replaced {@code server.properties} entries
     * @param secured         secured as CONTRACT section 4 wants a deployment ({@link ClusterSecurity}); the
     *                        cluster's own clients then act as {@value ContractAcls#ADMIN}
     */
    protected KafkaCluster(Map<String, String> brokerOverrides, boolean secured) {
        this.processes = new KafkaProcesses(brokerOverrides, secured);
        this.secured = secured;
    }

    /**
     * A secured cluster: ZooKeeper with SASL (digest) and znode ACLs, one SASL_SSL listener with
     * SCRAM-SHA-512, an authorizer that denies what no ACL allows, and a SCRAM user with a random
     * password for every contract principal. No ACLs until {@link #createContractAcls}.
     */
    public static KafkaCluster secured() {
        return secured(Map.of());
    }

    /** {@link #secured()} with extra or replaced {@code server.properties} entries (applied last). */
    public static KafkaCluster secured(Map<String, String> brokerOverrides) {
        return new KafkaCluster(brokerOverrides, true);
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized KafkaCluster start() {
        if (!processes.isStarted()) {
            try {
                processes.start(this::brokerServes);
                if (secured) {
                    createContractUsers();
                }
            } catch (RuntimeException e) {
                closeClients();
                throw e;
            }
        }
        return this;
    }

    synchronized boolean isStarted() {
        return processes.isStarted();
    }

    /** Stops the broker cleanly (SIGTERM); its port and data stay for {@link #startBroker()}. */
    public synchronized void stopBroker() {
        processes.stopBroker();
    }

    /** Kills the broker (SIGKILL), as a crash would. */
    public synchronized void killBroker() {
        processes.killBroker();
    }

    /** Starts the broker (again) on the same port and data directory and waits until it serves. */
    public synchronized void startBroker() {
        processes.startBroker(this::brokerServes);
    }

    @Override
    public synchronized void close() {
        closeClients();
        processes.close();
    }

    // ---------------------------------------------------------------- access

    public synchronized String bootstrapServers() {
        return "127.0.0.1:" + processes.brokerPort();
    }

    public synchronized String zookeeperConnect() {
        return "127.0.0.1:" + processes.zookeeperPort();
    }

    /** Where the children's logs and configs are. */
    public synchronized Path runDir() {
        return processes.runDir();
    }

    /**
     * Client properties pointing at this cluster, to build further clients from; those of
     * {@value ContractAcls#ADMIN} (the super user) for a secured cluster.
     */
    public Properties clientProperties() {
        return secured ? clientProperties(ContractAcls.ADMIN) : plaintextProperties();
    }

    /** A secured cluster's client properties for one contract principal (job, simulator, portal, reader, admin). */
    public Properties clientProperties(String principal) {
        Properties p = plaintextProperties();
        p.putAll(security().clientProperties(principal));
        return p;
    }

    /** Only the bootstrap servers: what a client that ignores security would use. */
    public Properties plaintextProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    /** A secured cluster's passwords, certificates and settings. */
    public synchronized ClusterSecurity security() {
        return processes.security().orElseThrow(() -> new IllegalStateException("this cluster is not secured"));
    }

    /** Writes one principal's settings as a file for the programs' {@code --kafka-properties}. */
    public Path kafkaPropertiesFile(String principal) {
        return security().writeClientProperties(principal);
    }

    /**
     * Runs ZooKeeper's command-line client with one command (e.g. {@code create /x data}), anonymous
     * or, with {@code asBroker}, authenticated as the broker; the caller waits for it and reads its output.
     */
    public synchronized ChildProcess zookeeperShell(String name, boolean asBroker, String... command) {
        return processes.zookeeperShell(name, asBroker, List.of(command));
    }

    // ---------------------------------------------------------------- users and ACLs (secured)

    /** Creates the ACLs of {@code contract/acls.json} for these topics; returns them. */
    public List<AclBinding> createContractAcls(ContractTopics topics) {
        List<AclBinding> bindings = ContractAcls.bindings(topics);
        admin().createAcls(bindings);
        return bindings;
    }

    /** Every ACL the broker's authorizer holds. */
    public Set<AclBinding> acls() {
        return admin().acls();
    }

    /**
     * SCRAM users for every principal but admin (stored before the broker started), through the admin
     * client; waits until each one authenticates, as the broker learns of them from ZooKeeper.
     */
    private void createContractUsers() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : ContractAcls.principals()) {
            passwords.put(principal, security().password(principal));
        }
        admin().upsertScramUsers(passwords);
        for (String principal : passwords.keySet()) {
            awaitAuthenticates(principal);
        }
    }

    private void awaitAuthenticates(String principal) {
        Properties p = clientProperties(principal);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        Instant deadline = Instant.now().plus(Blocking.CLIENT_TIMEOUT);
        try (Admin client = Admin.create(p)) {
            while (true) {
                try {
                    client.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(principal + " cannot authenticate after "
                                + Blocking.CLIENT_TIMEOUT + ": " + e, e);
                    }
                    Blocking.pause(Blocking.POLL_INTERVAL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- topics and transactions

    /** Creates a topic (replication 1) and waits until every partition has a leader. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        admin().createTopic(name, partitions, configs);
    }

    /** Creates the three contract topics: input 6 (delete), maxima 4 (compact), dead letters 1 (delete). */
    public ContractTopics createContractTopics(ContractTopics topics) {
        return admin().createContractTopics(topics);
    }

    /** Contract topics named after the defaults plus {@code -suffix}. */
    public ContractTopics createContractTopics(String suffix) {
        return createContractTopics(ContractTopics.withSuffix(suffix));
    }

    /** The names of all topics, internal ones excluded. */
    public Set<String> topicNames() {
        return admin().topicNames();
    }

    public Map<String, TopicDescription> describeTopics(String... names) {
        return admin().describeTopics(names);
    }

    /**
     * The transactional ids starting with {@code prefix} that the broker keeps, open or finished
     * (the broker remembers each for {@code transactional.id.expiration.ms}, 7 days by default).
     */
    public Set<String> transactionalIds(String prefix) {
        return admin().transactionalIds(prefix);
    }

    // ---------------------------------------------------------------- produce

    /**
     * Sends the records (idempotent producer, acks=all) and waits for all of them.
     *
     * @return the metadata of each record, in the order given (partition and offset of each)
     */
    public List<RecordMetadata> produce(List<ProducerRecord<byte[], byte[]>> records) {
        return producer().send(records);
    }

    /** Sends one record with UTF-8 key and value; a null value is a tombstone. */
    public RecordMetadata produce(String topic, String key, String value) {
        return produce(List.of(record(topic, null, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                null))).get(0);
    }

    /** A producer record with a UTF-8 key; partition and timestamp may be null (chosen by the producer). */
    public static ProducerRecord<byte[], byte[]> record(String topic, Integer partition, String key, byte[] value,
                                                        Long timestamp) {
        return RecordProducer.record(topic, partition, key, value, timestamp);
    }

    // ---------------------------------------------------------------- read_committed

    /**
     * Reads the topic from the beginning as a {@code read_committed} consumer until {@code done}
     * holds for everything read so far, then goes on reading until nothing new arrived for
     * {@code quietAfter}. Never throws on {@code timeout}: it returns what it read by then, so the
     * caller's assertions show what is missing. Records keep their per-partition order.
     */
    public List<KafkaRecord> readCommitted(String topic, Predicate<List<KafkaRecord>> done, Duration quietAfter,
                                           Duration timeout) {
        return new CommittedReader(clientProperties()).read(topic, done, quietAfter, timeout);
    }

    /** Reads until {@code expectedCount} records were read (or the timeout passed). */
    public List<KafkaRecord> readCommitted(String topic, int expectedCount, Duration timeout) {
        return readCommitted(topic, r -> r.size() >= expectedCount, Duration.ZERO, timeout);
    }

    /** Reads until nothing new arrived for {@code quiet} (or the timeout passed). */
    public List<KafkaRecord> readCommittedUntilQuiet(String topic, Duration quiet, Duration timeout) {
        return readCommitted(topic, r -> true, quiet, timeout);
    }

    // ---------------------------------------------------------------- clients

    private boolean brokerServes() {
        return admin().brokerServes();
    }

    private synchronized TopicAdmin admin() {
        if (admin == null) {
            admin = new TopicAdmin(clientProperties());
        }
        return admin;
    }

    private synchronized RecordProducer producer() {
        if (producer == null) {
            producer = new RecordProducer(clientProperties());
        }
        return producer;
    }

    private void closeClients() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}

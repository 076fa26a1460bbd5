package io.github.vpm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real ZooKeeper and a real single Kafka 3.9 broker, each in its own child JVM, on free loopback
 * ports with throw-away data directories.
 *
 * <p>The broker runs from the distribution built by the {@code dist} module (found through the
 * system property {@value #DIST_DIR_PROPERTY}), never from the test classpath: the 3.9 broker and
 * the 4.x clients used by the tests and the Flink connector must not share one classpath.
 *
 * <p>As a JUnit 5 extension: {@code @RegisterExtension static final KafkaCluster KAFKA = new
 * KafkaCluster();} starts it before the class's tests and stops it after them. Outside JUnit:
 * {@link #start()} and {@link #close()}. Child output goes to {@code target/kafka-cluster/<time>/}.
 */
public final class KafkaCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final String DIST_DIR_PROPERTY = "vpm.dist.dir";

    // Generous: on a loaded two-core machine a broker has been seen to need 30 s.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int MAX_START_ATTEMPTS = 3;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Map<String, String> brokerOverrides;

    private Path distDir;
    private Path runDir;
    private Path dataDir;
    private int zookeeperPort;
    private int brokerPort;
    private ChildProcess zookeeper;
    private ChildProcess broker;
    private boolean brokerWasKilled;
    private Thread shutdownHook;
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;
    private String startedByContext;

    public KafkaCluster() {
        this(Map.of());
    }

    /** @param brokerOverrides extra or replaced {@code server.properties} entries */
    public KafkaCluster(Map<String, String> brokerOverrides) {
        this.brokerOverrides = Map.copyOf(brokerOverrides);
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized KafkaCluster start() {
        if (zookeeper != null) {
            return this;
        }
        distDir = findDistDir();
        try {
            runDir = newRunDir();
            dataDir = Files.createTempDirectory("vpm-kafka-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        zookeeperPort = freePort();
        brokerPort = freePort();
        shutdownHook = new Thread(this::killAll, "kafka-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startZookeeper();
            startBroker();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Stops the broker cleanly (SIGTERM); its port and data stay for {@link #startBroker()}. */
    public synchronized void stopBroker() {
        if (broker != null) {
            broker.stop(STOP_GRACE);
            broker = null;
            brokerWasKilled = false;
        }
    }

    /** Kills the broker (SIGKILL), as a crash would. */
    public synchronized void killBroker() {
        if (broker != null) {
            broker.kill();
            broker = null;
            brokerWasKilled = true;
        }
    }

    /** Starts the broker (again) on the same port and data directory and waits until it serves. */
    public synchronized void startBroker() {
        requireStarted();
        if (broker != null && broker.isAlive()) {
            return;
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        int exits = 0;
        while (true) {
            broker = ChildProcess.start("kafka", javaCommand("512m", kafkaSystemProperties(),
                    distDir.resolve("kafka/lib"), "kafka.Kafka", writeBrokerConfig().toString()),
                    runDir.resolve("kafka.log"));
            try {
                awaitBrokerReady(deadline);
                brokerWasKilled = false;
                return;
            } catch (BrokerExited e) {
                // After a kill, the old ZooKeeper session still holds the broker id until it expires:
                // the new broker refuses to register and exits. Try again until the deadline. On a
                // machine loaded far beyond its cores a starting broker's fresh session can expire
                // too (it exits, "Session expired"): a few more attempts then.
                exits++;
                if ((!brokerWasKilled && exits >= MAX_START_ATTEMPTS) || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(broker.describeFailure("did not start"));
                }
                if (!brokerWasKilled) {
                    deadline = Instant.now().plus(STARTUP_TIMEOUT); // a whole startup for the new attempt
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        if (broker != null) {
            broker.stop(STOP_GRACE);
            broker = null;
        }
        if (zookeeper != null) {
            zookeeper.stop(STOP_GRACE);
            zookeeper = null;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            shutdownHook = null;
        }
        if (dataDir != null) {
            deleteRecursively(dataDir);
            dataDir = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (this) {
            if (zookeeper == null) {
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

    // ---------------------------------------------------------------- access

    public synchronized String bootstrapServers() {
        requireStarted();
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized String zookeeperConnect() {
        requireStarted();
        return "127.0.0.1:" + zookeeperPort;
    }

    /** Where the children's logs and configs are. */
    public synchronized Path runDir() {
        requireStarted();
        return runDir;
    }

    /** Client properties pointing at this cluster, to build further clients from. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    // ---------------------------------------------------------------- topics

    /** Creates a topic (replication 1) and waits until every partition has a leader. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        Instant deadline = Instant.now().plus(CLIENT_TIMEOUT.multipliedBy(2));
        boolean retried = false;
        while (true) {
            try {
                admin().createTopics(List.of(topic)).all().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException && retried) {
                    break; // an earlier attempt that timed out on the client did create it
                }
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)
                        || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("create topic " + name + " failed: " + e.getCause(), e.getCause());
                }
                // A busy broker answered too late: ask again.
                retried = true;
            } catch (TimeoutException e) {
                throw new IllegalStateException("create topic " + name + " timed out after " + CLIENT_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("create topic " + name + " interrupted", e);
            }
        }
        awaitLeaders(name, partitions);
    }

    /** Creates the three contract topics: input 6 (delete), maxima 4 (compact), dead letters 1 (delete). */
    public ContractTopics createContractTopics(ContractTopics topics) {
        createTopic(topics.input(), ContractTopics.INPUT_PARTITIONS, Map.of("cleanup.policy", "delete"));
        createTopic(topics.output(), ContractTopics.OUTPUT_PARTITIONS, Map.of("cleanup.policy", "compact"));
        createTopic(topics.dlq(), ContractTopics.DLQ_PARTITIONS, Map.of("cleanup.policy", "delete"));
        return topics;
    }

    /** Contract topics named after the defaults plus {@code -suffix}. */
    public ContractTopics createContractTopics(String suffix) {
        return createContractTopics(ContractTopics.withSuffix(suffix));
    }

    /** The names of all topics, internal ones excluded. */
    public Set<String> topicNames() {
        return get(admin().listTopics().names(), "list topics");
    }

    public Map<String, TopicDescription> describeTopics(String... names) {
        return get(admin().describeTopics(List.of(names)).allTopicNames(), "describe topics");
    }

    // ---------------------------------------------------------------- transactions

    /**
     * The transactional ids starting with {@code prefix} that the broker keeps, open or finished
     * (the broker remembers each for {@code transactional.id.expiration.ms}, 7 days by default).
     */
    public Set<String> transactionalIds(String prefix) {
        return get(admin().listTransactions().all(), "list transactions").stream()
                .map(TransactionListing::transactionalId)
                .filter(id -> id.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitLeaders(String name, int partitions) {
        Instant deadline = Instant.now().plus(CLIENT_TIMEOUT);
        while (true) {
            try {
                TopicDescription d = admin().describeTopics(List.of(name)).allTopicNames()
                        .get(5, TimeUnit.SECONDS).get(name);
                if (d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // metadata not there yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + name + " has no leader for every partition after "
                        + CLIENT_TIMEOUT);
            }
            pause(POLL_INTERVAL);
        }
    }

    // ---------------------------------------------------------------- produce

    /**
     * Sends the records (idempotent producer, acks=all) and waits for all of them.
     *
     * @return the metadata of each record, in the order given (partition and offset of each)
     */
    public List<RecordMetadata> produce(List<ProducerRecord<byte[], byte[]>> records) {
        KafkaProducer<byte[], byte[]> p = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> r : records) {
            sent.add(p.send(r));
        }
        p.flush();
        List<RecordMetadata> result = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> f : sent) {
            result.add(get(f, "produce"));
        }
        return result;
    }

    /** Sends one record with UTF-8 key and value; a null value is a tombstone. */
    public RecordMetadata produce(String topic, String key, String value) {
        return produce(List.of(record(topic, null, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                null))).get(0);
    }

    /** A producer record with a UTF-8 key; partition and timestamp may be null (chosen by the producer). */
    public static ProducerRecord<byte[], byte[]> record(String topic, Integer partition, String key, byte[] value,
                                                        Long timestamp) {
        byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, partition, timestamp, k, value);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = clientProperties();
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    // ---------------------------------------------------------------- consume

    /**
     * Reads the topic from the beginning as a {@code read_committed} consumer until {@code done}
     * holds for everything read so far, then goes on reading until nothing new arrived for
     * {@code quietAfter}. Never throws on {@code timeout}: it returns what it read by then, so the
     * caller's assertions show what is missing. Records keep their per-partition order.
     */
    public List<KafkaRecord> readCommitted(String topic, Predicate<List<KafkaRecord>> done, Duration quietAfter,
                                           Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<KafkaRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = readCommittedConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, CLIENT_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no such topic: " + topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant satisfiedOrLastNew = null;
            while (Instant.now().isBefore(deadline)) {
                int before = records.size();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL_INTERVAL)) {
                    records.add(new KafkaRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(),
                            r.value()));
                }
                if (satisfiedOrLastNew == null) {
                    if (done.test(List.copyOf(records))) {
                        satisfiedOrLastNew = Instant.now();
                    }
                } else if (records.size() > before) {
                    satisfiedOrLastNew = Instant.now();
                }
                if (satisfiedOrLastNew != null
                        && !Instant.now().isBefore(satisfiedOrLastNew.plus(quietAfter))) {
                    break;
                }
            }
        }
        return records;
    }

    /** Reads until {@code expectedCount} records were read (or the timeout passed). */
    public List<KafkaRecord> readCommitted(String topic, int expectedCount, Duration timeout) {
        return readCommitted(topic, r -> r.size() >= expectedCount, Duration.ZERO, timeout);
    }

    /** Reads until nothing new arrived for {@code quiet} (or the timeout passed). */
    public List<KafkaRecord> readCommittedUntilQuiet(String topic, Duration quiet, Duration timeout) {
        return readCommitted(topic, r -> true, quiet, timeout);
    }

    private KafkaConsumer<byte[], byte[]> readCommittedConsumer() {
        Properties p = clientProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    // ---------------------------------------------------------------- ZooKeeper

    private void startZookeeper() {
        Path zkData = dataDir.resolve("zookeeper");
        Path config = runDir.resolve("zoo.cfg");
        Map<String, String> cfg = new LinkedHashMap<>();
        // A short tick keeps the session timeouts (2..20 ticks) short for broker kill/restart tests.
        cfg.put("tickTime", "500");
        cfg.put("dataDir", zkData.toString());
        cfg.put("clientPort", String.valueOf(zookeeperPort));
        cfg.put("clientPortAddress", "127.0.0.1");
        cfg.put("maxClientCnxns", "0");
        cfg.put("admin.enableServer", "false"); // its Jetty would take port 8080
        cfg.put("4lw.commands.whitelist", "srvr,ruok");
        cfg.put("initLimit", "10");
        cfg.put("syncLimit", "5");
        writeProperties(config, cfg);
        try {
            Files.createDirectories(zkData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Kafka's lib carries the same ZooKeeper 3.8.4 server with every library it needs: one
        // distribution to build and find instead of two.
        Path lib = distDir.resolve("kafka/lib");
        zookeeper = ChildProcess.start("zookeeper", javaCommand("256m", loggingSystemProperties(), lib,
                "org.apache.zookeeper.server.quorum.QuorumPeerMain", config.toString()), runDir.resolve("zookeeper.log"));
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (!zookeeperServes()) {
            if (!zookeeper.isAlive()) {
                throw new IllegalStateException(zookeeper.describeFailure("did not start"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(zookeeper.describeFailure("not serving after " + STARTUP_TIMEOUT));
            }
            pause(POLL_INTERVAL);
        }
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** ZooKeeper's {@code srvr} four-letter command answers with its mode once it serves. */
    private boolean zookeeperServes() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), zookeeperPort), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.contains("Mode:");
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- broker

    private Path writeBrokerConfig() {
        Path kafkaData = dataDir.resolve("kafka");
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("broker.id", "0");
        cfg.put("zookeeper.connect", "127.0.0.1:" + zookeeperPort);
        cfg.put("zookeeper.session.timeout.ms", "6000");
        cfg.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        cfg.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        cfg.put("log.dirs", kafkaData.toString());
        cfg.put("num.partitions", "1");
        cfg.put("auto.create.topics.enable", "false");
        cfg.put("offsets.topic.replication.factor", "1");
        cfg.put("offsets.topic.num.partitions", "10");
        cfg.put("transaction.state.log.replication.factor", "1");
        cfg.put("transaction.state.log.min.isr", "1");
        cfg.put("transaction.state.log.num.partitions", "10");
        // As deployed (ansible, dist): room for the job's default --transaction-timeout of 1 h.
        cfg.put("transaction.max.timeout.ms", "3600000");
        cfg.put("min.insync.replicas", "1");
        cfg.put("group.initial.rebalance.delay.ms", "0");
        // A single broker has nobody to hand leadership to: skip the controlled-shutdown rounds.
        cfg.put("controlled.shutdown.enable", "false");
        cfg.put("log.cleaner.backoff.ms", "1000");
        cfg.putAll(brokerOverrides);
        Path config = runDir.resolve("server.properties");
        writeProperties(config, cfg);
        return config;
    }

    private void awaitBrokerReady(Instant deadline) throws BrokerExited {
        while (true) {
            if (!broker.isAlive()) {
                throw new BrokerExited();
            }
            if (!portOpen(brokerPort)) {
                // Not listening yet: don't let the admin client log a warning per attempt.
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(broker.describeFailure("not listening after " + STARTUP_TIMEOUT));
                }
                pause(POLL_INTERVAL);
                continue;
            }
            try {
                DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000));
                if (!cluster.nodes().get(2, TimeUnit.SECONDS).isEmpty()
                        && cluster.controller().get(2, TimeUnit.SECONDS) != null
                        && !cluster.controller().get().isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // not serving yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(broker.describeFailure("not serving after " + STARTUP_TIMEOUT));
            }
            pause(POLL_INTERVAL);
        }
    }

    private static final class BrokerExited extends Exception {
        private static final long serialVersionUID = 1L;

        BrokerExited() {
            super(null, null, false, false);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties p = clientProperties();
            // Generous: a broker on a busy two-core machine can take many seconds to answer.
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
            p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
            admin = Admin.create(p);
        }
        return admin;
    }

    // ---------------------------------------------------------------- processes

    private List<String> javaCommand(String heap, List<String> systemProperties, Path lib, String mainClass,
                                     String... args) {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no " + lib + ": build the distributions first with "
                    + "`./mvnw -B package -pl dist` (system property " + DIST_DIR_PROPERTY + "=" + distDir + ")");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC"); // two cores shared with Flink and Maven: no parallel GC threads
        cmd.add("-Djava.awt.headless=true");
        cmd.addAll(systemProperties);
        cmd.add("-cp");
        cmd.add(lib + "/*"); // the java launcher expands the wildcard
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private List<String> kafkaSystemProperties() {
        List<String> props = new ArrayList<>(loggingSystemProperties());
        props.add("-Dkafka.logs.dir=" + runDir);
        return props;
    }

    /** Log4j 1 (reload4j in Kafka's lib) writes INFO to stdout, i.e. the log file; logback too, should a lib carry it. */
    private List<String> loggingSystemProperties() {
        Path log4j = runDir.resolve("log4j.properties");
        Path logback = runDir.resolve("logback.xml");
        if (!Files.exists(log4j)) {
            writeString(log4j, String.join("\n",
                    "log4j.rootLogger=INFO, stdout",
                    "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                    "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                    "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
                    "log4j.logger.kafka.request.logger=WARN",
                    "log4j.logger.state.change.logger=WARN",
                    "log4j.logger.org.apache.zookeeper=WARN",
                    ""));
            writeString(logback, String.join("\n",
                    "<configuration>",
                    "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                    "    <encoder><pattern>[%d] %level %msg \\(%logger\\)%n</pattern></encoder>",
                    "  </appender>",
                    "  <root level=\"INFO\"><appender-ref ref=\"STDOUT\"/></root>",
                    "</configuration>",
                    ""));
        }
        return List.of("-Dlog4j.configuration=" + log4j.toUri(), "-Dlogback.configurationFile=" + logback);
    }

    /** Shutdown hook: no orphaned broker or ZooKeeper when the test JVM exits early. */
    private void killAll() {
        ChildProcess b = broker;
        ChildProcess z = zookeeper;
        if (b != null) {
            b.kill();
        }
        if (z != null) {
            z.kill();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Path findDistDir() {
        String value = System.getProperty(DIST_DIR_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + DIST_DIR_PROPERTY + " is not set: it must name "
                    + "dist/target (failsafe sets it in the module pom); build the distributions with "
                    + "`./mvnw -B package -pl dist`");
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("kafka/lib"))) {
            throw new IllegalStateException(DIST_DIR_PROPERTY + "=" + dir + " has no kafka/lib: build the "
                    + "distributions with `./mvnw -B package -pl dist`");
        }
        return dir;
    }

    private static Path newRunDir() throws IOException {
        Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target",
                "kafka-cluster");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Files.createDirectories(target);
        return Files.createTempDirectory(target, stamp + "-");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireStarted() {
        if (zookeeper == null) {
            throw new IllegalStateException("KafkaCluster is not started");
        }
    }

    private static void writeProperties(Path file, Map<String, String> entries) {
        writeString(file, entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test for
        }
    }

    private static <T> T get(Future<T> future, String what) {
        try {
            return future.get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " timed out after " + CLIENT_TIMEOUT, e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

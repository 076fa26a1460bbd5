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
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lifecycle of a real ZooKeeper and a real single Kafka 3.9 broker, each in its own child JVM
 * run from the distribution dist/ builds, on free loopback ports with throw-away data directories.
 * Whether the broker serves is the caller's question ({@code brokerServes}): it takes a client.
 */
final class KafkaProcesses {

    static final String DIST_DIR_PROPERTY = "vpm.dist.dir";

    // Generous: on a loaded two-core machine a broker has been seen to need 30 s.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int MAX_START_ATTEMPTS = 3;

    private final Map<String, String> brokerOverrides;
    private final boolean secured;

    private ClusterSecurity security;
    private Path distDir;
    private Path runDir;
    private Path dataDir;
    private int zookeeperPort;
    private int brokerPort;
    private ChildProcess zookeeper;
    private ChildProcess broker;
    private boolean brokerWasKilled;
    private Thread shutdownHook;

    /**
     * @param brokerOverrides extra or replaced {@code server.properties} entries
     * @param secured         ZooKeeper with SASL, a SASL_SSL broker with ACLs ({@link ClusterSecurity})
     */
    KafkaProcesses(Map<String, String> brokerOverrides, boolean secured) {
        this.brokerOverrides = Map.copyOf(brokerOverrides);
        this.secured = secured;
    }

    /** The secured cluster's secrets; empty for a plaintext one. */
    Optional<ClusterSecurity> security() {
        requireStarted();
        return Optional.ofNullable(security);
    }

    boolean isStarted() {
        return zookeeper != null;
    }

    int zookeeperPort() {
        requireStarted();
        return zookeeperPort;
    }

    int brokerPort() {
        requireStarted();
        return brokerPort;
    }

    Path runDir() {
        requireStarted();
        return runDir;
    }

    /** Starts ZooKeeper, then the broker; on failure nothing is left running. */
    void start(BooleanSupplier brokerServes) {
        distDir = findDistDir();
        try {
            runDir = newRunDir();
            dataDir = Files.createTempDirectory("vpm-kafka-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        zookeeperPort = freePort();
        brokerPort = freePort();
        if (secured) {
            security = ClusterSecurity.create(runDir.resolve("security"));
        }
        shutdownHook = new Thread(this::killAll, "kafka-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startZookeeper();
            if (security != null) {
                storeAdminCredential();
            }
            startBroker(brokerServes);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops the broker cleanly (SIGTERM); its port and data stay for {@link #startBroker}. */
    void stopBroker() {
        if (broker != null) {
            broker.stop(STOP_GRACE);
            broker = null;
            brokerWasKilled = false;
        }
    }

    /** Kills the broker (SIGKILL), as a crash would. */
    void killBroker() {
        if (broker != null) {
            broker.kill();
            broker = null;
            brokerWasKilled = true;
        }
    }

    /** Starts the broker (again) on the same port and data directory and waits until it serves. */
    void startBroker(BooleanSupplier brokerServes) {
        requireStarted();
        if (broker != null && broker.isAlive()) {
            return;
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        int exits = 0;
        while (true) {
            broker = ChildProcess.builder("kafka", javaCommand("512m", kafkaSystemProperties(),
                    distDir.resolve("kafka/lib"), "kafka.Kafka", writeBrokerConfig().toString()))
                    .appendLog(runDir.resolve("kafka.log"))
                    .start();
            try {
                awaitBrokerReady(brokerServes, deadline);
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

    /** Stops the broker, then ZooKeeper, and deletes the data. */
    void close() {
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
        if (security != null) {
            cfg.putAll(security.zookeeperConfig());
        }
        writeProperties(config, cfg);
        try {
            Files.createDirectories(zkData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Kafka's lib carries the same ZooKeeper 3.8.4 server with every library it needs: one
        // distribution to build and find instead of two.
        Path lib = distDir.resolve("kafka/lib");
        List<String> jvmOptions = new ArrayList<>(loggingSystemProperties());
        if (security != null) {
            jvmOptions.addAll(security.zookeeperJvmOptions());
        }
        zookeeper = ChildProcess.builder("zookeeper", javaCommand("256m", jvmOptions, lib,
                        "org.apache.zookeeper.server.quorum.QuorumPeerMain", config.toString()))
                .appendLog(runDir.resolve("zookeeper.log"))
                .start();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (!zookeeperServes()) {
            if (!zookeeper.isAlive()) {
                throw new IllegalStateException(zookeeper.describeFailure("did not start"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(zookeeper.describeFailure("not serving after " + STARTUP_TIMEOUT));
            }
            Blocking.pause(Blocking.POLL_INTERVAL);
        }
    }

    /** Admin's SCRAM credential, stored in ZooKeeper before the broker (which authenticates as admin) starts. */
    private void storeAdminCredential() {
        List<String> jvmOptions = new ArrayList<>(loggingSystemProperties());
        jvmOptions.addAll(security.brokerJvmOptions());
        ChildProcess.builder("kafka-configs", javaCommand("256m", jvmOptions, distDir.resolve("kafka/lib"),
                        "kafka.admin.ConfigCommand",
                        security.adminCredentialArguments("127.0.0.1:" + zookeeperPort).toArray(String[]::new)))
                .appendLog(runDir.resolve("kafka-configs.log"))
                .run(STARTUP_TIMEOUT);
    }

    /**
     * Runs ZooKeeper's own command-line client ({@code ZooKeeperMain}) with one command, e.g.
     * {@code create /x data}; {@code asBroker} authenticates it as the broker does (secured cluster
     * only), else it is anonymous. Returns its exit status and output, whatever they are.
     */
    ChildProcess zookeeperShell(String name, boolean asBroker, List<String> command) {
        requireStarted();
        List<String> jvmOptions = new ArrayList<>(loggingSystemProperties());
        if (asBroker) {
            if (security == null) {
                throw new IllegalStateException("a plaintext cluster's ZooKeeper has no authentication");
            }
            jvmOptions.addAll(security.zookeeperClientJvmOptions());
        }
        List<String> args = new ArrayList<>(List.of("-server", "127.0.0.1:" + zookeeperPort));
        args.addAll(command);
        return ChildProcess.builder("zookeeper-shell " + name, javaCommand("128m", jvmOptions,
                        distDir.resolve("kafka/lib"), "org.apache.zookeeper.ZooKeeperMain", args.toArray(String[]::new)))
                .log(runDir.resolve("zookeeper-shell-" + name + ".log"))
                .start();
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
        if (security != null) {
            cfg.putAll(security.brokerConfig(brokerPort));
        }
        cfg.putAll(brokerOverrides);
        Path config = runDir.resolve("server.properties");
        writeProperties(config, cfg);
        return config;
    }

    private void awaitBrokerReady(BooleanSupplier brokerServes, Instant deadline) throws BrokerExited {
        while (true) {
            if (!broker.isAlive()) {
                throw new BrokerExited();
            }
            if (!portOpen(brokerPort)) {
                // Not listening yet: don't let a client log a warning per attempt.
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(broker.describeFailure("not listening after " + STARTUP_TIMEOUT));
                }
                Blocking.pause(Blocking.POLL_INTERVAL);
                continue;
            }
            if (brokerServes.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(broker.describeFailure("not serving after " + STARTUP_TIMEOUT));
            }
            Blocking.pause(Blocking.POLL_INTERVAL);
        }
    }

    private static final class BrokerExited extends Exception {
        private static final long serialVersionUID = 1L;

        BrokerExited() {
            super(null, null, false, false);
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

    // ---------------------------------------------------------------- JVMs

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
        if (security != null) {
            props.addAll(security.brokerJvmOptions());
        }
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

    // ---------------------------------------------------------------- files and ports

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
}

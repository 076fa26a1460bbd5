package io.github.vpm.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import io.github.vpm.monitoring.Scrape.Sample;
import io.github.vpm.testkit.ChildProcess;

/**
 * The exporter rules of monitoring/jmx-exporter on the real JVMs: ZooKeeper, Kafka, a Flink
 * JobManager and TaskManager from dist/target (with Flink's JMX reporter on), the max-pressure job
 * submitted with bin/flink, the simulator feeding it and the portal reading its output. Each JVM
 * runs the dist's jmx_prometheus_javaagent with its rule file on a free loopback port, as the
 * services do in the cluster; the test scrapes /metrics and checks names, labels and that no raw
 * MBean dump or high-cardinality label is left. Scrapes are kept under target/it/ for reading.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ExporterRulesIT {

    // Generous: the build machine has two busy cores.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration METRIC_TIMEOUT = Duration.ofSeconds(240);
    private static final String JOB_NAME = "vehicle-pressure-max";
    private static final Set<String> DROPPED_FLINK_LABELS =
            Set.of("host", "tm_id", "job_id", "task_id", "task_attempt_id", "task_attempt_num", "operator_id");

    private final Path dist = Paths.get(System.getProperty("vpm.dist.dir", "../dist/target")).toAbsolutePath();
    private final Path rules = Paths.get(System.getProperty("vpm.exporter.rules.dir", "jmx-exporter")).toAbsolutePath();
    private final Deque<ChildProcess> daemons = new ArrayDeque<>();
    private Path runDir;
    private Path scrapeDir;
    private int zookeeperAgent;
    private int kafkaAgent;
    private int jobManagerAgent;
    private int taskManagerAgent;
    private int simulatorAgent;
    private int portalAgent;
    private Path data;
    private ChildProcess taskManager;

    @BeforeAll
    void startEverything() throws IOException {
        Path itDir = Paths.get(System.getProperty("vpm.it.dir", "target/it")).toAbsolutePath();
        runDir = itDir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        scrapeDir = runDir.resolve("scrapes");
        Files.createDirectories(scrapeDir);
        data = Files.createTempDirectory("vpm-monitoring-it-");

        int zookeeperPort = freePort();
        int kafkaPort = freePort();
        zookeeperAgent = freePort();
        kafkaAgent = freePort();
        jobManagerAgent = freePort();
        taskManagerAgent = freePort();
        simulatorAgent = freePort();
        portalAgent = freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;

        // ZooKeeper and Kafka from dist/, launched by their own bin scripts with JAVA_AGENT_OPTS.
        Path zooCfg = write(runDir.resolve("zoo.cfg"), String.join("\n",
                "tickTime=2000",
                "dataDir=" + data.resolve("zookeeper"),
                "clientPort=" + zookeeperPort,
                "clientPortAddress=127.0.0.1",
                "admin.enableServer=false",
                "4lw.commands.whitelist=srvr,ruok"));
        start("zookeeper", List.of(dist.resolve("zookeeper/bin/zookeeper-server").toString(), zooCfg.toString()),
                Map.of("ZOOKEEPER_HEAP_OPTS", "-Xmx128m", "JAVA_AGENT_OPTS", agent("zookeeper", zookeeperAgent, "zookeeper.yml")));
        awaitPort("ZooKeeper", zookeeperPort);

        Path serverProperties = write(runDir.resolve("server.properties"), String.join("\n",
                "broker.id=0",
                "listeners=PLAINTEXT://" + bootstrap,
                "zookeeper.connect=127.0.0.1:" + zookeeperPort,
                "log.dirs=" + data.resolve("kafka"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                // The job's --transaction-timeout defaults to 1h; Kafka's own limit is 15 min.
                "transaction.max.timeout.ms=3600000",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false"));
        start("kafka", List.of(dist.resolve("kafka/bin/kafka-server").toString(), serverProperties.toString()),
                Map.of("KAFKA_HEAP_OPTS", "-Xmx512m", "JAVA_AGENT_OPTS", agent("kafka", kafkaAgent, "kafka.yml")));
        awaitPort("Kafka", kafkaPort);
        createTopic(bootstrap, "sensor_pressure_stream", 6);
        createTopic(bootstrap, "vehicle_pressure_max", 4);
        createTopic(bootstrap, "sensor_pressure_dlq", 1);

        // Flink from dist/: a conf dir of our own (free ports, the JMX reporter on), then the job.
        int restPort = freePort();
        Path conf = flinkConf(data, restPort, freePort());
        Map<String, String> flinkEnv = Map.of("FLINK_CONF_DIR", conf.toString());
        start("jobmanager", List.of(dist.resolve("flink/bin/jobmanager").toString()),
                withAgent(flinkEnv, agent("flink", jobManagerAgent, "flink-jobmanager.yml")));
        taskManager = start("taskmanager", List.of(dist.resolve("flink/bin/taskmanager").toString()),
                withAgent(flinkEnv, agent("flink", taskManagerAgent, "flink-taskmanager.yml")));
        awaitTaskManagerRegistered(restPort);
        process("flink-run", List.of(dist.resolve("flink/bin/flink").toString(), "run", "-d",
                        jar("vpm.job.jar", "../job/target/vpm-job.jar"),
                        "--bootstrap-servers", bootstrap,
                        "--checkpoint-interval", "2s",
                        "--checkpoint-dir", data.resolve("checkpoints").toUri().toString()),
                flinkEnv).run(START_TIMEOUT);

        // The simulator feeds the job; the portal reads its output. Both with their agent.
        start("simulator", List.of(java(), "-Xmx128m", agent("kafka", simulatorAgent, "simulator.yml"),
                "-jar", jar("vpm.simulator.jar", "../simulator/target/vpm-simulator.jar"),
                "--bootstrap-servers", bootstrap, "--vehicles", "5", "--rate", "20", "--duration", "0"), Map.of());
        start("portal", List.of(java(), "-Xmx128m", agent("kafka", portalAgent, "portal.yml"),
                "-jar", jar("vpm.portal.jar", "../portal/target/vpm-portal.jar"),
                "--bootstrap-servers", bootstrap, "--bind", "127.0.0.1", "--port", "0"), Map.of());
    }

    @AfterAll
    void stopEverything() {
        while (!daemons.isEmpty()) {
            daemons.pop().close();
        }
        if (data != null) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind is not a test failure
            }
        }
    }

    @Test
    void zookeeperExportsConventionalNamesOnly() {
        Scrape scrape = awaitScrape("zookeeper", zookeeperAgent,
                s -> !s.named("zookeeper_NumAliveConnections").isEmpty());

        assertThat(scrape.names()).contains("zookeeper_NumAliveConnections", "zookeeper_OutstandingRequests",
                "zookeeper_AvgRequestLatency", "zookeeper_NodeCount", "zookeeper_PacketsReceived_total",
                "jvm_memory_used_bytes");
        assertThat(scrape.sum("zookeeper_NumAliveConnections")).as("the broker's session").isGreaterThanOrEqualTo(1);
        assertNoRawDump(scrape, "org_apache_zookeeperservice", "zookeeper_Connections");
        // Per-session connection beans are dropped: no label carries a session id or client address.
        // (the other labels are the agent's own JVM metrics': area, pool, gc, state, ...)
        assertThat(scrape.labelNames()).isSubsetOf("area", "pool", "gc", "name", "state",
                "version", "vendor", "runtime", "replicaId", "memberType");
    }

    @Test
    void kafkaExportsConventionalNamesWithoutRequestHistogramBlowUp() {
        Scrape scrape = awaitScrape("kafka", kafkaAgent, s -> messagesIn(s) > 0);

        assertThat(scrape.names()).contains(
                "kafka_server_brokertopicmetrics_messagesin_total",
                "kafka_server_brokertopicmetrics_bytesin_total",
                "kafka_controller_kafkacontroller_activecontrollercount",
                "kafka_controller_kafkacontroller_offlinepartitionscount",
                "kafka_server_replicamanager_underreplicatedpartitions",
                "kafka_log_log_logendoffset",
                "kafka_network_requestmetrics_requests_total");
        assertThat(scrape.sum("kafka_controller_kafkacontroller_activecontrollercount")).isEqualTo(1.0);
        assertNoRawDump(scrape, "kafka_network_requestmetrics_localtimems", "kafka_cluster_partition_");
        assertThat(scrape.names()).filteredOn(n -> n.startsWith("kafka_network_requestmetrics_"))
                .containsOnly("kafka_network_requestmetrics_requests_total", "kafka_network_requestmetrics_errors_total",
                        "kafka_network_requestmetrics_totaltimems", "kafka_network_requestmetrics_totaltimems_count");
        // kafka.network is read bean by bean (includeObjectNames): the queues and idle ratios are still there.
        assertThat(scrape.names()).contains("kafka_network_requestchannel_requestqueuesize",
                "kafka_network_requestchannel_responsequeuesize", "kafka_network_processor_idle_percent",
                "kafka_network_socketserver_networkprocessoravgidle_percent",
                "kafka_network_acceptor_acceptorblockedpercent_count");
        assertThat(scrape.named("kafka_network_requestmetrics_totaltimems")).extracting(s -> s.labels().get("request"))
                .contains("Produce", "Fetch");
        // The upstream example rules export ~6000 series for one idle broker; these keep it small.
        assertThat(scrape.samples()).as("series of one broker").hasSizeLessThan(1000);

        // Every rule has cache: true: the agent matches an attribute against the patterns once, not on every
        // scrape, yet reads its value each time. A later scrape uses the cache and sees more messages in.
        double messagesIn = messagesIn(scrape);
        Scrape later = awaitScrape("kafka-later", kafkaAgent, s -> messagesIn(s) > messagesIn);
        assertThat(later.sum("jmx_scrape_cached_beans")).as("attributes whose rule is cached").isGreaterThan(0);
    }

    private static double messagesIn(Scrape scrape) {
        return scrape.named("kafka_server_brokertopicmetrics_messagesin_total").stream()
                .filter(m -> "sensor_pressure_stream".equals(m.labels().get("topic")))
                .mapToDouble(Scrape.Sample::value).sum();
    }

    @Test
    void jobManagerExportsJobStatusAndCheckpointsByJobName() {
        Scrape scrape = awaitScrape("flink-jobmanager", jobManagerAgent,
                s -> s.sum("flink_jobmanager_job_numberOfCompletedCheckpoints") > 0);

        assertThat(scrape.sum("flink_jobmanager_numRegisteredTaskManagers")).isEqualTo(1.0);
        assertThat(scrape.sum("flink_jobmanager_numRunningJobs")).isEqualTo(1.0);
        for (String metric : List.of("flink_jobmanager_job_runningTime", "flink_jobmanager_job_numRestarts",
                "flink_jobmanager_job_numberOfFailedCheckpoints", "flink_jobmanager_job_lastCheckpointCompletedTimestamp",
                "flink_jobmanager_job_lastCheckpointDuration")) {
            assertThat(scrape.named(metric)).as(metric).singleElement()
                    .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("job_name", JOB_NAME)));
        }
        assertNoRawDump(scrape, "org_apache_flink");
        assertThat(scrape.labelNames()).doesNotContainAnyElementsOf(DROPPED_FLINK_LABELS);
    }

    @Test
    void taskManagerExportsOperatorAndJobMetricsWithJobTaskOperatorLabels() {
        Scrape scrape = awaitScrape("flink-taskmanager", taskManagerAgent,
                s -> s.sum("flink_taskmanager_job_task_operator_readingsValid") > 0
                        && s.sum("flink_taskmanager_job_task_operator_maximaEmitted") > 0
                        // the source registers its lag gauge only after its first fetches
                        && !s.named("flink_taskmanager_job_task_operator_pendingRecords").isEmpty());

        List<Sample> recordsIn = scrape.named("flink_taskmanager_job_task_operator_numRecordsIn");
        assertThat(recordsIn).isNotEmpty().allSatisfy(s -> assertThat(s.labels().keySet())
                .containsExactlyInAnyOrder("job_name", "task_name", "operator_name", "subtask_index"));
        assertThat(recordsIn).extracting(s -> s.labels().get("operator_name"))
                .contains("route-invalid", "max-pressure");
        assertThat(recordsIn).allSatisfy(s -> assertThat(s.labels().get("job_name")).isEqualTo(JOB_NAME));

        // The job's own metrics, each on its operator.
        assertOnOperator(scrape, "flink_taskmanager_job_task_operator_readingsValid", "route-invalid");
        assertOnOperator(scrape, "flink_taskmanager_job_task_operator_readingsInvalid", "route-invalid");
        assertOnOperator(scrape, "flink_taskmanager_job_task_operator_maximaEmitted", "max-pressure");
        assertOnOperator(scrape, "flink_taskmanager_job_task_operator_vehiclesTracked", "max-pressure");

        // Kafka connector and task metrics the alerts and dashboards use.
        assertThat(scrape.names()).contains(
                "flink_taskmanager_job_task_operator_pendingRecords",
                "flink_taskmanager_job_task_operator_KafkaSourceReader_topic_partition_currentOffset",
                "flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_consumed_total",
                "flink_taskmanager_job_task_operator_KafkaProducer_record_send_total",
                "flink_taskmanager_job_task_operator_numRecordsOut",
                "flink_taskmanager_job_task_busyTimeMsPerSecond",
                "flink_taskmanager_job_task_backPressuredTimeMsPerSecond",
                "flink_taskmanager_Status_Flink_Memory_Managed_Used");
        assertThat(scrape.named("flink_taskmanager_job_task_operator_KafkaSourceReader_topic_partition_currentOffset"))
                .extracting(s -> s.labels().get("topic")).containsOnly("sensor_pressure_stream");

        assertNoRawDump(scrape, "org_apache_flink");
        assertThat(scrape.labelNames()).doesNotContainAnyElementsOf(DROPPED_FLINK_LABELS);
        // Meters (…PerSecond Count/Rate) and histograms are dropped; the counters stay.
        assertThat(scrape.names()).doesNotContain("flink_taskmanager_job_task_operator_numRecordsInPerSecond",
                "flink_taskmanager_job_task_mailboxLatencyMs");
    }

    @Test
    void simulatorAndPortalExportTheirKafkaClientMetrics() {
        Scrape simulator = awaitScrape("simulator", simulatorAgent,
                s -> s.sum("kafka_producer_record_send_total") > 0);
        assertThat(simulator.named("kafka_producer_record_send_total")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("client_id", "vpm-simulator")));
        assertThat(simulator.names()).contains("kafka_producer_record_error_total", "kafka_producer_topic_record_send_total");
        assertNoRawDump(simulator, "kafka_producer_producer_node_metrics");

        // The consumer's MBeans need not all show in the same scrape (CI once saw the fetch manager's
        // without consumer-metrics), so wait for a scrape that has both.
        // The portal's own feed bean: the vehicles it holds once it has read some maxima (VpmJobStateLost).
        Scrape portal = awaitScrape("portal", portalAgent, s -> !s.named("kafka_consumer_records_consumed_total").isEmpty()
                && !s.named("kafka_consumer_connection_count").isEmpty()
                && s.named("vpm_portal_vehicles").stream().anyMatch(v -> v.value() > 0));
        assertThat(portal.named("kafka_consumer_records_consumed_total")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("client_id", "vpm-portal")));
        assertThat(portal.names()).contains("kafka_consumer_records_lag_max", "kafka_consumer_connection_count");
        assertNoRawDump(portal, "kafka_consumer_consumer_node_metrics");
        assertThat(portal.named("vpm_portal_vehicles")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEmpty());
        assertThat(portal.names()).contains("vpm_portal_live", "vpm_portal_evicted_vehicles_total");
        assertNoRawDump(portal, "io_github_vpm_portal");
    }

    // ------------------------------------------------------------------ assertions

    private static void assertOnOperator(Scrape scrape, String metric, String operator) {
        assertThat(scrape.named(metric)).as(metric).isNotEmpty().allSatisfy(s -> {
            assertThat(s.labels()).containsEntry("operator_name", operator).containsEntry("job_name", JOB_NAME);
            assertThat(s.labels().keySet()).containsExactlyInAnyOrder("job_name", "task_name", "operator_name", "subtask_index");
        });
    }

    /** No MBean left to the agent's default naming, no duplicate series, no scrape error. */
    private static void assertNoRawDump(Scrape scrape, String... rawPrefixes) {
        assertThat(scrape.labelNames()).as("duplicate series disambiguated by the agent").doesNotContain("_objectname");
        for (String prefix : rawPrefixes) {
            assertThat(scrape.names()).as("raw names").noneMatch(n -> n.toLowerCase().startsWith(prefix.toLowerCase()));
        }
        assertThat(scrape.sum("jmx_scrape_error")).as("jmx_scrape_error").isZero();
    }

    private Scrape awaitScrape(String name, int port, Predicate<Scrape> ready) {
        Scrape[] last = new Scrape[1];
        Scrape scrape = Waits.until(name + " metrics", METRIC_TIMEOUT, () -> {
            Optional<Scrape> s = Scrape.fetch(port);
            s.ifPresent(x -> last[0] = x);
            return s.filter(ready);
        }, () -> (last[0] == null ? "no answer on port " + port : "last scrape: " + last[0].names()) + "\n" + tails());
        try {
            Files.writeString(scrapeDir.resolve(name + ".prom"), scrape.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scrape;
    }

    // ------------------------------------------------------------------ processes

    private ChildProcess start(String name, List<String> command, Map<String, String> env) {
        ChildProcess daemon = process(name, command, env).start();
        daemons.push(daemon);
        return daemon;
    }

    /** A dist/ launcher or a java -jar, its output in the run directory's {@code <name>.log}. */
    private ChildProcess.Builder process(String name, List<String> command, Map<String, String> env) {
        return ChildProcess.builder(name, command)
                .log(runDir.resolve(name + ".log"))
                // The exporter agent must reach only the JVM it is meant for (see dist/README.md).
                .withoutEnvironment("JAVA_AGENT_OPTS")
                .environment(env);
    }

    /** -javaagent option for the dist's agent, bound to loopback, with one of our rule files. */
    private String agent(String distName, int port, String ruleFile) {
        Path jar = dist.resolve(distName + "/agents/jmx_prometheus_javaagent.jar");
        Path config = rules.resolve(ruleFile);
        assertThat(jar).isRegularFile();
        assertThat(config).isRegularFile();
        return "-javaagent:" + jar + "=127.0.0.1:" + port + ":" + config;
    }

    private static Map<String, String> withAgent(Map<String, String> env, String agent) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JAVA_AGENT_OPTS", agent);
        return all;
    }

    private static String jar(String property, String fallback) {
        Path jar = Paths.get(System.getProperty(property, fallback)).toAbsolutePath();
        assertThat(jar).as(property + " (build it first)").isRegularFile();
        return jar.toString();
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void createTopic(String bootstrap, String topic, int partitions) {
        process("create-" + topic, List.of(dist.resolve("kafka/bin/kafka-topics").toString(),
                "--bootstrap-server", bootstrap, "--create", "--if-not-exists", "--topic", topic,
                "--partitions", String.valueOf(partitions), "--replication-factor", "1"), Map.of()).run(START_TIMEOUT);
    }

    private Path flinkConf(Path data, int restPort, int rpcPort) throws IOException {
        Path conf = runDir.resolve("flink-conf");
        Files.createDirectories(conf);
        for (String file : List.of("log4j-console.properties", "log4j-cli.properties")) {
            Files.copy(dist.resolve("flink/conf/" + file), conf.resolve(file));
        }
        write(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager:",
                "  bind-host: 127.0.0.1",
                "  rpc: {address: 127.0.0.1, port: " + rpcPort + "}",
                "  memory: {process: {size: 1024m}}",
                "taskmanager:",
                "  bind-host: 127.0.0.1",
                "  host: 127.0.0.1",
                "  numberOfTaskSlots: 2",
                "  memory: {process: {size: 1280m}}",
                "parallelism: {default: 2}",
                "state: {backend: {type: rocksdb}}",
                "execution: {checkpointing: {dir: " + data.resolve("checkpoints").toUri() + "}}",
                "io: {tmp: {dirs: " + data.resolve("flink-tmp") + "}}",
                "rest: {address: 127.0.0.1, bind-address: 127.0.0.1, port: " + restPort + "}",
                // A loaded machine can take longer than the 10 s default to start an RPC system.
                "pekko: {startup-timeout: 120s, ask.timeout: 60s}",
                "metrics:",
                "  reporter:",
                "    jmx:",
                "      factory.class: org.apache.flink.metrics.jmx.JMXReporterFactory"));
        return conf;
    }

    private void awaitTaskManagerRegistered(int restPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Pattern registered = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");
        Waits.until("a TaskManager registered with the JobManager", START_TIMEOUT, () -> {
            if (!taskManager.isAlive()) {
                throw new AssertionError("the TaskManager exited\n" + taskManager.tail());
            }
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/overview"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = registered.matcher(body);
                return m.find() && Integer.parseInt(m.group(1)) >= 1 ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }, this::tails);
    }

    private void awaitPort(String what, int port) {
        Waits.until(what + " on port " + port, START_TIMEOUT, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return Optional.of(true);
            } catch (IOException e) {
                return Optional.empty();
            }
        }, this::tails);
    }

    private String tails() {
        StringBuilder sb = new StringBuilder();
        daemons.forEach(d -> sb.append(d.isAlive() ? "" : "[" + d.name() + " exited] ").append(d.tail()).append('\n'));
        return sb.toString();
    }

    private static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package io.github.vpm.bench;

import io.github.vpm.testkit.KafkaCluster;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench/run --portal}: the portal at a fleet size. One real broker (testkit), a compacted
 * maxima topic holding one maximum per vehicle (what compaction converges to), then per run the
 * real portal jar started against it as operators start it ({@code java -Xmx.. -jar vpm-portal.jar}),
 * and measured from outside over loopback:
 *
 * <ul>
 *   <li>{@code first_page_ms}: from starting the JVM until {@code /api/vehicles} (the page's first
 *       request) answers with every vehicle counted, i.e. the page is usable with the whole fleet;</li>
 *   <li>{@code heap_mb}: used heap after a full GC once loaded ({@code jcmd GC.run}, {@code GC.heap_info});</li>
 *   <li>{@code vehicle_*}: {@code GET /api/vehicles/{id}} of random vehicles (with history);</li>
 *   <li>{@code filtered_*}: {@code GET /api/vehicles?filter=..&limit=50}, a filter as a user types it
 *       that narrows the fleet to a handful of vehicles (a scan of every vehicle);</li>
 * </ul>
 * plus, on an extra line, the first page in pressure order and a page deep in id order.
 * Sequential requests on one keep-alive connection; the first {@code --warmup} of each kind discarded.
 * The last line: {@code portal: vehicles=N heap_mb=H first_page_ms=F vehicle_p50_ms=.. vehicle_p99_ms=..
 * filtered_p50_ms=.. filtered_p99_ms=..} (medians over the runs).
 */
final class PortalBench {

    static final String TOPIC = "vehicle_pressure_max";
    static final int PARTITIONS = 4;
    static final String[] MAKES = {"HONDA", "TOYOTA", "BMW", "AUDI", "FORD", "VOLVO", "KIA", "SKODA", "FIAT", "MAN"};
    private static final Pattern LISTENING = Pattern.compile("portal listening on http://[^:]+:(\\d+)/");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final DateTimeFormatter SEED_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    record Options(int vehicles, int runs, int requests, int warmup, String heap, Path jar, Path out, long seed) {

        static String usage() {
            return String.join("\n",
                    "usage: bench/run --portal [--vehicles N] [--runs K] [--requests R] [--warmup W]",
                    "                          [--portal-heap SIZE] [--portal-jar FILE] [--out DIR] [--seed S]",
                    "  defaults: 1000000 vehicles, 3 runs, 500 requests of each kind after 100 warm-up ones,",
                    "            portal heap -Xmx2g, jar portal/target/vpm-portal.jar, out bench/target/portal",
                    "  extra JVM flags for the portal (e.g. a JFR recording): BENCH_PORTAL_JAVA_OPTS",
                    "");
        }

        static Options parse(String... args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--portal")) {
                    continue;
                }
                if (a.equals("--help") || a.equals("-h")) {
                    throw new BenchOptions.UsageRequested();
                }
                if (!a.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown or incomplete option: " + a);
                }
                given.put(a.substring(2), args[++i]);
            }
            Options o = new Options(
                    (int) number(given, "vehicles", 1_000_000, 1, 100_000_000),
                    (int) number(given, "runs", 3, 1, 1000),
                    (int) number(given, "requests", 500, 1, 10_000_000),
                    (int) number(given, "warmup", 100, 0, 10_000_000),
                    heap(Objects.requireNonNullElse(given.remove("portal-heap"), "2g")),
                    Path.of(Objects.requireNonNullElse(given.remove("portal-jar"), "portal/target/vpm-portal.jar")),
                    Path.of(Objects.requireNonNullElse(given.remove("out"), "bench/target/portal")),
                    number(given, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option for --portal: --" + given.keySet().iterator().next());
            }
            return o;
        }

        private static String heap(String s) {
            if (!s.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("--portal-heap: expected a JVM size such as 512m or 2g, got \"" + s + "\"");
            }
            return s;
        }

        private static long number(Map<String, String> given, String name, long dflt, long min, long max) {
            String s = given.remove(name);
            if (s == null) {
                return dflt;
            }
            try {
                long value = Long.parseLong(s.replace("_", ""));
                if (value < min || value > max) {
                    throw new IllegalArgumentException("--" + name + ": expected " + min + ".." + max + ", got " + s);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": expected an integer, got \"" + s + "\"");
            }
        }
    }

    /** One run's figures. */
    record Run(int vehicles, double heapMb, long firstRowsMs, long firstPageMs, long liveMs, Percentiles vehicle,
               Percentiles filtered, Percentiles pressureSorted, Percentiles deepPage) {
    }

    record Percentiles(double p50, double p99, double max) {

        static Percentiles of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Percentiles(rank(sorted, 50) / 1e6, rank(sorted, 99) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        }

        private static long rank(List<Long> sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    private final Options options;
    private final KafkaCluster kafka;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PortalBench(Options options, KafkaCluster kafka) {
        this.options = options;
        this.kafka = kafka;
    }

    static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (BenchOptions.UsageRequested e) {
            System.out.print(Options.usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + " (bench/run --portal --help lists the options)");
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("bench: " + options.jar() + " missing: ./mvnw -B -q package -pl portal -am -DskipTests");
            System.exit(2);
            return;
        }
        Files.createDirectories(options.out());
        try (KafkaCluster kafka = new KafkaCluster(Map.of("log.retention.ms", "-1")).start()) {
            new PortalBench(options, kafka).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        BenchHarness.log("machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
                + System.getProperty("java.version") + ", load " + BenchHarness.loadAverage());
        BenchHarness.log("broker " + kafka.bootstrapServers() + ", logs in " + kafka.runDir());
        prefill();
        List<Run> runs = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (int round = 1; round <= options.runs(); round++) {
            Run r = measure(round);
            runs.add(r);
            String line = String.format(Locale.ROOT, "run %d: %s%n       %s", round, line(List.of(r)), extra(List.of(r)));
            BenchHarness.log(line);
            report.append(line).append('\n');
        }
        String summary = "median of " + runs.size() + " run(s), spread min..max:\n" + spread(runs)
                + extra(runs) + "\n" + line(runs);
        report.append(summary).append('\n');
        Files.writeString(options.out().resolve("portal.txt"), report.toString());
        System.out.println(summary);
    }

    // ------------------------------------------------------------------ data

    static String vehicleId(int n) {
        return MAKES[n % MAKES.length] + " " + n;
    }

    private void prefill() {
        kafka.createTopic(TOPIC, PARTITIONS, Map.of("cleanup.policy", "compact"));
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Random random = new Random(options.seed());
        long now = System.currentTimeMillis();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < options.vehicles(); n++) {
                String id = vehicleId(n);
                // Every tenth maximum with a fraction, as the sensors of the replaced system send them.
                int pascals = 600_000 + random.nextInt(400_000);
                String pressure = n % 10 == 3 ? pascals + ".25" : Integer.toString(pascals);
                long at = now - random.nextInt(86_400_000);
                String sensor = id.toLowerCase(Locale.ROOT).replace(" ", "") + random.nextInt(4);
                String json = "{\"timestamp\": \"" + SEED_FORMAT.format(Instant.ofEpochMilli(at)) + "\", \"pressureMax\": "
                        + pressure + ", \"temperature\": " + (15 + random.nextInt(20)) + "." + random.nextInt(10)
                        + ", \"sensorId\": \"" + sensor + "\", \"vehicleId\": \"" + id + "\"}";
                producer.send(new ProducerRecord<>(TOPIC, null, at, id.getBytes(StandardCharsets.UTF_8),
                        json.getBytes(StandardCharsets.UTF_8)), (m, e) -> {
                            if (e != null) {
                                throw new IllegalStateException("pre-fill failed", e);
                            }
                        });
            }
            producer.flush();
        }
        BenchHarness.log(String.format(Locale.ROOT, "pre-filled %s with %d vehicles' maxima in %.1f s", TOPIC,
                options.vehicles(), (System.nanoTime() - start) / 1e9));
    }

    // ------------------------------------------------------------------ one run

    private Run measure(int round) throws Exception {
        Path log = options.out().resolve("portal-run" + round + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx" + options.heap()));
        // Extra JVM flags for the portal, e.g. a JFR recording: BENCH_PORTAL_JAVA_OPTS="-XX:StartFlightRecording=..."
        String extra = System.getenv("BENCH_PORTAL_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", options.jar().toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--topic", TOPIC, "--bind", "127.0.0.1", "--port", "0"));
        long started = System.nanoTime();
        Process portal = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitPort(portal, log);
            String base = "http://127.0.0.1:" + port;
            // The page's first request: the first page in id order (limit 50, as the page asks).
            long firstRows = -1;
            long firstPage = -1;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (firstPage < 0) {
                if (System.nanoTime() > deadline || !portal.isAlive()) {
                    throw new IllegalStateException("the portal did not load " + options.vehicles()
                            + " vehicles (see " + log + ")");
                }
                String body = get(base + "/api/vehicles?limit=50");
                long count = count(body);
                long at = System.nanoTime() - started;
                if (count > 0 && firstRows < 0) {
                    firstRows = at;
                }
                if (count >= options.vehicles()) {
                    firstPage = at;
                } else {
                    Thread.sleep(20);
                }
            }
            long live = -1;
            while (live < 0 && System.nanoTime() < deadline) {
                if (get(base + "/api/status").contains("\"LIVE\"")) {
                    live = System.nanoTime() - started;
                } else {
                    Thread.sleep(20);
                }
            }
            double heapMb = heapAfterFullGc(portal.pid());

            Random random = new Random(options.seed() + round);
            int n = options.vehicles();
            Percentiles vehicle = latencies(i -> base + "/api/vehicles/"
                    + URLEncoder.encode(vehicleId(random.nextInt(n)), StandardCharsets.UTF_8).replace("+", "%20"));
            Percentiles filtered = latencies(i -> base + "/api/vehicles?limit=50&filter="
                    + URLEncoder.encode(filterFor(random.nextInt(n)), StandardCharsets.UTF_8));
            Percentiles pressure = latencies(i -> base + "/api/vehicles?limit=50&sort=pressure&order=desc");
            Percentiles deep = latencies(i -> base + "/api/vehicles?limit=50&offset=" + (n / 2 + random.nextInt(n / 2 + 1)));
            return new Run(n, heapMb, firstRows / 1_000_000, firstPage / 1_000_000, live / 1_000_000, vehicle, filtered,
                    pressure, deep);
        } finally {
            portal.destroy(); // SIGTERM: the portal stops cleanly
            if (!portal.waitFor(30, TimeUnit.SECONDS)) {
                portal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** What a user types to find one vehicle: its make and number, lower case; may match a few more ("honda 12" also finds "HONDA 120"). */
    static String filterFor(int n) {
        return vehicleId(n).toLowerCase(Locale.ROOT);
    }

    private Percentiles latencies(IntFunction<String> url) throws Exception {
        List<Long> samples = new ArrayList<>(options.requests());
        for (int i = 0; i < options.warmup() + options.requests(); i++) {
            String u = url.apply(i);
            long t = System.nanoTime();
            get(u);
            long took = System.nanoTime() - t;
            if (i >= options.warmup()) {
                samples.add(took);
            }
        }
        return Percentiles.of(samples);
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long count(String body) {
        Matcher m = COUNT.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int awaitPort(Process portal, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = LISTENING.matcher(Files.readString(log));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!portal.isAlive()) {
                throw new IllegalStateException("the portal exited with " + portal.exitValue() + " (see " + log + ")");
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the portal did not listen within 60 s (see " + log + ")");
    }

    /** Used heap in MB after a full GC, as {@code jcmd} reports it. */
    static double heapAfterFullGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no used heap in jcmd GC.heap_info: " + info);
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    // ------------------------------------------------------------------ report

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        List<Double> values = new ArrayList<>();
        runs.forEach(r -> values.add(f.applyAsDouble(r)));
        Collections.sort(values);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** The result line; with several runs each figure is their median. */
    static String line(List<Run> runs) {
        return String.format(Locale.ROOT,
                "portal: vehicles=%d heap_mb=%.0f first_page_ms=%.0f vehicle_p50_ms=%.2f vehicle_p99_ms=%.2f"
                        + " filtered_p50_ms=%.2f filtered_p99_ms=%.2f",
                runs.get(0).vehicles(), median(runs, Run::heapMb), median(runs, r -> r.firstPageMs()),
                median(runs, r -> r.vehicle().p50()), median(runs, r -> r.vehicle().p99()),
                median(runs, r -> r.filtered().p50()), median(runs, r -> r.filtered().p99()));
    }

    static String extra(List<Run> runs) {
        return String.format(Locale.ROOT,
                "first_rows_ms=%.0f live_ms=%.0f pressure_sorted_p50_ms=%.2f pressure_sorted_p99_ms=%.2f"
                        + " deep_page_p50_ms=%.2f deep_page_p99_ms=%.2f",
                median(runs, r -> r.firstRowsMs()), median(runs, r -> r.liveMs()),
                median(runs, r -> r.pressureSorted().p50()), median(runs, r -> r.pressureSorted().p99()),
                median(runs, r -> r.deepPage().p50()), median(runs, r -> r.deepPage().p99()));
    }

    private static String spread(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        row(s, "heap_mb", runs, Run::heapMb);
        row(s, "first_page_ms", runs, r -> r.firstPageMs());
        row(s, "vehicle_p50_ms", runs, r -> r.vehicle().p50());
        row(s, "vehicle_p99_ms", runs, r -> r.vehicle().p99());
        row(s, "filtered_p50_ms", runs, r -> r.filtered().p50());
        row(s, "filtered_p99_ms", runs, r -> r.filtered().p99());
        row(s, "pressure_sorted_p50_ms", runs, r -> r.pressureSorted().p50());
        row(s, "deep_page_p50_ms", runs, r -> r.deepPage().p50());
        return s.toString();
    }

    private static void row(StringBuilder s, String name, List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double min = runs.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(f).max().orElse(Double.NaN);
        s.append(String.format(Locale.ROOT, "  %-24s %10.2f  (%.2f..%.2f)%n", name, median(runs, f), min, max));
    }
}

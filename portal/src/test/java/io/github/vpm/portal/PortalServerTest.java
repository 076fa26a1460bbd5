package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vpm.portal.security.PortalUsers;
import io.github.vpm.portal.security.TlsIdentity;
import io.github.vpm.portal.security.TrustedCertificates;
import io.github.vpm.testkit.LoopbackCertificates;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side against an in-memory view, on an ephemeral loopback port. */
class PortalServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MaximaView view;
    private FeedStatus status;
    private PortalServer server;

    @BeforeEach
    void start() throws Exception {
        view = new MaximaView(50);
        status = new FeedStatus("vehicle_pressure_max", "localhost:9092");
        server = PortalServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), view, status,
                new VehicleJson(MAPPER), new OpsApi(Optional.empty(), new VehicleJson(MAPPER), MAPPER, Clock.systemUTC()));
        view.apply(new MaximumUpdate("HONDA 231", "honda23100", 850_000, 25.5,
                Instant.parse("2025-07-22T22:30:40.000Z")));
        view.apply(new MaximumUpdate("HONDA 231", "honda23101", 950_000, 30.2,
                Instant.parse("2025-07-22T22:30:45.123Z")));
        view.apply(new MaximumUpdate("BMW 7", "bmw700", 700_000, null, Instant.parse("2025-07-22T22:31:00Z")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpResponses.JSON);
        return MAPPER.readTree(response.body());
    }

    @Test
    void listsVehiclesInOrderWithoutHistory() throws Exception {
        HttpResponse<String> response = send("GET", "/api/vehicles");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("count").asInt()).isEqualTo(2);
        JsonNode first = body.get("vehicles").get(0);
        JsonNode honda = body.get("vehicles").get(1);
        assertThat(first.get("vehicleId").asText()).isEqualTo("BMW 7");
        assertThat(first.get("temperature").isNull()).isTrue();
        assertThat(honda.get("vehicleId").asText()).isEqualTo("HONDA 231");
        assertThat(honda.get("pressureMax").asLong()).isEqualTo(950_000);
        assertThat(honda.get("pressureMaxKpa").asDouble()).isEqualTo(950.0);
        assertThat(body.get("total").asInt()).isEqualTo(2);
        assertThat(body.get("offset").asInt()).isZero();
        assertThat(body.get("limit").asInt()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(honda.get("pressureMaxBar").asDouble()).isEqualTo(9.5);
        assertThat(honda.get("sensorId").asText()).isEqualTo("honda23101");
        assertThat(honda.get("temperature").asDouble()).isEqualTo(30.2);
        assertThat(honda.get("timestamp").asText()).isEqualTo("2025-07-22T22:30:45.123Z");
        assertThat(honda.get("timestampMillis").asLong())
                .isEqualTo(Instant.parse("2025-07-22T22:30:45.123Z").toEpochMilli());
        assertThat(honda.get("updates").asLong()).isEqualTo(2);
        assertThat(honda.has("history")).isFalse();
    }

    @Test
    void oneVehicleByUrlEncodedIdComesWithItsHistory() throws Exception {
        HttpResponse<String> response = send("GET", "/api/vehicles/HONDA%20231");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("vehicleId").asText()).isEqualTo("HONDA 231");
        assertThat(body.get("history")).hasSize(2);
        assertThat(body.get("history").get(0).get("pressureMax").asLong()).isEqualTo(850_000);
        assertThat(body.get("history").get(0).get("sensorId").asText()).isEqualTo("honda23100");
        assertThat(body.get("history").get(1).get("pressureMaxKpa").asDouble()).isEqualTo(950.0);
    }

    @Test
    void idsWithPlusSlashOrUnicodeRoundTrip() throws Exception {
        view.apply(new MaximumUpdate("A+B/C é", "s", 1, null, Instant.EPOCH));
        HttpResponse<String> response = send("GET", "/api/vehicles/A+B%2FC%20%C3%A9");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("vehicleId").asText()).isEqualTo("A+B/C é");
    }

    @Test
    void unknownVehicleIsASmallJson404() throws Exception {
        HttpResponse<String> response = send("GET", "/api/vehicles/NOPE%201");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isEqualTo("unknown vehicle: NOPE 1");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownApiPathsAreJson404s() throws Exception {
        assertThat(send("GET", "/api/nothing").statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/api/vehicles/a/b")).get("status").asInt()).isEqualTo(404);
        assertThat(json(send("GET", "/api/vehiclesX")).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void writesAreRefusedWith405() throws Exception {
        for (String path : new String[] {"/api/vehicles", "/api/vehicles/HONDA%20231", "/api/status", "/api/stream",
            "/"}) {
            for (String method : new String[] {"POST", "PUT", "DELETE"}) {
                HttpResponse<String> response = send(method, path);
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
                assertThat(json(response).get("error").asText()).contains(method);
            }
        }
    }

    @Test
    void pagesAndFiltersOnTheServer() throws Exception {
        for (int i = 1; i <= 120; i++) {
            view.apply(new MaximumUpdate("TRUCK " + i, "truck" + i, 500_000 + i, null, Instant.parse("2025-07-22T22:31:00Z")));
        }
        JsonNode first = json(send("GET", "/api/vehicles"));
        assertThat(first.get("count").asInt()).isEqualTo(122);
        assertThat(first.get("vehicles")).hasSize(100);
        JsonNode page = json(send("GET", "/api/vehicles?filter=truck%201&offset=10&limit=5"));
        assertThat(page.get("count").asInt()).isEqualTo(32); // TRUCK 1, 10..19, 100..120
        assertThat(page.get("total").asInt()).isEqualTo(122);
        assertThat(page.get("filter").asText()).isEqualTo("truck 1");
        assertThat(page.get("vehicles")).extracting(v -> v.get("vehicleId").asText())
                .containsExactly("TRUCK 19", "TRUCK 100", "TRUCK 101", "TRUCK 102", "TRUCK 103");
        JsonNode top = json(send("GET", "/api/vehicles?sort=pressure&limit=1"));
        assertThat(top.get("vehicles").get(0).get("vehicleId").asText()).isEqualTo("HONDA 231");
        assertThat(top.get("sort").asText()).isEqualTo("pressure");
        assertThat(top.get("order").asText()).isEqualTo("desc");

        HttpResponse<String> bad = send("GET", "/api/vehicles?limit=100000");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).isEqualTo("limit: expected an integer 1..1000, got \"100000\"");
        assertThat(send("GET", "/api/stream?sort=colour").statusCode()).isEqualTo(400);
    }

    @Test
    void writesFractionalPressuresWithEveryDigitAndIntegralOnesWithout() throws Exception {
        view.apply(new MaximumUpdate("AUDI 20", "audi2000", 823_456.7891234, 20.0, Instant.parse("2025-07-22T22:32:00Z")));
        HttpResponse<String> list = send("GET", "/api/vehicles");
        assertThat(list.body()).contains("\"pressureMax\":823456.7891234,", "\"pressureMax\":950000,")
                .doesNotContain("950000.0");
        JsonNode audi = json(list).get("vehicles").get(0);
        assertThat(audi.get("pressureMax").asDouble()).isEqualTo(823_456.7891234);
        assertThat(audi.get("pressureMaxKpa").asDouble()).isEqualTo(823.4567891234);
        String one = send("GET", "/api/vehicles/AUDI%2020").body();
        assertThat(one).contains("\"history\":[{", "\"pressureMax\":823456.7891234,");
    }

    @Test
    void statusCountsEvictedVehicles() throws Exception {
        server.close();
        view = new MaximaView(5, 2);
        server = PortalServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), view, status,
                new VehicleJson(MAPPER), new OpsApi(Optional.empty(), new VehicleJson(MAPPER), MAPPER, Clock.systemUTC()));
        for (String id : new String[] {"A", "B", "C", "D"}) {
            view.apply(new MaximumUpdate(id, "s", 1, null, Instant.parse("2025-07-22T22:31:00Z")));
        }
        JsonNode body = json(send("GET", "/api/status"));
        assertThat(body.get("vehicles").asInt()).isEqualTo(2);
        assertThat(body.get("maxVehicles").asInt()).isEqualTo(2);
        assertThat(body.get("evictedVehicles").asLong()).isEqualTo(2);
        assertThat(json(send("GET", "/api/vehicles")).get("vehicles")).extracting(v -> v.get("vehicleId").asText())
                .containsExactly("C", "D");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> response = send("HEAD", "/api/vehicles");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void statusDescribesTheFeed() throws Exception {
        status.moveTo(FeedStatus.State.WAITING, "no answer from localhost:9092");
        JsonNode body = json(send("GET", "/api/status"));
        assertThat(body.get("state").asText()).isEqualTo("WAITING");
        assertThat(body.get("detail").asText()).isEqualTo("no answer from localhost:9092");
        assertThat(body.get("topic").asText()).isEqualTo("vehicle_pressure_max");
        assertThat(body.get("vehicles").asInt()).isEqualTo(2);
        assertThat(body.get("historyLimit").asInt()).isEqualTo(50);
    }

    @Test
    void servesThePageAndItsAssetsFromTheJarOnly() throws Exception {
        HttpResponse<String> page = send("GET", "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(page.body()).contains("Vehicle Pressure Monitor", "app.js", "app.css")
                .doesNotContain("http://", "https://");
        for (String asset : new String[] {"/app.js", "/app.css", "/favicon.svg"}) {
            HttpResponse<String> response = send("GET", asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).doesNotContain("https://", "@import", "fonts.");
        }
        assertThat(send("GET", "/app.js").headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(send("GET", "/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/log4j2.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void servesTheOperationsPageAndUPlotFromTheJar() throws Exception {
        HttpResponse<String> page = send("GET", "/ops");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(page.body()).contains("uplot.js", "uplot.css", "ops.js").doesNotContain("http://", "https://");
        HttpResponse<String> uplot = send("GET", "/uplot.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(uplot.body()).contains("uPlot");
        assertThat(send("GET", "/uplot.css").body()).contains(".uplot");
        assertThat(send("GET", "/ops.js").statusCode()).isEqualTo(200);
    }

    @Test
    void operationsApiSaysPlainlyThatPrometheusIsNotConfigured() throws Exception {
        JsonNode panels = json(send("GET", "/api/ops/panels"));
        assertThat(panels.get("configured").asBoolean()).isFalse();
        assertThat(panels.get("panels")).extracting(p -> p.get("id").asText())
                .contains("throughput", "heap", "partitions");
        HttpResponse<String> series = send("GET", "/api/ops/series?panel=heap");
        assertThat(series.statusCode()).isEqualTo(503);
        assertThat(json(series).get("error").asText()).contains("not configured", "--prometheus-url");
        assertThat(send("GET", "/api/ops/alerts").statusCode()).isEqualTo(503);
        HttpResponse<String> unknown = send("GET", "/api/ops/series?panel=up%7Bjob%3D%22x%22%7D");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("no panel", "throughput");
        assertThat(send("POST", "/api/ops/panels").statusCode()).isEqualTo(405);
    }

    @Test
    void streamSendsStatusSnapshotThenLiveChanges() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/stream")).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        BlockingQueue<String[]> events = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String[] first = next(events);
            assertThat(first[0]).isEqualTo("status");
            String[] snapshot = next(events);
            assertThat(snapshot[0]).isEqualTo("snapshot");
            assertThat(MAPPER.readTree(snapshot[1]).get("count").asInt()).isEqualTo(2);
            assertThat(MAPPER.readTree(snapshot[1]).get("total").asInt()).isEqualTo(2);
            assertThat(MAPPER.readTree(snapshot[1]).get("top").get("vehicleId").asText()).isEqualTo("HONDA 231");
            assertThat(MAPPER.readTree(snapshot[1]).get("evictedVehicles").asLong()).isZero();
            JsonNode vehicles = MAPPER.readTree(snapshot[1]).get("vehicles");
            assertThat(vehicles).hasSize(2);
            assertThat(vehicles.get(1).get("points")).hasSize(2);
            assertThat(vehicles.get(1).get("points").get(1).get(1).asLong()).isEqualTo(950_000);

            view.apply(new MaximumUpdate("HONDA 231", "honda23102", 990_000, 31.0, Instant.parse("2025-07-22T22:32:00Z")));
            String[] changed = next(events);
            assertThat(changed[0]).isEqualTo("vehicle");
            JsonNode v = MAPPER.readTree(changed[1]);
            assertThat(v.get("vehicleId").asText()).isEqualTo("HONDA 231");
            assertThat(v.get("pressureMaxKpa").asDouble()).isEqualTo(990.0);
            assertThat(v.get("points")).hasSize(3);

            view.remove("BMW 7");
            String[] removed = next(events);
            assertThat(removed[0]).isEqualTo("removed");
            assertThat(MAPPER.readTree(removed[1]).get("vehicleId").asText()).isEqualTo("BMW 7");
            // The hole is filled and the counts follow with a fresh snapshot of the page.
            JsonNode after = MAPPER.readTree(nextOf(events, "snapshot")[1]);
            assertThat(after.get("count").asInt()).isEqualTo(1);

            status.moveTo(FeedStatus.State.LIVE, "live from vehicle_pressure_max");
            String[] live = nextOf(events, "status");
            assertThat(live[0]).isEqualTo("status");
            assertThat(MAPPER.readTree(live[1]).get("state").asText()).isEqualTo("LIVE");
        } finally {
            response.body().close();
        }
    }

    @Test
    void streamSendsOnlyItsPageAndAFreshSnapshotWhenOtherVehiclesChange() throws Exception {
        for (int i = 1; i <= 30; i++) {
            view.apply(new MaximumUpdate("TRUCK " + i, "truck" + i, 500_000, null, Instant.parse("2025-07-22T22:31:00Z")));
        }
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri("/api/stream?filter=truck&limit=10&offset=10")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String[]> events = new ArrayBlockingQueue<>(1000);
        Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode page = MAPPER.readTree(nextOf(events, "snapshot")[1]);
            assertThat(page.get("count").asInt()).isEqualTo(30);
            assertThat(page.get("total").asInt()).isEqualTo(32);
            assertThat(page.get("vehicles")).extracting(v -> v.get("vehicleId").asText())
                    .startsWith("TRUCK 11").endsWith("TRUCK 20").hasSize(10);

            // Off the page: no vehicle event, only a snapshot with the new count (within the refresh interval).
            view.apply(new MaximumUpdate("TRUCK 31", "truck31", 1, null, Instant.parse("2025-07-22T22:33:00Z")));
            view.apply(new MaximumUpdate("TRUCK 1", "truck1", 600_000, null, Instant.parse("2025-07-22T22:33:00Z")));
            String[] next = next(events);
            assertThat(next[0]).isEqualTo("snapshot");
            assertThat(MAPPER.readTree(next[1]).get("count").asInt()).isEqualTo(31);
            // On the page: a vehicle event.
            view.apply(new MaximumUpdate("TRUCK 15", "truck15", 700_000, null, Instant.parse("2025-07-22T22:34:00Z")));
            String[] changed = next(events);
            assertThat(changed[0]).isEqualTo("vehicle");
            assertThat(MAPPER.readTree(changed[1]).get("vehicleId").asText()).isEqualTo("TRUCK 15");
        } finally {
            response.body().close();
        }
    }

    @Test
    void closingTheServerEndsOpenStreams() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/api/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String[]> events = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> readEvents(response.body(), events), "sse-reader");
        reader.start();
        next(events);
        long started = System.nanoTime();
        server.close();
        reader.join(Duration.ofSeconds(10).toMillis());
        assertThat(reader.isAlive()).as("stream still open after close").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /** The next event called {@code name}, skipping others (e.g. a page refresh in between). */
    private static String[] nextOf(BlockingQueue<String[]> events, String name) throws InterruptedException {
        while (true) {
            String[] event = next(events);
            if (event[0].equals(name)) {
                return event;
            }
        }
    }

    private static String[] next(BlockingQueue<String[]> events) throws InterruptedException {
        String[] event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("no event within 10 s").isNotNull();
        return event;
    }

    /** A minimal SSE parser: one {event, data} pair per blank-line terminated block. */
    private static void readEvents(InputStream in, BlockingQueue<String[]> events) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new String[] {name, data.toString()});
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (Exception e) {
            // stream closed
        }
    }

    @Test
    void withTlsAndUsersEveryContextAsksForAPasswordOverHttps(@TempDir Path dir) throws Exception {
        server.close();
        LoopbackCertificates certs = LoopbackCertificates.create(dir, "portal", "changeit");
        PortalUsers users = PortalUsers.read(Files.writeString(dir.resolve("users"), "ops:s3cret\n").toString());
        server = PortalServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Optional.of(TlsIdentity.read(certs.certificateChainPem().toString(), certs.privateKeyPem().toString())
                        .sslContext()), Optional.of(users.authenticator()), view, status, new VehicleJson(MAPPER),
                new OpsApi(Optional.empty(), new VehicleJson(MAPPER), MAPPER, Clock.systemUTC()));
        HttpClient https = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(TrustedCertificates.read("--ca", certs.caPem().toString()).sslContext()).build();
        for (String path : new String[] {"/", "/ops", "/app.js", "/no-such-file", "/api/vehicles", "/api/status",
                "/api/ops/panels", "/api/stream"}) {
            URI uri = URI.create("https://localhost:" + server.port() + path);
            for (String authorization : new String[] {null, basic("ops:wrong"), basic("nobody:s3cret"), "Bearer s3cret"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> refused = https.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(path + " with " + authorization).isEqualTo(401);
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"vpm-portal\"");
            }
        }
        for (String path : new String[] {"/", "/ops", "/api/vehicles", "/api/status", "/api/ops/panels"}) {
            HttpResponse<String> ok = https.send(HttpRequest.newBuilder(
                            URI.create("https://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", basic("ops:s3cret")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> vehicles = https.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + server.port() + "/api/vehicles"))
                .header("Authorization", basic("ops:s3cret")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(vehicles).get("count").asInt()).isEqualTo(2);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}

package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.vpm.portal.security.TlsIdentity;
import io.github.vpm.portal.security.TrustedCertificates;
import io.github.vpm.testkit.ChildProcess;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.LoopbackCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal jar as the cluster playbook runs it (CONTRACT section 4: HTTPS and a password on 8088)
 * against a real broker: with a CA-signed loopback certificate ({@link LoopbackCertificates}) and a users
 * file, it answers HTTPS only, refuses every request without the right password, never answers plain
 * HTTP, and shows the maxima fed through Kafka. Bad security options stop it with one line and status 2.
 * Also the operations page's client of an https Prometheus with {@code --prometheus-ca}.
 */
class PortalSecurityIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("portal listening on https://[^:]+:(\\d+)/");
    private static final String PASSWORD = "portal-it-Passw0rd";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @TempDir
    static Path dir;
    private static LoopbackCertificates certs;
    private static Path users;
    private static Path logs;
    private static HttpClient https;

    @BeforeAll
    static void secrets() throws IOException {
        certs = LoopbackCertificates.create(dir.resolve("tls"), "portal", "changeit");
        users = Files.writeString(dir.resolve("users"), "# the portal's users\nops:" + PASSWORD + "\nviewer:other\n");
        logs = Files.createDirectories(Path.of(System.getProperty("vpm.test.logs", "target/it-logs")));
        // A client that trusts the test CA only, as curl --cacert does.
        https = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(TrustedCertificates.read("--cacert", certs.caPem().toString()).sslContext()).build();
    }

    private static ChildProcess portal(String log, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", System.getProperty("vpm.portal.jar", "target/vpm-portal.jar")));
        command.addAll(List.of(args));
        return ChildProcess.builder("portal", command).output(logs.resolve(log + ".out"), logs.resolve(log + ".err"))
                .withoutEnvironment("KAFKA_BOOTSTRAP_SERVERS").closeGrace(Duration.ofSeconds(10)).start();
    }

    private static HttpResponse<String> get(int port, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode vehicles(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = get(port, "/api/vehicles", basic("ops", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    @Test
    void servesHttpsOnlyAndOnlyWithAPassword() throws Exception {
        String topic = "vehicle_pressure_max-secure";
        KAFKA.createTopic(topic, 2, Map.of("cleanup.policy", "compact"));
        KAFKA.produce(topic, "HONDA 231", Maxima.json("HONDA 231", "honda23100", 850_000, 25.5, T0));
        KAFKA.produce(topic, "BMW 7", Maxima.json("BMW 7", "bmw700", 700_000, null, T0.plusSeconds(3)));
        KAFKA.produce(topic, "HONDA 231", Maxima.json("HONDA 231", "honda23101", 990_000, 26.0, T0.plusSeconds(5)));

        try (ChildProcess portal = portal("secure", "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic,
                "--bind", "127.0.0.1", "--port", "0", "--tls-cert", certs.certificateChainPem().toString(),
                "--tls-key", certs.privateKeyPem().toString(), "--users-file", users.toString())) {
            String line = portal.awaitLine(l -> LISTENING.matcher(l).find(), TIMEOUT)
                    .orElseThrow(() -> new AssertionError("no listening line\n" + portal.tail()));
            Matcher m = LISTENING.matcher(line);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(portal.awaitLine(l -> l.contains("every request needs a password"), TIMEOUT)).isPresent();
            assertThat(portal.stdout()).contains("HTTPS only, certificate CN=localhost",
                    "every request needs a password: users of " + users + " (2 users)").doesNotContain(PASSWORD);

            // The maxima fed through Kafka, through HTTPS with the password.
            JsonNode body = Eventually.await("both vehicles, HONDA 231 at 990 kPa", TIMEOUT, () -> vehicles(port),
                    v -> v.get("count").asInt() == 2
                            && v.get("vehicles").get(1).get("pressureMax").asLong() == 990_000);
            assertThat(body.get("vehicles").findValuesAsText("vehicleId")).containsExactly("BMW 7", "HONDA 231");
            assertThat(body.get("vehicles").get(1).get("sensorId").asText()).isEqualTo("honda23101");
            HttpResponse<String> page = get(port, "/", basic("ops", PASSWORD));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Vehicle Pressure Monitor</title>");
            assertThat(get(port, "/api/status", basic("viewer", "other")).statusCode()).isEqualTo(200);
            HttpResponse<String> one = get(port, "/api/vehicles/BMW%207", basic("ops", PASSWORD));
            assertThat(MAPPER.readTree(one.body()).get("pressureMax").asLong()).isEqualTo(700_000);

            // Without credentials, with a wrong password or an unknown user: 401, and nothing of the data.
            for (String path : new String[] {"/", "/ops", "/app.js", "/api/vehicles", "/api/status", "/api/stream",
                    "/api/ops/alerts"}) {
                for (String authorization : new String[] {null, basic("ops", "wrong"), basic("viewer", PASSWORD),
                        basic("nobody", PASSWORD)}) {
                    HttpResponse<String> refused = get(port, path, authorization);
                    assertThat(refused.statusCode()).as(path + " with " + authorization).isEqualTo(401);
                    assertThat(refused.headers().firstValue("WWW-Authenticate"))
                            .hasValue("Basic realm=\"vpm-portal\"");
                    assertThat(refused.body()).doesNotContain("HONDA");
                }
            }

            // Plain HTTP to the port gets no HTTP answer: the server expects a TLS handshake.
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/vehicles HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                        + basic("ops", PASSWORD) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(readUpTo(socket.getInputStream(), 4096), StandardCharsets.ISO_8859_1);
                assertThat(answer).doesNotStartWith("HTTP/").doesNotContain("HONDA");
            }
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", basic("ops", PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            // A client that does not trust the CA (the JVM's defaults) gets no further than the handshake.
            HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);

            // Still serving after all that, and stops cleanly.
            assertThat(get(port, "/api/status", basic("ops", PASSWORD)).statusCode()).isEqualTo(200);
            portal.terminate();
            assertThat(portal.awaitExit(Duration.ofSeconds(20))).isEqualTo(143);
            assertThat(portal.stdout() + portal.stderr()).doesNotContain("Exception in thread", PASSWORD);
        }
    }

    /** Whatever the server sends until it closes, a timeout or {@code max} bytes; a reset counts as the end. */
    private static byte[] readUpTo(InputStream in, int max) {
        byte[] buffer = new byte[max];
        int n = 0;
        try {
            for (int r; n < max && (r = in.read(buffer, n, max - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            // reset or timeout: what came so far is the answer
        }
        return java.util.Arrays.copyOf(buffer, n);
    }

    @Test
    void aPasswordOverPlainHttpOnTheNetworkIsRefusedWithOneLineAndStatus2() {
        try (ChildProcess portal = portal("users-without-tls", "--bootstrap-servers", "127.0.0.1:9",
                "--bind", "0.0.0.0", "--port", "0", "--users-file", users.toString())) {
            assertThat(portal.awaitExit(TIMEOUT)).isEqualTo(2);
            assertThat(portal.stderr().lines()).containsExactly("--users-file: needs --tls-cert and --tls-key unless"
                    + " --bind is a loopback address (got \"0.0.0.0\"): a password must not cross the network in"
                    + " plain text");
            assertThat(portal.stdout()).isEmpty();
        }
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedWithOneLineAndStatus2() throws IOException {
        // The CA's certificate with the portal's key: a mix-up an operator can make.
        try (ChildProcess portal = portal("wrong-key", "--bind", "127.0.0.1", "--port", "0",
                "--tls-cert", certs.caPem().toString(), "--tls-key", certs.privateKeyPem().toString())) {
            assertThat(portal.awaitExit(TIMEOUT)).isEqualTo(2);
            assertThat(portal.stderr().lines()).containsExactly("--tls-key: \"" + certs.privateKeyPem()
                    + "\" is not the key of the first certificate in --tls-cert \"" + certs.caPem() + "\"");
            assertThat(portal.stdout()).isEmpty();
        }
    }

    @Test
    void theOperationsPageReadsAnHttpsPrometheusTrustingItsCa() throws Exception {
        // A stand-in for Prometheus behind TLS and a password: its alerts API only.
        HttpsServer prometheus = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        prometheus.setHttpsConfigurator(new HttpsConfigurator(TlsIdentity.read(certs.certificateChainPem().toString(),
                certs.privateKeyPem().toString()).sslContext()));
        prometheus.createContext("/api/v1/alerts", exchange -> {
            boolean authorized = basic("prometheus", "prom-pass")
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = (authorized ? "{\"status\":\"success\",\"data\":{\"alerts\":[{\"state\":\"firing\","
                    + "\"labels\":{\"alertname\":\"VpmOverTls\",\"severity\":\"warning\"},"
                    + "\"annotations\":{\"summary\":\"read over https\"}}]}}" : "Unauthorized")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        prometheus.start();
        Path auth = Files.writeString(dir.resolve("prometheus.auth"), "prometheus:prom-pass\n");
        String url = "https://127.0.0.1:" + prometheus.getAddress().getPort();
        try {
            try (Portal portal = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers",
                    "127.0.0.1:" + freePort(), "--bind", "127.0.0.1", "--port", "0", "--prometheus-url", url,
                    "--prometheus-auth-file", auth.toString(), "--prometheus-ca", certs.caPem().toString()))) {
                HttpResponse<String> alerts = new PortalApi(portal.port()).get("/api/ops/alerts");
                assertThat(alerts.statusCode()).as(alerts.body()).isEqualTo(200);
                assertThat(MAPPER.readTree(alerts.body()).get("alerts").findValuesAsText("name"))
                        .containsExactly("VpmOverTls");
            }
            // Without the CA the JVM's trust store does not know the cluster's CA; the page says what to give.
            try (Portal portal = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers",
                    "127.0.0.1:" + freePort(), "--bind", "127.0.0.1", "--port", "0", "--prometheus-url", url,
                    "--prometheus-auth-file", auth.toString()))) {
                HttpResponse<String> alerts = new PortalApi(portal.port()).get("/api/ops/alerts");
                assertThat(alerts.statusCode()).isEqualTo(502);
                assertThat(alerts.body()).contains("TLS handshake failed", "--prometheus-ca");
            }
        } finally {
            prometheus.stop(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vpm.testkit.ChildProcess;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations page against a real Prometheus (Debian's {@code prometheus} binary) behind a password,
 * scraping a real target: the portal jar itself, run as operators run it, with the JMX exporter agent and
 * the repository's portal.yml rules. Prometheus loads the repository's rule files plus one test alert that
 * fires as soon as the portal is scraped. Headless Chromium (as {@link PortalBrowserIT}) then shows the
 * heap chart with points, the panels of metrics nobody exports here as empty, and the firing alert with its
 * runbook line; behind the portal's password it also loads when opened with the user and password in its address.
 * Without prometheus or a browser the test is skipped, unless the environment variable CI is set.
 */
class OpsPageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String USER = "ops";
    private static final String PASSWORD = "ops-page-test-password";
    /** bcrypt of PASSWORD (Prometheus' web config wants a hash; made once with libxcrypt). */
    private static final String PASSWORD_BCRYPT = "$2b$10$7zKQj4hDKMcFUFTTNPyCqO5xBmTtkJ60Ju/dAEbiYsXeeP4gS1Q8S";
    private static final Path MONITORING = Path.of("..", "monitoring");

    private final List<AutoCloseable> running = new ArrayList<>();
    private Path work;
    private WebDriver browser;

    @BeforeEach
    void prerequisites() throws IOException {
        Path prometheus = prometheusBinary();
        Path chromium = Path.of(setting("vpm.chromium", "CHROMIUM_BIN", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("vpm.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(prometheus) || !Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String message = "the operations page test needs " + prometheus + ", " + chromium + " and " + chromedriver
                    + " (Debian: apt-get install -y prometheus chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail(message + "; CI is set, so a missing program is a failure");
            }
            assumeTrue(false, message + "; skipped because CI is not set");
        }
        work = Files.createTempDirectory("vpm-ops-it-");
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void chartsAndFiringAlertsFromARealPrometheusBehindAPassword() throws Exception {
        int agentPort = freePort();
        int prometheusPort = freePort();
        int portalPort = freePort();
        Path logs = Files.createDirectories(Path.of(System.getProperty("vpm.test.logs", "target/it-logs")));

        // Prometheus: scrapes the portal's agent every second, the repository's rules plus the test alert.
        Path rules = Files.createDirectories(work.resolve("rules"));
        for (String file : List.of("vpm-recording.yml", "vpm-alerts.yml")) {
            Files.copy(MONITORING.resolve("prometheus/rules").resolve(file), rules.resolve(file));
        }
        Files.writeString(rules.resolve("ops-page-test.yml"), String.join("\n",
                "groups:",
                "  - name: ops-page-test",
                "    rules:",
                "      - alert: VpmOpsPageTest",
                "        expr: up{job=\"portal\"} == 1",
                "        labels:",
                "          severity: warning",
                "        annotations:",
                "          summary: \"Portal {{ $labels.instance }} is scraped\"",
                "          description: >-",
                "            Only OpsPageIT has this alert. What to do: nothing; it shows how a firing alert",
                "            and its runbook line look on /ops.",
                ""));
        Path config = Files.writeString(work.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + rules + "/*.yml",
                "scrape_configs:",
                "  - job_name: portal",
                "    static_configs:",
                "      - targets: [\"127.0.0.1:" + agentPort + "\"]",
                ""));
        Path webConfig = Files.writeString(work.resolve("web.yml"),
                "basic_auth_users:\n  " + USER + ": " + PASSWORD_BCRYPT + "\n");
        running.add(ChildProcess.builder("prometheus", List.of(prometheusBinary().toString(),
                        "--config.file=" + config, "--web.config.file=" + webConfig,
                        "--storage.tsdb.path=" + work.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + prometheusPort))
                .log(logs.resolve("ops-prometheus.log")).closeGrace(Duration.ofSeconds(10)).start());

        // The portal jar with its agent, reading Prometheus with the credentials file; no broker is
        // needed for /ops (the feed just keeps retrying).
        Path auth = Files.writeString(work.resolve("prometheus.auth"), USER + ":" + PASSWORD + "\n");
        Path agent = Path.of(System.getProperty("vpm.dist.dir", "../dist/target"), "kafka", "agents",
                "jmx_prometheus_javaagent.jar");
        assertThat(agent).as("the JMX exporter agent of dist/ (built by `package`)").isRegularFile();
        running.add(ChildProcess.builder("portal", List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                        "-javaagent:" + agent + "=127.0.0.1:" + agentPort + ":"
                                + MONITORING.resolve("jmx-exporter/portal.yml").toAbsolutePath(),
                        "-jar", System.getProperty("vpm.portal.jar", "target/vpm-portal.jar"),
                        "--bootstrap-servers", "127.0.0.1:" + freePort(), "--bind", "127.0.0.1",
                        "--port", Integer.toString(portalPort),
                        "--prometheus-url", "http://127.0.0.1:" + prometheusPort,
                        "--prometheus-auth-file", auth.toString()))
                .withoutEnvironment("KAFKA_BOOTSTRAP_SERVERS")
                .log(logs.resolve("ops-portal.log")).closeGrace(Duration.ofSeconds(10)).start());

        // The API first: the heap panel gets points once a step of the range has a scrape before it.
        PortalApi api = new PortalApi(portalPort);
        String heapSeries = "portal 127.0.0.1:" + agentPort;
        Eventually.await("points of " + heapSeries + " in the heap panel", TIMEOUT,
                () -> api.json("/api/ops/series?panel=heap"), heap -> hasPoints(heap, heapSeries));
        JsonNode panels = api.json("/api/ops/panels");
        assertThat(panels.get("configured").asBoolean()).isTrue();
        assertThat(panels.get("prometheus").asText()).isEqualTo("http://127.0.0.1:" + prometheusPort + "/");
        JsonNode checkpoint = api.json("/api/ops/series?panel=checkpoint-duration");
        assertThat(checkpoint.get("series")).as("nothing exports Flink metrics here").isEmpty();
        assertThat(checkpoint.get("times")).hasSize(241);
        Eventually.await("VpmOpsPageTest firing", TIMEOUT, () -> api.json("/api/ops/alerts"),
                alerts -> alerts.get("alerts").findValuesAsText("name").contains("VpmOpsPageTest"));

        // The browser: charts drawn by uPlot from the jar, the alert with its runbook line.
        browser = startBrowser();
        browser.get("http://127.0.0.1:" + portalPort + "/ops");
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
        wait.until(d -> "data".equals(card(d, "heap").getAttribute("data-state")));
        WebElement heap = card(browser, "heap");
        assertThat(Integer.parseInt(heap.getAttribute("data-points"))).isPositive();
        assertThat(heap.findElements(By.cssSelector("canvas"))).isNotEmpty();
        assertThat(heap.findElement(By.cssSelector(".u-legend")).getText()).containsIgnoringCase(heapSeries);
        wait.until(d -> "empty".equals(card(d, "checkpoint-duration").getAttribute("data-state")));
        assertThat(card(browser, "checkpoint-duration").getText()).contains("No data in the last hour");
        assertThat(browser.findElements(By.cssSelector("#charts .chart-card"))).hasSize(9);
        wait.until(d -> !d.findElements(By.cssSelector("#alerts li[data-alert='VpmOpsPageTest']")).isEmpty());
        WebElement alert = browser.findElement(By.cssSelector("#alerts li[data-alert='VpmOpsPageTest']"));
        assertThat(alert.getAttribute("class")).contains("sev-warning");
        assertThat(alert.findElement(By.cssSelector(".alert-summary")).getText())
                .isEqualTo("Portal 127.0.0.1:" + agentPort + " is scraped");
        assertThat(alert.findElement(By.cssSelector(".alert-runbook")).getText()).contains("What to do: nothing");
        assertThat(browser.findElement(By.id("ops-banner")).isDisplayed()).isFalse();
        saveScreenshot("ops.png");
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console warnings and errors (CSP, script errors)").isEmpty();

        // Behind the portal's own password, opened as http://user:pw@host/ops (how operators bookmark it):
        // Chromium refuses fetch() of a URL that carries credentials, relative ones resolved against such a
        // page address included, so the page must fetch from location.origin.
        Path users = Files.writeString(work.resolve("users"), USER + ":" + PASSWORD + "\n");
        try (Portal guarded = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers",
                "127.0.0.1:" + freePort(), "--bind", "127.0.0.1", "--port", "0", "--users-file", users.toString(),
                "--prometheus-url", "http://127.0.0.1:" + prometheusPort, "--prometheus-auth-file", auth.toString()))) {
            browser.get("http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + guarded.port() + "/ops");
            // Either outcome ends the wait: a page that cannot fetch says so in its banner at once.
            wait.until(d -> d.findElement(By.id("ops-banner")).isDisplayed()
                    || !d.findElements(By.cssSelector("#alerts li[data-alert='VpmOpsPageTest']")).isEmpty());
            assertThat(browser.findElement(By.id("ops-banner")).isDisplayed())
                    .as("banner: " + browser.findElement(By.id("ops-banner")).getText()).isFalse();
            wait.until(d -> "data".equals(card(d, "heap").getAttribute("data-state")));
            assertThat(card(browser, "heap").findElements(By.cssSelector("canvas"))).isNotEmpty();
        }

        // Without the credentials Prometheus refuses, and the portal says what is missing.
        try (Portal noAuth = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers",
                "127.0.0.1:" + freePort(), "--bind", "127.0.0.1", "--port", "0",
                "--prometheus-url", "http://127.0.0.1:" + prometheusPort))) {
            HttpResponse<String> refused = new PortalApi(noAuth.port()).get("/api/ops/alerts");
            assertThat(refused.statusCode()).isEqualTo(502);
            assertThat(refused.body()).contains("answered HTTP 401", "--prometheus-auth-file");
        }
    }

    @Test
    void withoutPrometheusThePageSaysSoPlainly() throws Exception {
        try (Portal portal = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers",
                "127.0.0.1:" + freePort(), "--bind", "127.0.0.1", "--port", "0"))) {
            browser = startBrowser();
            browser.get("http://127.0.0.1:" + portal.port() + "/ops");
            WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
            wait.until(d -> d.findElement(By.id("ops-banner")).isDisplayed());
            assertThat(browser.findElement(By.id("ops-banner")).getText())
                    .startsWith("Prometheus is not configured").contains("--prometheus-url");
            assertThat(browser.findElements(By.cssSelector("#charts .chart-card"))).isEmpty();
        }
    }

    private static boolean hasPoints(JsonNode panel, String seriesName) {
        for (JsonNode series : panel.get("series")) {
            if (series.get("name").asText().equals(seriesName)) {
                for (JsonNode v : series.get("values")) {
                    if (v.isNumber()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static WebElement card(WebDriver d, String panel) {
        return d.findElement(By.cssSelector("#charts .chart-card[data-panel='" + panel + "']"));
    }

    private WebDriver startBrowser() throws IOException {
        Path chromium = Path.of(setting("vpm.chromium", "CHROMIUM_BIN", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("vpm.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver"));
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        Path profile = Files.createDirectories(work.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(screenshotDir().resolve("chromedriver-ops.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1280,1640", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        return new ChromeDriver(service, options);
    }

    private void saveScreenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshotDir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path screenshotDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("vpm.screenshot.dir", "target/screenshots")));
    }

    private static Path prometheusBinary() {
        return Path.of(setting("vpm.prometheus", "PROMETHEUS_BIN", "/usr/bin/prometheus"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String setting(String property, String envVar, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(envVar);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}

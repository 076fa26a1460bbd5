package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.vpm.testkit.KafkaCluster;
import io.github.vpm.testkit.KafkaClusterExtension;
import io.github.vpm.testkit.LoopbackCertificates;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * The page in a real headless Chromium (the system's chromium and chromedriver, never a download)
 * against a real broker: rows appear and update live without a reload, and the filter narrows them;
 * with a hundred thousand vehicles the page shows the count, one page at a time and filtered results.
 * Without a browser installed the test is skipped, unless the environment variable CI is set.
 */
class PortalBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = "vehicle_pressure_max-browser";
    private static final String MANY_TOPIC = "vehicle_pressure_max-browser-many";
    private static final int MANY = 100_000;

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private Path profile;
    private Portal portal;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Path chromium = Path.of(setting("vpm.chromium", "CHROMIUM_BIN", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("vpm.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String message = "headless browser test needs " + chromium + " and " + chromedriver
                    + " (Debian: apt-get install -y chromium chromium-driver; or set CHROMIUM_BIN and CHROMEDRIVER)";
            if (System.getenv("CI") != null) {
                fail(message + "; CI is set, so a missing browser is a failure");
            }
            assumeTrue(false, message + "; skipped because CI is not set");
        }
        // Both paths given explicitly: Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        profile = Files.createTempDirectory("vpm-portal-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(screenshotDir().resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=1400,900", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            portal.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void rowsAppearAndUpdateLiveAndTheFilterNarrowsThem() throws Exception {
        KAFKA.createTopic(TOPIC, 4, Map.of("cleanup.policy", "compact"));
        Instant now = Instant.now();
        List<ProducerRecord<byte[], byte[]>> history = new ArrayList<>();
        addSteps(history, "HONDA 231", "honda231", now, 40, 780_000, 812_500, 845_000, 850_000, 871_200);
        addSteps(history, "HONDA 17", "honda17", now, 33, 230_000, 241_500, 248_000);
        addSteps(history, "HONDA 9", "honda9", now, 25, 251_000, 262_300, 263_900, 270_100);
        addSteps(history, "BMW 7", "bmw7", now, 38, 240_000, 246_400, 259_800);
        addSteps(history, "AUDI 20", "audi20", now, 29, 228_000, 233_700);
        addSteps(history, "FORD 350", "ford350", now, 36, 540_000, 588_000, 601_500, 640_250);
        addSteps(history, "VOLVO 60", "volvo60", now, 12, 255_000, 266_800, 272_400);
        KAFKA.produce(history);

        portal = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--topic", TOPIC, "--bind", "127.0.0.1", "--port", "0", "--history", "50"));
        browser.get("http://127.0.0.1:" + portal.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        wait.until(d -> visibleRows(d).size() == 7);
        assertThat(browser.getTitle()).isEqualTo("Vehicle Pressure Monitor");
        assertThat(visibleRows(browser)).extracting(r -> r.getAttribute("data-vehicle-id"))
                .containsExactly("AUDI 20", "BMW 7", "FORD 350", "HONDA 9", "HONDA 17", "HONDA 231", "VOLVO 60");
        WebElement honda = row("HONDA 231");
        assertThat(cell(honda, "kpa")).isEqualTo("871.2");
        assertThat(cell(honda, "bar")).isEqualTo("8.71");
        assertThat(cell(honda, "sensor")).isEqualTo("honda2314");
        assertThat(honda.findElements(By.cssSelector("td.c-chart svg.spark path.line"))).hasSize(1);

        // Live: a new vehicle and a new maximum arrive without reloading the page.
        js("window.__vpmLoadedOnce = true;");
        KAFKA.produce(List.of(
                step("TOYOTA 12", "toyota1200", 262_000, now),
                step("HONDA 231", "honda2315", 903_400, now.plusMillis(1))));
        wait.until(d -> visibleRows(d).size() == 8);
        wait.until(d -> "903.4".equals(cell(row("HONDA 231"), "kpa")));
        assertThat(js("return window.__vpmLoadedOnce === true;")).as("page was not reloaded").isEqualTo(true);
        assertThat(cell(row("HONDA 231"), "bar")).isEqualTo("9.03");
        assertThat(cell(row("HONDA 231"), "sensor")).isEqualTo("honda2315");
        assertThat(cell(row("TOYOTA 12"), "kpa")).isEqualTo("262.0");
        assertThat(browser.findElement(By.id("summary-count")).getText()).isEqualTo("8");
        assertThat(browser.findElement(By.id("summary-top")).getText()).isEqualTo("903.4 kPa");
        // The highlight of updated rows fades out (and its class goes) before the picture is taken.
        wait.until(d -> d.findElements(By.cssSelector("#vehicle-rows tr.flash")).isEmpty());
        saveScreenshot("portal.png");

        // The filter narrows the rows as one types.
        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("honda");
        wait.until(d -> visibleRows(d).size() == 3);
        assertThat(visibleRows(browser)).extracting(r -> r.getAttribute("data-vehicle-id"))
                .containsExactly("HONDA 9", "HONDA 17", "HONDA 231");
        assertThat(browser.findElement(By.id("filter-note")).getText()).isEqualTo("Showing 3 of 8 vehicles");
        filter.sendKeys(" 2");
        wait.until(d -> visibleRows(d).size() == 1);
        assertThat(visibleRows(browser).get(0).getAttribute("data-vehicle-id")).isEqualTo("HONDA 231");
        saveScreenshot("portal-filtered.png");
        filter.sendKeys("xyz");
        wait.until(d -> visibleRows(d).isEmpty());
        assertThat(browser.findElement(By.id("empty")).getText()).contains("No vehicle or sensor matches");

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console warnings and errors (CSP, script errors)").isEmpty();
    }

    @Test
    void aHundredThousandVehiclesArePagedCountedAndFilteredOnTheServer() throws Exception {
        KAFKA.createTopic(MANY_TOPIC, 4, Map.of("cleanup.policy", "compact"));
        Instant now = Instant.now();
        long feedStarted = System.nanoTime();
        for (int from = 1; from <= MANY; from += 10_000) {
            List<ProducerRecord<byte[], byte[]>> chunk = new ArrayList<>(10_000);
            for (int n = from; n < from + 10_000; n++) {
                // Every tenth vehicle has a fractional maximum, as the sensors of the replaced system send.
                String pascals = n == 77_777 ? "823456.7891234" : n % 10 == 0 ? (200_000 + n) + ".25" : Integer.toString(200_000 + n);
                chunk.add(manyStep("CAR " + n, "car" + n, pascals, now.minusSeconds(MANY - n)));
            }
            KAFKA.produce(chunk);
        }
        Duration feeding = Duration.ofNanos(System.nanoTime() - feedStarted);

        long loadStarted = System.nanoTime();
        portal = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--topic", MANY_TOPIC, "--bind", "127.0.0.1", "--port", "0", "--history", "5",
                "--max-vehicles", Integer.toString(MANY)));
        browser.get("http://127.0.0.1:" + portal.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(4));
        wait.until(d -> "100,000".equals(d.findElement(By.id("summary-count")).getText()));
        Duration loading = Duration.ofNanos(System.nanoTime() - loadStarted);
        System.out.printf("PortalBrowserIT: %d vehicles fed through Kafka in %d ms, read and shown in %d ms%n",
                MANY, feeding.toMillis(), loading.toMillis());

        // One page, not a hundred thousand rows.
        wait.until(d -> visibleRows(d).size() == 50
                && "1\u201350 of 100,000".equals(d.findElement(By.id("page-info")).getText()));
        assertThat(visibleRows(browser)).extracting(r -> r.getAttribute("data-vehicle-id"))
                .startsWith("CAR 1", "CAR 2", "CAR 3").endsWith("CAR 50");
        assertThat(cell(row("CAR 10"), "kpa")).isEqualTo("200.0");
        assertThat(row("CAR 10").findElement(By.cssSelector("td.c-kpa")).getAttribute("title"))
                .isEqualTo("200,010.25 Pa");
        assertThat(browser.findElement(By.id("summary-top")).getText()).isEqualTo("823.5 kPa");
        assertThat(browser.findElement(By.id("summary-top-vehicle")).getText()).startsWith("CAR 77777");

        browser.findElement(By.id("page-next")).click();
        wait.until(d -> "51\u2013100 of 100,000".equals(d.findElement(By.id("page-info")).getText()));
        wait.until(d -> "CAR 51".equals(visibleRows(d).get(0).getAttribute("data-vehicle-id")));
        assertThat(visibleRows(browser)).hasSize(50);
        saveScreenshot("portal-many.png");
        // Forward once more and back: each page is the server's, in id order, 50 rows.
        browser.findElement(By.id("page-next")).click();
        wait.until(d -> "101\u2013150 of 100,000".equals(d.findElement(By.id("page-info")).getText()));
        wait.until(d -> "CAR 101".equals(visibleRows(d).get(0).getAttribute("data-vehicle-id")));
        assertThat(visibleRows(browser)).hasSize(50).last()
                .satisfies(r -> assertThat(r.getAttribute("data-vehicle-id")).isEqualTo("CAR 150"));
        browser.findElement(By.id("page-prev")).click();
        wait.until(d -> "51\u2013100 of 100,000".equals(d.findElement(By.id("page-info")).getText()));
        wait.until(d -> "CAR 51".equals(visibleRows(d).get(0).getAttribute("data-vehicle-id")));

        // The filter runs on the server over every vehicle, and starts again from the first page.
        browser.findElement(By.id("filter")).sendKeys("car 7777");
        wait.until(d -> visibleRows(d).size() == 11);
        assertThat(visibleRows(browser)).extracting(r -> r.getAttribute("data-vehicle-id"))
                .containsExactly("CAR 7777", "CAR 77770", "CAR 77771", "CAR 77772", "CAR 77773", "CAR 77774",
                        "CAR 77775", "CAR 77776", "CAR 77777", "CAR 77778", "CAR 77779");
        assertThat(browser.findElement(By.id("filter-note")).getText()).isEqualTo("Showing 11 of 100,000 vehicles");
        // One more digit: exactly the one vehicle, found among a hundred thousand.
        browser.findElement(By.id("filter")).sendKeys("7");
        wait.until(d -> visibleRows(d).size() == 1);
        assertThat(visibleRows(browser)).extracting(r -> r.getAttribute("data-vehicle-id")).containsExactly("CAR 77777");
        wait.until(d -> "Showing 1 of 100,000 vehicles".equals(d.findElement(By.id("filter-note")).getText()));
        assertThat(cell(row("CAR 77777"), "sensor")).isEqualTo("car77777");
        assertThat(cell(row("CAR 77777"), "kpa")).isEqualTo("823.5");
        assertThat(row("CAR 77777").findElement(By.cssSelector("td.c-kpa")).getAttribute("title"))
                .isEqualTo("823,456.7891234 Pa");
        saveScreenshot("portal-many-filtered.png");

        // Live: a shown vehicle's new maximum arrives without a reload.
        KAFKA.produce(List.of(manyStep("CAR 77777", "car77777b", "900000.5", now.plusSeconds(1))));
        wait.until(d -> "900.0".equals(cell(row("CAR 77777"), "kpa")));
        assertThat(row("CAR 77777").findElement(By.cssSelector("td.c-kpa")).getAttribute("title"))
                .isEqualTo("900,000.5 Pa");

        // At the cap, new vehicles evict the ones updated longest ago; the count stays and says so.
        List<ProducerRecord<byte[], byte[]>> newcomers = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            newcomers.add(manyStep("ZZZ " + n, "zzz" + n, "300000", now.plusSeconds(2)));
        }
        KAFKA.produce(newcomers);
        WebElement filter = browser.findElement(By.id("filter"));
        filter.clear();
        filter.sendKeys("zzz");
        wait.until(d -> visibleRows(d).size() == 10);
        assertThat(browser.findElement(By.id("summary-count")).getText()).isEqualTo("100,000");
        assertThat(new PortalApi(portal.port()).json("/api/status").get("evictedVehicles").asLong()).isEqualTo(10);
        filter.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
        wait.until(d -> "10 dropped at the cap of 100,000".equals(d.findElement(By.id("summary-shown")).getText()));

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console warnings and errors").isEmpty();
    }

    @Test
    void overHttpsThePageLogsInWithThePasswordAndGoesLive() throws Exception {
        String topic = TOPIC + "-https";
        KAFKA.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        Instant now = Instant.now();
        KAFKA.produce(topic, "KIA 5", Maxima.json("KIA 5", "kia500", 600_000, 21.5, now));
        Path tls = profile.resolve("vpm-tls"); // deleted with the profile
        LoopbackCertificates certs = LoopbackCertificates.create(tls, "portal", "changeit");
        Path users = Files.writeString(tls.resolve("users"), "ops:browser-Passw0rd\n");
        portal = Portal.start(PortalOptions.parse(Map.of(), "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--topic", topic, "--bind", "127.0.0.1", "--port", "0", "--users-file", users.toString(),
                "--tls-cert", certs.certificateChainPem().toString(), "--tls-key", certs.privateKeyPem().toString()));
        // The test CA is not the browser's: accept the certificate for this test only.
        ((ChromeDriver) browser).executeCdpCommand("Security.setIgnoreCertificateErrors", Map.of("ignore", true));
        browser.get("https://ops:browser-Passw0rd@127.0.0.1:" + portal.port() + "/");
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
        wait.until(d -> "live".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
        wait.until(d -> visibleRows(d).size() == 1);
        assertThat(row("KIA 5")).isNotNull();
        // The event stream is authenticated too: a new vehicle arrives without a reload.
        KAFKA.produce(topic, "TOYOTA 12", Maxima.json("TOYOTA 12", "toyota1200", 262_000, 21.5, now));
        wait.until(d -> visibleRows(d).size() == 2);
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(problems).as("browser console warnings and errors").isEmpty();
    }

    private static ProducerRecord<byte[], byte[]> manyStep(String vehicle, String sensor, String pascals, Instant at) {
        return KafkaCluster.record(MANY_TOPIC, null, vehicle,
                Maxima.json(vehicle, sensor, pascals, 21.5, at).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                at.toEpochMilli());
    }

    private static void addSteps(List<ProducerRecord<byte[], byte[]>> out, String vehicle, String sensorPrefix,
                                 Instant now, int minutesAgo, long... pascals) {
        for (int i = 0; i < pascals.length; i++) {
            // Spread the steps from minutesAgo up to a little before now, oldest first.
            Instant at = now.minusSeconds(minutesAgo * 60L).plusSeconds((long) i * minutesAgo * 60L / pascals.length);
            out.add(step(vehicle, sensorPrefix + i, pascals[i], at));
        }
    }

    private static ProducerRecord<byte[], byte[]> step(String vehicle, String sensor, long pascals, Instant at) {
        return KafkaCluster.record(TOPIC, null, vehicle,
                Maxima.json(vehicle, sensor, pascals, 21.5, at).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                at.toEpochMilli());
    }

    private static List<WebElement> visibleRows(WebDriver d) {
        return d.findElements(By.cssSelector("#vehicle-rows tr:not([hidden])"));
    }

    private WebElement row(String vehicleId) {
        return browser.findElement(By.cssSelector("#vehicle-rows tr[data-vehicle-id='" + vehicleId + "']"));
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td.c-" + column)).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void saveScreenshot(String name) throws Exception {
        Path target = screenshotDir().resolve(name);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path screenshotDir() throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("vpm.screenshot.dir", "target/screenshots")));
    }

    private static String setting(String property, String envVar, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(envVar);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}

package io.github.vpm.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serves the page from the jar's resources. Only a fixed list of files, loaded once at start, so no
 * request path ever reaches the class path or the file system.
 */
final class StaticAssets implements HttpHandler {

    private record Asset(byte[] body, String contentType) {
    }

    /** The page loads only its own files (no CDN, no fonts) and talks only to this server. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private final Map<String, Asset> assets;
    private final VehicleJson json;

    StaticAssets(VehicleJson json) {
        this.json = json;
        this.assets = Map.ofEntries(
                Map.entry("/", load("index.html", "text/html; charset=utf-8")),
                Map.entry("/index.html", load("index.html", "text/html; charset=utf-8")),
                Map.entry("/app.css", load("app.css", "text/css; charset=utf-8")),
                Map.entry("/app.js", load("app.js", "text/javascript; charset=utf-8")),
                Map.entry("/favicon.svg", load("favicon.svg", "image/svg+xml")),
                Map.entry("/ops", load("ops.html", "text/html; charset=utf-8")),
                Map.entry("/ops.js", load("ops.js", "text/javascript; charset=utf-8")),
                Map.entry("/uplot.js", loadResource(UPLOT + "dist/uPlot.iife.min.js", "text/javascript; charset=utf-8")),
                Map.entry("/uplot.css", loadResource(UPLOT + "dist/uPlot.min.css", "text/css; charset=utf-8")));
    }

    /** The uPlot WebJar's folder; its version is the one the build pinned (the WebJar's own pom.properties). */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/";

    private static String webJarVersion(String artifactId) {
        String resource = "/META-INF/maven/org.webjars.npm/" + artifactId + "/pom.properties";
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the portal jar");
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    private static Asset load(String name, String contentType) {
        return loadResource("/web/" + name, contentType);
    }

    private static Asset loadResource(String resource, String contentType) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the portal jar");
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!HttpResponses.readOnly(exchange, json)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/favicon.ico")) {
            path = "/favicon.svg";
        }
        Asset asset = assets.get(path);
        if (asset == null) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            HttpResponses.send(exchange, 404, "text/plain; charset=utf-8",
                    "404 not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        HttpResponses.send(exchange, 200, asset.contentType(), asset.body());
    }
}

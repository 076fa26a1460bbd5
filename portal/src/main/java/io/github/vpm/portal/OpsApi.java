package io.github.vpm.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.portal.ops.FiringAlert;
import io.github.vpm.portal.ops.OpsPanel;
import io.github.vpm.portal.ops.OpsPanels;
import io.github.vpm.portal.ops.PanelData;
import io.github.vpm.portal.ops.PrometheusClient;
import io.github.vpm.portal.ops.PrometheusException;
import io.github.vpm.portal.ops.TimeRange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations page's API: {@code /api/ops/panels} (whether Prometheus is configured, and the panels),
 * {@code /api/ops/series?panel=ID} (one panel's fixed queries over the last hour) and
 * {@code /api/ops/alerts} (the firing alerts with their annotations). Only the named panels' queries
 * ever reach Prometheus: there is no PromQL passthrough.
 */
final class OpsApi implements HttpHandler {

    static final String PATH = "/api/ops/";
    private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);

    private final Optional<PrometheusClient> prometheus;
    private final VehicleJson json;
    private final ObjectMapper mapper;
    private final Clock clock;

    OpsApi(Optional<PrometheusClient> prometheus, VehicleJson json, ObjectMapper mapper, Clock clock) {
        this.prometheus = prometheus;
        this.json = json;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!HttpResponses.readOnly(exchange, json)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case PATH + "panels" -> HttpResponses.json(exchange, 200, json, panels());
            case PATH + "series" -> series(exchange);
            case PATH + "alerts" -> alerts(exchange);
            default -> HttpResponses.error(exchange, 404, json, "no such resource: " + path);
        }
    }

    private ObjectNode panels() {
        ObjectNode node = mapper.createObjectNode();
        node.put("configured", prometheus.isPresent());
        prometheus.ifPresent(p -> node.put("prometheus", p.endpoint().url().toString()));
        node.put("windowSeconds", TimeRange.WINDOW.toSeconds());
        ArrayNode list = node.putArray("panels");
        for (OpsPanel panel : OpsPanels.ALL) {
            ObjectNode p = list.addObject();
            p.put("id", panel.id());
            p.put("title", panel.title());
            p.put("unit", panel.unit().symbol());
        }
        return node;
    }

    private void series(HttpExchange exchange) throws IOException {
        String id = param(exchange.getRequestURI().getRawQuery(), "panel").orElse("");
        Optional<OpsPanel> panel = OpsPanels.byId(id);
        if (panel.isEmpty()) {
            HttpResponses.error(exchange, 404, json, "no panel " + quoted(id) + "; panels: "
                    + OpsPanels.ALL.stream().map(OpsPanel::id).collect(Collectors.joining(", ")));
            return;
        }
        if (notConfigured(exchange)) {
            return;
        }
        try {
            PanelData data = prometheus.get().panel(panel.get(), TimeRange.lastHour(clock.instant()));
            HttpResponses.json(exchange, 200, json, panelJson(data));
        } catch (PrometheusException e) {
            unavailable(exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpResponses.error(exchange, 503, json, "shutting down");
        }
    }

    private void alerts(HttpExchange exchange) throws IOException {
        if (notConfigured(exchange)) {
            return;
        }
        try {
            List<FiringAlert> firing = prometheus.get().firingAlerts();
            ObjectNode node = mapper.createObjectNode();
            ArrayNode list = node.putArray("alerts");
            for (FiringAlert alert : firing) {
                ObjectNode a = list.addObject();
                a.put("name", alert.name());
                a.put("severity", alert.severity());
                a.put("summary", alert.summary());
                a.put("description", alert.description());
                a.put("activeAt", alert.activeAt());
                ObjectNode labels = a.putObject("labels");
                alert.labels().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> labels.put(e.getKey(), e.getValue()));
            }
            HttpResponses.json(exchange, 200, json, node);
        } catch (PrometheusException e) {
            unavailable(exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpResponses.error(exchange, 503, json, "shutting down");
        }
    }

    private ObjectNode panelJson(PanelData data) {
        ObjectNode node = mapper.createObjectNode();
        node.put("panel", data.panel().id());
        node.put("title", data.panel().title());
        node.put("unit", data.panel().unit().symbol());
        ArrayNode times = node.putArray("times");
        for (int i = 0; i < data.range().points(); i++) {
            times.add(data.range().secondsAt(i));
        }
        ArrayNode series = node.putArray("series");
        for (PanelData.Series s : data.series()) {
            ObjectNode one = series.addObject();
            one.put("name", s.name());
            ArrayNode values = one.putArray("values");
            for (Double v : s.values()) {
                if (v == null) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            }
        }
        return node;
    }

    private boolean notConfigured(HttpExchange exchange) throws IOException {
        if (prometheus.isPresent()) {
            return false;
        }
        HttpResponses.error(exchange, 503, json, "Prometheus is not configured: start the portal with --prometheus-url");
        return true;
    }

    private void unavailable(HttpExchange exchange, PrometheusException e) throws IOException {
        LOG.warn("operations page: {}", e.getMessage());
        HttpResponses.error(exchange, 502, json, e.getMessage());
    }

    static Optional<String> param(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** What a client sent, quoted with control characters escaped, shortened. */
    private static String quoted(String value) {
        return InvalidOptionException.quote(value.length() > 80 ? value.substring(0, 80) + "..." : value);
    }
}

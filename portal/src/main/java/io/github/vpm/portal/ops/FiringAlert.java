package io.github.vpm.portal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A firing alert as Prometheus' {@code /api/v1/alerts} lists it, with the rule's annotations: the
 * {@code summary} and the {@code description}, whose last sentences are the runbook line (what to do).
 */
public record FiringAlert(String name, String severity, String summary, String description, String activeAt,
                          Map<String, String> labels) {

    private static final List<String> SEVERITY_ORDER = List.of("critical", "warning", "info");

    public FiringAlert {
        labels = Map.copyOf(labels);
    }

    /** The firing alerts of an {@code /api/v1/alerts} answer (pending ones are left out), most severe first. */
    public static List<FiringAlert> parse(JsonNode answer) throws PrometheusException {
        JsonNode alerts = PrometheusAnswers.data(answer).path("alerts");
        if (!alerts.isArray()) {
            throw new PrometheusException("no alerts list in the answer");
        }
        List<FiringAlert> firing = new ArrayList<>();
        for (JsonNode alert : alerts) {
            if (!"firing".equals(alert.path("state").asText())) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode annotations = alert.path("annotations");
            firing.add(new FiringAlert(labels.getOrDefault("alertname", "(unnamed)"),
                    labels.getOrDefault("severity", ""),
                    annotations.path("summary").asText(""),
                    annotations.path("description").asText(""),
                    alert.path("activeAt").asText(""),
                    labels));
        }
        firing.sort(Comparator.comparingInt(FiringAlert::severityRank).thenComparing(FiringAlert::name)
                .thenComparing(FiringAlert::summary));
        return firing;
    }

    private int severityRank() {
        int i = SEVERITY_ORDER.indexOf(severity);
        return i < 0 ? SEVERITY_ORDER.size() : i;
    }
}

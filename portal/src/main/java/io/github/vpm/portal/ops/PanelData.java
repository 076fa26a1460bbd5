package io.github.vpm.portal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel's series over one {@link TimeRange}, aligned on its time axis (the shape uPlot draws:
 * one time array, one value array per series, null where a series has no sample).
 */
public record PanelData(OpsPanel panel, TimeRange range, List<Series> series) {

    /** One named line; {@code values[i]} belongs to {@code range.secondsAt(i)}, null = no value. */
    public record Series(String name, Double[] values) {

        public boolean hasValues() {
            for (Double v : values) {
                if (v != null) {
                    return true;
                }
            }
            return false;
        }
    }

    public PanelData {
        series = List.copyOf(series);
    }

    /**
     * Builds the panel's data from each query's query_range answer ({@code answers.get(i)} for
     * {@code panel.queries().get(i)}), series of one query sorted by name.
     */
    public static PanelData of(OpsPanel panel, TimeRange range, List<JsonNode> answers) throws PrometheusException {
        if (answers.size() != panel.queries().size()) {
            throw new IllegalArgumentException(panel.id() + ": " + answers.size() + " answers for "
                    + panel.queries().size() + " queries");
        }
        List<Series> all = new ArrayList<>();
        for (int q = 0; q < answers.size(); q++) {
            OpsQuery query = panel.queries().get(q);
            JsonNode data = PrometheusAnswers.data(answers.get(q));
            if (!"matrix".equals(data.path("resultType").asText())) {
                throw new PrometheusException("expected a matrix for " + query.promql() + ", got "
                        + data.path("resultType").asText("nothing"));
            }
            List<Series> ofQuery = new ArrayList<>();
            for (JsonNode result : data.path("result")) {
                Map<String, String> labels = new LinkedHashMap<>();
                result.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                Double[] values = new Double[range.points()];
                for (JsonNode sample : result.path("values")) {
                    int i = range.index(sample.path(0).asDouble(Double.NaN));
                    if (i >= 0) {
                        values[i] = value(sample.path(1).asText());
                    }
                }
                ofQuery.add(new Series(query.seriesName(labels), values));
            }
            ofQuery.sort(Comparator.comparing(Series::name));
            all.addAll(ofQuery);
        }
        return new PanelData(panel, range, all);
    }

    /** Prometheus writes sample values as strings; NaN and infinities cannot be drawn: no value. */
    private static Double value(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether any series has a value: an empty panel says "no data" on the page. */
    public boolean hasValues() {
        return series.stream().anyMatch(Series::hasValues);
    }
}

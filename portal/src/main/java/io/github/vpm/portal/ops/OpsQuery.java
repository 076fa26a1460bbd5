package io.github.vpm.portal.ops;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PromQL expression of a panel and how its series are named: {@code legend} with {@code {{label}}}
 * placeholders filled from each series' labels (as Grafana's legend format).
 */
public record OpsQuery(String promql, String legend) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");

    public OpsQuery {
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(legend, "legend");
    }

    /** The legend with each placeholder replaced by the label's value (empty if the series lacks it). */
    public String seriesName(Map<String, String> labels) {
        Matcher m = PLACEHOLDER.matcher(legend);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").replace("()", "").strip();
    }
}

package io.github.vpm.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OpsPanelsTest {

    /** The repository's monitoring/ folder: the portal module's tests run in portal/. */
    private static final Path MONITORING = Path.of("..", "monitoring");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without",
            "rate", "increase", "and", "or", "unless", "on", "ignoring");

    @Test
    void thePanelsTheIssueAsksForEachWithAUniqueId() {
        assertThat(OpsPanels.ALL).extracting(OpsPanel::id).doesNotHaveDuplicates().containsExactly(
                "throughput", "dead-letters", "source-lag", "checkpoint-duration", "checkpoint-size",
                "back-pressure", "heap", "broker-messages-in", "partitions");
        assertThat(OpsPanels.byId("heap")).get().extracting(OpsPanel::title).isEqualTo("Heap per JVM");
        assertThat(OpsPanels.byId("up")).isEmpty();
    }

    @Test
    void everyMetricAPanelQueriesIsInARealRecordedScrapeOrIsARecordingRule() throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> scrapes = Files.list(MONITORING.resolve("recorded"))) {
            for (Path scrape : scrapes.filter(p -> p.toString().endsWith(".prom")).toList()) {
                for (String line : Files.readAllLines(scrape)) {
                    Matcher m = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(line);
                    if (!line.startsWith("#") && m.find()) {
                        known.add(m.group(1));
                    }
                }
            }
        }
        Matcher records = Pattern.compile("(?m)^\\s*- record:\\s*(\\S+)")
                .matcher(Files.readString(MONITORING.resolve("prometheus/rules/vpm-recording.yml")));
        while (records.find()) {
            known.add(records.group(1));
        }
        assertThat(known).as("recorded metric names").contains("jvm_memory_used_bytes", "vpm:readings_valid:rate5m");

        for (OpsPanel panel : OpsPanels.ALL) {
            for (OpsQuery query : panel.queries()) {
                assertThat(metricNames(query.promql())).as(panel.id() + ": " + query.promql())
                        .isNotEmpty().allSatisfy(name -> assertThat(known).contains(name));
            }
        }
    }

    @Test
    void metricNamesAreFoundInAQuery() {
        assertThat(metricNames("max by (job, instance) (jvm_memory_used_bytes{area=\"heap\"}) + vpm:x:rate5m"))
                .containsExactlyInAnyOrder("jvm_memory_used_bytes", "vpm:x:rate5m");
    }

    /** Identifiers of a query that are neither PromQL words, label names in by (...) / {...}, nor functions. */
    private static Set<String> metricNames(String promql) {
        String stripped = promql.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(stripped);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void legendsAreFilledFromTheSeriesLabels() {
        OpsQuery query = new OpsQuery("x", "{{job}} {{instance}}");
        assertThat(query.seriesName(Map.of("job", "kafka", "instance", "192.168.56.10:7071")))
                .isEqualTo("kafka 192.168.56.10:7071");
        assertThat(new OpsQuery("x", "readings/s in ({{job_name}})").seriesName(Map.of("job_name", "max-pressure")))
                .isEqualTo("readings/s in (max-pressure)");
        assertThat(new OpsQuery("x", "readings/s in ({{job_name}})").seriesName(Map.of()))
                .isEqualTo("readings/s in");
        assertThat(new OpsQuery("x", "{{topic}}").seriesName(Map.of("topic", "a$1\\b"))).isEqualTo("a$1\\b");
        assertThat(List.of(OpsPanel.Unit.values())).extracting(OpsPanel.Unit::symbol).doesNotHaveDuplicates();
    }
}

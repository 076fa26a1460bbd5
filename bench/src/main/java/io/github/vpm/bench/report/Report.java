package io.github.vpm.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The harness's results as text: one table for throughput, one for latency, then the ratios line. */
public final class Report {

    public record ThroughputResult(String system, int round, double recordsPerSecond, double seconds, long maxima,
                                   long deadLetters, long nonIncreasing) {}

    public record LatencyResult(String setting, int round, long p50, long p99, int samples, double load) {}

    /** Median and range of one system's or setting's runs. */
    public record Summary(String name, int runs, double median, double min, double max) {
        double spreadPercent() {
            return median == 0 ? 0 : (max - min) / median * 100;
        }
    }

    private final long readings;
    private final List<ThroughputResult> throughput;
    private final List<LatencyResult> latency;
    private final int latencyRate;

    public Report(long readings, List<ThroughputResult> throughput, List<LatencyResult> latency, int latencyRate) {
        this.readings = readings;
        this.throughput = List.copyOf(throughput);
        this.latency = List.copyOf(latency);
        this.latencyRate = latencyRate;
    }

    public List<Summary> throughputSummaries() {
        Map<String, List<Double>> bySystem = new LinkedHashMap<>();
        for (ThroughputResult r : throughput) {
            bySystem.computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r.recordsPerSecond());
        }
        List<Summary> out = new ArrayList<>();
        bySystem.forEach((system, rates) -> out.add(summary(system, rates)));
        return out;
    }

    /** p50 and p99 summaries per setting, in that order. */
    public Map<String, Summary[]> latencySummaries() {
        Map<String, List<Double>> p50 = new LinkedHashMap<>();
        Map<String, List<Double>> p99 = new LinkedHashMap<>();
        for (LatencyResult r : latency) {
            p50.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add((double) r.p50());
            p99.computeIfAbsent(r.setting(), k -> new ArrayList<>()).add((double) r.p99());
        }
        Map<String, Summary[]> out = new LinkedHashMap<>();
        p50.forEach((setting, values) -> out.put(setting,
                new Summary[] {summary(setting, values), summary(setting, p99.get(setting))}));
        return out;
    }

    private static Summary summary(String name, List<Double> values) {
        return new Summary(name, values.size(), Stats.median(values), Stats.min(values), Stats.max(values));
    }

    /**
     * {@code ratios: job/ceiling=X.XX job/kafka-streams=Y.YY}: the job over each baseline that ran in
     * this report (a scale run has no Kafka Streams, and a NaN there only looked like a failure).
     */
    String ratiosLine() {
        StringBuilder line = new StringBuilder("ratios:");
        for (String baseline : List.of("ceiling", "kafka-streams")) {
            if (find(baseline) != null) {
                line.append(String.format(" job/%s=%.2f", baseline, ratio(baseline)));
            }
        }
        return line.toString();
    }

    /** The job (defaults) over another system's median, or NaN if either did not run. */
    public double ratio(String system) {
        return median("job") / median(system);
    }

    /** A system's median readings/s, or NaN if it did not run. */
    public double median(String system) {
        Summary s = find(system);
        return s == null ? Double.NaN : s.median();
    }

    /**
     * The cost of TLS and SASL: each system's median on the SASL_SSL broker over its median on the
     * plaintext one, then the line {@code security: plaintext_job=.. sasl_ssl_job=.. plaintext_ceiling=..
     * sasl_ssl_ceiling=.. sasl_ssl/plaintext=X.XX} (readings/s, medians of the runs; the ratio is the
     * job's; NaN for a system that did not run).
     */
    public static String securityComparison(Report plaintext, Report saslSsl) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("cost of TLS + SASL (median readings/s on each broker)%n"));
        out.append(String.format("%-20s %14s %14s %20s%n", "system", "plaintext", "sasl_ssl", "sasl_ssl/plaintext"));
        for (Summary s : plaintext.throughputSummaries()) {
            double secured = saslSsl.median(s.name());
            out.append(String.format("%-20s %14.0f %14.0f %20.2f%n", s.name(), s.median(), secured,
                    secured / s.median()));
        }
        out.append('\n');
        out.append(String.format("security: plaintext_job=%.0f sasl_ssl_job=%.0f plaintext_ceiling=%.0f"
                        + " sasl_ssl_ceiling=%.0f sasl_ssl/plaintext=%.2f%n", plaintext.median("job"),
                saslSsl.median("job"), plaintext.median("ceiling"), saslSsl.median("ceiling"),
                saslSsl.median("job") / plaintext.median("job")));
        return out.toString();
    }

    private Summary find(String system) {
        return throughputSummaries().stream().filter(s -> s.name().equals(system)).findFirst().orElse(null);
    }

    public String render(String conditions) {
        StringBuilder out = new StringBuilder();
        out.append(conditions).append('\n').append('\n');
        out.append(String.format("throughput (%d readings, from ready to last output committed and visible)%n",
                readings));
        out.append(String.format("%-20s %4s %14s %14s %14s %8s%n", "system", "runs", "median rec/s", "min rec/s",
                "max rec/s", "spread"));
        for (Summary s : throughputSummaries()) {
            out.append(String.format("%-20s %4d %14.0f %14.0f %14.0f %7.1f%%%n", s.name(), s.runs(), s.median(),
                    s.min(), s.max(), s.spreadPercent()));
        }
        out.append('\n');
        for (ThroughputResult r : throughput) {
            out.append(String.format("  run %d %-18s %10.0f rec/s %8.2f s %8d maxima %6d dead letters%n", r.round(),
                    r.system(), r.recordsPerSecond(), r.seconds(), r.maxima(), r.deadLetters()));
        }
        if (!latency.isEmpty()) {
            out.append('\n');
            out.append(String.format("end-to-end latency at %d readings/s (produced -> maximum visible to a"
                    + " read_committed reader)%n", latencyRate));
            out.append(String.format("%-38s %4s %10s %16s %10s %16s%n", "setting", "runs", "p50 ms", "p50 range",
                    "p99 ms", "p99 range"));
            latencySummaries().forEach((setting, s) -> out.append(String.format(
                    "%-38s %4d %10.0f %16s %10.0f %16s%n", setting, s[0].runs(), s[0].median(),
                    (long) s[0].min() + ".." + (long) s[0].max(), s[1].median(),
                    (long) s[1].min() + ".." + (long) s[1].max())));
            for (LatencyResult r : latency) {
                out.append(String.format("  run %d %-38s p50 %6d ms p99 %6d ms %7d maxima, load %.0f/s%n", r.round(),
                        r.setting(), r.p50(), r.p99(), r.samples(), r.load()));
            }
            if (latency.stream().anyMatch(r -> r.load() < 0.95 * latencyRate)) {
                out.append(String.format("  NOTE: in some runs the load generator fell below 95%% of %d readings/s:"
                        + " the machine was saturated and those latencies include its backlog.%n", latencyRate));
            }
        }
        out.append('\n');
        out.append(ratiosLine()).append('\n');
        return out.toString();
    }
}

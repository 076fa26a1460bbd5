package io.github.vpm.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** One scrape of an exporter's /metrics in the Prometheus text format, parsed into samples. */
record Scrape(String text, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Fetches http://127.0.0.1:port/metrics; empty if nothing answers (yet). */
    static Optional<Scrape> fetch(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples.add(parseLine(line));
        }
        return new Scrape(text, List.copyOf(samples));
    }

    private static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, line.indexOf(' ')), Map.of(), parseValue(line.substring(space + 1)));
        }
        String name = line.substring(0, brace);
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // skip ="
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    j++;
                    c = line.charAt(j) == 'n' ? '\n' : line.charAt(j);
                }
                value.append(c);
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        String rest = line.substring(i + 1).trim();
        return new Sample(name, labels, parseValue(rest.split(" ")[0]));
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    List<Sample> matching(Predicate<Sample> p) {
        return samples.stream().filter(p).toList();
    }

    /** Sum of a metric's values (0 if absent), e.g. a counter over all subtasks. */
    double sum(String name) {
        return named(name).stream().mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    Set<String> labelNames() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.addAll(s.labels().keySet()));
        return names;
    }
}

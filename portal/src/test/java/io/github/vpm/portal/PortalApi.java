package io.github.vpm.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small client of a running portal's JSON API, for integration tests. */
final class PortalApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    PortalApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return MAPPER.readTree(response.body());
    }

    /** vehicleId -> vehicle JSON, from {@code /api/vehicles}. */
    Map<String, JsonNode> vehicles() throws IOException, InterruptedException {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        json("/api/vehicles").get("vehicles").forEach(v -> result.put(v.get("vehicleId").asText(), v));
        return result;
    }

    JsonNode vehicle(String vehicleId) throws IOException, InterruptedException {
        return json("/api/vehicles/" + URLEncoder.encode(vehicleId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    String state() throws IOException, InterruptedException {
        return json("/api/status").get("state").asText();
    }
}

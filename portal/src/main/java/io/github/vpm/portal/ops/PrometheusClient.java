package io.github.vpm.portal.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;

/**
 * Reads Prometheus' HTTP API for the operations page: the panels' fixed queries over a range, and the
 * alerts. Server-side, so the browser never needs to reach Prometheus and credentials stay here.
 */
public final class PrometheusClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final PrometheusEndpoint endpoint;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public PrometheusClient(PrometheusEndpoint endpoint, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.mapper = mapper;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        // A cluster's own CA (--prometheus-ca) for this client only; otherwise the JVM's trust store.
        endpoint.ca().ifPresent(ca -> http.sslContext(ca.sslContext()));
        this.http = http.build();
    }

    public PrometheusEndpoint endpoint() {
        return endpoint;
    }

    /** Every query of {@code panel} over {@code range}, aligned on the range's time axis. */
    public PanelData panel(OpsPanel panel, TimeRange range) throws PrometheusException, InterruptedException {
        List<JsonNode> answers = new ArrayList<>();
        for (OpsQuery query : panel.queries()) {
            answers.add(get("api/v1/query_range?query=" + URLEncoder.encode(query.promql(), StandardCharsets.UTF_8)
                    + "&start=" + range.startSeconds() + "&end=" + range.endSeconds()
                    + "&step=" + range.stepSeconds()));
        }
        return PanelData.of(panel, range, answers);
    }

    public List<FiringAlert> firingAlerts() throws PrometheusException, InterruptedException {
        return FiringAlert.parse(get("api/v1/alerts"));
    }

    private JsonNode get(String pathAndQuery) throws PrometheusException, InterruptedException {
        URI uri = endpoint.api(pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET();
        endpoint.credentials().ifPresent(c -> request.header("Authorization", c.authorization()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLHandshakeException e) {
            throw new PrometheusException("cannot reach Prometheus at " + endpoint.url() + ": TLS handshake failed ("
                    + e.getMessage() + ")" + (endpoint.ca().isPresent() ? ""
                    : "; if its certificate is from a CA of your own, give it with " + PrometheusEndpoint.CA_OPTION), e);
        } catch (IOException e) {
            throw new PrometheusException("cannot reach Prometheus at " + endpoint.url() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new PrometheusException("Prometheus at " + endpoint.url() + " answered HTTP " + status
                    + (endpoint.credentials().isPresent() ? ": check the credentials of " + PrometheusCredentials.OPTION
                    : ": it needs credentials (" + PrometheusCredentials.OPTION + ")"));
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new PrometheusException("Prometheus at " + endpoint.url() + " answered HTTP " + status
                    + " without JSON: is the URL Prometheus' own?");
        }
        if (status / 100 != 2) {
            // The API's errors (400, 422, 503) carry {"status":"error","error":...}.
            PrometheusAnswers.data(body);
            throw new PrometheusException("Prometheus at " + endpoint.url() + " answered HTTP " + status);
        }
        return body;
    }
}

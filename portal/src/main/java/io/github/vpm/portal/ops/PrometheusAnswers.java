package io.github.vpm.portal.ops;

import com.fasterxml.jackson.databind.JsonNode;

/** The envelope of every Prometheus HTTP API answer: {@code {"status": "success"|"error", "data"|"error"}}. */
final class PrometheusAnswers {

    private PrometheusAnswers() {
    }

    /** The {@code data} of a successful answer; an error answer or anything else is an exception. */
    static JsonNode data(JsonNode answer) throws PrometheusException {
        String status = answer.path("status").asText("");
        if (status.equals("success") && answer.has("data")) {
            return answer.get("data");
        }
        if (status.equals("error")) {
            throw new PrometheusException(answer.path("errorType").asText("error") + ": "
                    + answer.path("error").asText("(no message)"));
        }
        throw new PrometheusException("not a Prometheus API answer (no status/data)");
    }
}

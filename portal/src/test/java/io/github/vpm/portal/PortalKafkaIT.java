package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vpm.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The portal against a real ZooKeeper + Kafka 3.9 broker: committed maxima only, rebuilt on restart. */
class PortalKafkaIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * Event times close to now: the record timestamp is the event time (CONTRACT), and a record more
     * than segment.ms (7 days) older than the broker's clock rolls the segment, after which
     * compaction may legitimately drop superseded maxima and make the history below nondeterministic.
     */
    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static PortalOptions options(String topic) {
        return PortalOptions.parse(Map.of(), "--bootstrap-servers", KAFKA.bootstrapServers(), "--topic", topic,
                "--bind", "127.0.0.1", "--port", "0", "--history", "10");
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Properties p = KAFKA.clientProperties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "portal-it-" + UUID.randomUUID());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    private static ProducerRecord<String, String> maximum(String topic, String vehicle, String sensor, long pascals,
                                                          int secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new ProducerRecord<>(topic, null, at.toEpochMilli(), vehicle,
                Maxima.json(vehicle, sensor, pascals, 25.5, at));
    }

    @Test
    void showsCommittedMaximaOnlyAndRebuildsTheViewOnRestart() throws Exception {
        String topic = "vehicle_pressure_max-committed";
        KAFKA.createTopic(topic, 4, Map.of("cleanup.policy", "compact"));

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.beginTransaction();
            producer.send(maximum(topic, "HONDA 231", "honda23100", 850_000, 0));
            producer.send(maximum(topic, "HONDA 231", "honda23101", 950_000, 5));
            producer.send(maximum(topic, "BMW 7", "bmw700", 700_000, 3));
            producer.commitTransaction();

            // An aborted transaction of the job: nothing of it may ever show.
            producer.beginTransaction();
            producer.send(maximum(topic, "HONDA 231", "honda23102", 9_999_999, 10));
            producer.send(maximum(topic, "GHOST 1", "ghost100", 5_000_000, 10));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(maximum(topic, "HONDA 231", "honda23103", 990_000, 20));
            producer.commitTransaction();
        }
        // Not from the job, but possible on a shared topic: skipped, logged, counted.
        KAFKA.produce(topic, "BROKEN 1", "{\"pressureMax\": \"high\"}");

        Map<String, JsonNode> first;
        JsonNode firstHonda;
        try (Portal portal = Portal.start(options(topic))) {
            PortalApi api = new PortalApi(portal.port());
            first = Eventually.await("HONDA 231 at 990 kPa", TIMEOUT, api::vehicles,
                    v -> v.containsKey("HONDA 231") && v.get("HONDA 231").get("pressureMax").asLong() == 990_000);
            Eventually.await("feed live", TIMEOUT, api::state, "LIVE"::equals);
            first = api.vehicles();

            assertThat(first).containsOnlyKeys("BMW 7", "HONDA 231");
            JsonNode honda = first.get("HONDA 231");
            assertThat(honda.get("pressureMaxKpa").asDouble()).isEqualTo(990.0);
            assertThat(honda.get("pressureMaxBar").asDouble()).isEqualTo(9.9);
            assertThat(honda.get("sensorId").asText()).isEqualTo("honda23103");
            assertThat(honda.get("timestamp").asText()).isEqualTo(T0.plusSeconds(20).toString());
            assertThat(first.get("BMW 7").get("pressureMax").asLong()).isEqualTo(700_000);

            firstHonda = api.vehicle("HONDA 231");
            assertThat(firstHonda.get("history")).extracting(p -> p.get("pressureMax").asLong())
                    .containsExactly(850_000L, 950_000L, 990_000L);
            assertThat(api.get("/api/vehicles/GHOST%201").statusCode()).isEqualTo(404);

            JsonNode status = api.json("/api/status");
            assertThat(status.get("malformedRecords").asLong()).isEqualTo(1);
            assertThat(status.get("vehicles").asInt()).isEqualTo(2);
        }

        // A restart reads the topic from the beginning again and ends with the same view.
        try (Portal restarted = Portal.start(options(topic))) {
            PortalApi api = new PortalApi(restarted.port());
            Eventually.await("feed live after restart", TIMEOUT, api::state, "LIVE"::equals);
            Map<String, JsonNode> again = api.vehicles();
            assertThat(again.keySet()).containsExactlyElementsOf(first.keySet());
            for (String id : first.keySet()) {
                assertThat(withoutReceivedAt(again.get(id))).isEqualTo(withoutReceivedAt(first.get(id)));
            }
            assertThat(api.vehicle("HONDA 231").get("history")).isEqualTo(firstHonda.get("history"));

            // ...and keeps following the topic live.
            try (KafkaProducer<String, String> producer = transactionalProducer()) {
                producer.beginTransaction();
                producer.send(maximum(topic, "AUDI 20", "audi2000", 1_050_000, 30));
                producer.commitTransaction();
            }
            JsonNode audi = Eventually.await("AUDI 20 appears", TIMEOUT, api::vehicles, v -> v.containsKey("AUDI 20"))
                    .get("AUDI 20");
            assertThat(audi.get("pressureMaxKpa").asDouble()).isEqualTo(1050.0);
            assertThat(audi.get("pressureMaxBar").asDouble()).isEqualTo(10.5);

            // A tombstone deletes the vehicle.
            KAFKA.produce(topic, "BMW 7", null);
            Eventually.await("BMW 7 removed", TIMEOUT, api::vehicles, v -> !v.containsKey("BMW 7"));
        }
    }

    @Test
    void waitsForAMissingTopicAndAnUnreachableBrokerWhileServing() throws Exception {
        String topic = "vehicle_pressure_max-late";
        try (Portal portal = Portal.start(options(topic))) {
            PortalApi api = new PortalApi(portal.port());
            JsonNode waiting = Eventually.await("waiting for the missing topic", TIMEOUT,
                    () -> api.json("/api/status"), s -> s.get("state").asText().equals("WAITING"));
            assertThat(waiting.get("detail").asText()).contains(topic);
            assertThat(api.get("/").statusCode()).isEqualTo(200);

            KAFKA.createTopic(topic, 4, Map.of("cleanup.policy", "compact"));
            KAFKA.produce(topic, "KIA 5", Maxima.json("KIA 5", "kia500", 600_000, null, T0));
            Eventually.await("KIA 5 appears once the topic exists", TIMEOUT, api::vehicles,
                    v -> v.containsKey("KIA 5"));

            KAFKA.stopBroker();
            try {
                Eventually.await("waiting while the broker is down", TIMEOUT, api::state, "WAITING"::equals);
                assertThat(api.vehicles()).containsKey("KIA 5");
            } finally {
                KAFKA.startBroker();
            }
            Eventually.await("live again after the broker is back", TIMEOUT, api::state, "LIVE"::equals);
            KAFKA.produce(topic, "KIA 5", Maxima.json("KIA 5", "kia501", 650_000, 20.0, T0.plusSeconds(60)));
            Eventually.await("new maximum after the outage", TIMEOUT, api::vehicles,
                    v -> v.get("KIA 5").get("pressureMax").asLong() == 650_000);
        }
    }

    private static JsonNode withoutReceivedAt(JsonNode vehicle) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = vehicle.deepCopy();
        copy.remove("receivedAt");
        return copy;
    }
}

package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.portal.ops.PrometheusCredentials;
import io.github.vpm.portal.ops.PrometheusEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalOptionsTest {

    @Test
    void defaultsMatchTheContract() {
        PortalOptions o = PortalOptions.parse(Map.of());
        assertThat(o.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(o.topic()).isEqualTo("vehicle_pressure_max");
        assertThat(o.bind()).isEqualTo("0.0.0.0");
        assertThat(o.port()).isEqualTo(8088);
        assertThat(o.history()).isEqualTo(PortalOptions.DEFAULT_HISTORY);
        assertThat(o.maxVehicles()).isEqualTo(1_000_000);
        assertThat(o.help()).isFalse();
    }

    @Test
    void environmentSuppliesBrokersAndTheCommandLineWins() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
        assertThat(PortalOptions.parse(env).bootstrapServers()).isEqualTo("broker:9092");
        assertThat(PortalOptions.parse(env, "--bootstrap-servers", "a:1,b:2").bootstrapServers()).isEqualTo("a:1,b:2");
    }

    @Test
    void readsEveryOption() {
        PortalOptions o = PortalOptions.parse(Map.of(), "--topic", "maxima", "--bind", "127.0.0.1", "--port", "0",
                "--history", "5", "--bootstrap-servers", "localhost:19092", "--max-vehicles", "1000");
        assertThat(o).isEqualTo(new PortalOptions("localhost:19092", KafkaClientSettings.NONE, "maxima", "127.0.0.1", 0, 5, 1000,
                Optional.empty(), false));
    }

    @Test
    void kafkaPropertiesAreMergedIntoTheConsumerUnderItsOwnSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("portal.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nssl.truststore.type=PEM\nclient.id=mine\n");
        PortalOptions o = PortalOptions.parse(Map.of(), "--kafka-properties", file.toString());
        assertThat(o.kafkaSettings().asMap()).containsOnlyKeys("security.protocol", "ssl.truststore.type", "client.id");
        assertThat(PortalOptions.parse(Map.of()).kafkaSettings()).isEqualTo(KafkaClientSettings.NONE);

        Properties consumer = MaximaConsumer.consumerProperties("b:1", o.kafkaSettings());
        assertThat(consumer)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                // A setting the portal makes itself wins over the file's.
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "vpm-portal")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:1");
    }

    @Test
    void kafkaPropertiesMustNotTouchWhatThePortalReliesOn(@TempDir Path dir) throws Exception {
        for (String key : PortalOptions.RESERVED_KAFKA_SETTINGS) {
            Path file = dir.resolve(key + ".properties");
            Files.writeString(file, key + "=x\n");
            assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--kafka-properties", file.toString()))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessage("--kafka-properties: " + key + " is set by the portal itself and cannot be"
                            + " overridden (in \"" + file + "\")");
        }
        assertThat(PortalOptions.RESERVED_KAFKA_SETTINGS).contains("isolation.level", "group.id",
                "key.deserializer", "value.deserializer", "bootstrap.servers");
        assertThat(PortalOptions.USAGE).contains("--kafka-properties FILE");
    }

    @Test
    void helpStopsParsing() {
        assertThat(PortalOptions.parse(Map.of(), "--help", "--port", "nonsense").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|abc|--port: expected an integer",
        "--port|70000|--port: expected 0..65535",
        "--port|-1|--port: expected 0..65535",
        "--history|0|--history: expected 1..",
        "--history|many|--history: expected an integer",
        "--max-vehicles|0|--max-vehicles: expected 1..100000000",
        "--max-vehicles|100000001|--max-vehicles: expected 1..100000000",
        "--max-vehicles|lots|--max-vehicles: expected an integer",
        "--bootstrap-servers|localhost|--bootstrap-servers: expected host:port",
        "--bootstrap-servers|host:port|--bootstrap-servers: expected an integer",
        "--topic|' '|--topic: must not be empty",
        "--bind|''|--bind: must not be empty",
        "--colour|blue|--colour: unknown option",
        "--prometheus-url|prometheus:9090|--prometheus-url: expected an http(s) URL",
        "--prometheus-url|ftp://prometheus:9090|--prometheus-url: expected an http(s) URL",
        "--prometheus-url|http://prometheus:9090/?q=1|--prometheus-url: expected an http(s) URL",
        "--prometheus-url|http://admin:secret@prometheus:9090|--prometheus-url: no user or password in the URL",
        "--prometheus-url|' '|--prometheus-url: must not be empty",
        "--prometheus-auth-file|/etc/passwd|--prometheus-auth-file: needs --prometheus-url",
    })
    void badValuesFailWithOneLineNamingTheOption(String option, String value, String message) {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), option, value))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingValueNamesTheOption() {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--port"))
                .hasMessage("--port: missing value");
    }

    @Test
    void strayArgumentIsRejected() {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "8088"))
                .hasMessage("unexpected argument \"8088\": options look like --name value");
    }

    @Test
    void prometheusIsOptionalAndKeptWithATrailingSlash() {
        assertThat(PortalOptions.parse(Map.of()).prometheus()).isEmpty();
        PrometheusEndpoint p = PortalOptions.parse(Map.of(), "--prometheus-url", "http://192.168.56.11:9090")
                .prometheus().orElseThrow();
        assertThat(p.url()).hasToString("http://192.168.56.11:9090/");
        assertThat(p.credentials()).isEmpty();
        assertThat(p.api("api/v1/alerts")).hasToString("http://192.168.56.11:9090/api/v1/alerts");
        PrometheusEndpoint prefixed = PortalOptions.parse(Map.of(), "--prometheus-url", "https://ops.example/prometheus")
                .prometheus().orElseThrow();
        assertThat(prefixed.api("api/v1/alerts")).hasToString("https://ops.example/prometheus/api/v1/alerts");
    }

    @Test
    void credentialsComeFromTheAuthFileAndNeverShow(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("prometheus.auth"), "\nops:s3cret:with-colon\n");
        PrometheusEndpoint p = PortalOptions.parse(Map.of(), "--prometheus-url", "http://prom:9090",
                "--prometheus-auth-file", file.toString()).prometheus().orElseThrow();
        PrometheusCredentials c = p.credentials().orElseThrow();
        assertThat(c.user()).isEqualTo("ops");
        assertThat(c.password()).isEqualTo("s3cret:with-colon");
        assertThat(c.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("ops:s3cret:with-colon".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(c.toString()).doesNotContain("s3cret");
        assertThat(p.toString()).doesNotContain("s3cret");
    }

    @Test
    void aMissingOrMalformedAuthFileIsABadOption(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--prometheus-url", "http://prom:9090",
                "--prometheus-auth-file", missing.toString()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("--prometheus-auth-file: cannot read " + missing)
                .hasMessageNotContaining("\n");
        Path noColon = Files.writeString(dir.resolve("bad"), "justapassword\n");
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--prometheus-url", "http://prom:9090",
                "--prometheus-auth-file", noColon.toString()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--prometheus-auth-file: " + noColon + " must hold one line user:password");
    }
}

package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.portal.ops.PrometheusCredentials;
import io.github.vpm.portal.ops.PrometheusEndpoint;
import io.github.vpm.portal.security.PortalUsers;
import io.github.vpm.testkit.LoopbackCertificates;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalOptionsTest {

    /** A CA-signed loopback certificate with a PKCS#8 key, made once for the class. */
    private static LoopbackCertificates certs;

    @BeforeAll
    static void makeCertificates(@TempDir Path dir) {
        certs = LoopbackCertificates.create(dir.resolve("tls"), "portal", "changeit");
    }

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
                Optional.empty(), Optional.empty(), Optional.empty(), false));
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
        "--port|abc|--port: expected a whole number from 0 to 65535",
        "--port|70000|--port: expected a whole number from 0 to 65535",
        "--port|-1|--port: expected a whole number from 0 to 65535",
        "--history|0|--history: expected a whole number from 1 to ",
        "--history|many|--history: expected a whole number from 1 to ",
        "--max-vehicles|0|--max-vehicles: expected a whole number from 1 to 100000000",
        "--max-vehicles|100000001|--max-vehicles: expected a whole number from 1 to 100000000",
        "--max-vehicles|lots|--max-vehicles: expected a whole number from 1 to 100000000",
        "--bootstrap-servers|localhost|--bootstrap-servers: expected host:port",
        "--bootstrap-servers|host:port|--bootstrap-servers: expected host:port[,host:port...]",
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

    // ---------------------------------------------------------------- HTTPS and passwords

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(PortalOptionsTest.class.getResource("/tls/" + name).toURI()).toString();
    }

    private static Path users(Path dir, String content) throws Exception {
        return Files.writeString(dir.resolve("users"), content, StandardCharsets.UTF_8);
    }

    @Test
    void withoutTlsOptionsThePortalServesPlainHttpToAnyone() {
        PortalOptions o = PortalOptions.parse(Map.of());
        assertThat(o.tls()).isEmpty();
        assertThat(o.users()).isEmpty();
    }

    @Test
    void tlsAndUsersAreReadAtStart(@TempDir Path dir) throws Exception {
        Path file = users(dir, "# portal users\n\nops:s3cret:with-colon\n  viewer:p\u00e4ss  \n");
        PortalOptions o = PortalOptions.parse(Map.of(), "--tls-cert", certs.certificateChainPem().toString(),
                "--tls-key", certs.privateKeyPem().toString(), "--users-file", file.toString());
        assertThat(o.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(tls.sslContext().getProtocol()).isEqualTo("TLS");
            assertThat(tls.toString()).startsWith("CN=localhost (issued by CN=vpm test CA, valid until ");
        });
        PortalUsers users = o.users().orElseThrow();
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.toString()).isEqualTo(file + " (2 users)").doesNotContain("s3cret");
        assertThat(users.check(bytes("ops"), bytes("s3cret:with-colon"))).isTrue();
        assertThat(users.check(bytes("viewer"), bytes("p\u00e4ss"))).as("UTF-8, as browsers send it").isTrue();
        assertThat(users.check(bytes("ops"), bytes("s3cret"))).isFalse();
        assertThat(users.check(bytes("ops"), bytes(""))).isFalse();
        assertThat(users.check(bytes("nobody"), bytes("s3cret:with-colon"))).isFalse();
        assertThat(users.check(bytes("# portal users"), bytes(""))).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void traditionalOpenSslKeysAreAcceptedToo() throws Exception {
        for (String kind : new String[] {"rsa", "ec"}) {
            PortalOptions o = PortalOptions.parse(Map.of(), "--tls-cert", fixture(kind + "-cert.pem"),
                    "--tls-key", fixture(kind + (kind.equals("rsa") ? "-pkcs1" : "-sec1") + "-key.pem"));
            assertThat(o.tls()).as(kind).hasValueSatisfying(tls ->
                    assertThat(tls.certificate().getPublicKey().getAlgorithm()).isEqualToIgnoringCase(kind));
        }
    }

    @Test
    void aPasswordOverPlainHttpIsRefusedUnlessOnLoopback(@TempDir Path dir) throws Exception {
        Path file = users(dir, "ops:secret\n");
        for (String bind : new String[] {"127.0.0.1", "::1", "localhost", "127.0.0.2"}) {
            assertThat(PortalOptions.parse(Map.of(), "--bind", bind, "--users-file", file.toString()).users())
                    .as(bind).isPresent();
        }
        for (String[] bind : new String[][] {{}, {"--bind", "0.0.0.0"}, {"--bind", "192.168.56.11"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(bind),
                    java.util.stream.Stream.of("--users-file", file.toString())).toArray(String[]::new);
            assertThatThrownBy(() -> PortalOptions.parse(Map.of(), args))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessage("--users-file: needs --tls-cert and --tls-key unless --bind is a loopback address (got \""
                            + (bind.length == 0 ? "0.0.0.0" : bind[1])
                            + "\"): a password must not cross the network in plain text");
        }
        assertThat(PortalOptions.parse(Map.of(), "--bind", "0.0.0.0", "--users-file", file.toString(),
                "--tls-cert", certs.certificateChainPem().toString(), "--tls-key", certs.privateKeyPem().toString())
                .users()).isPresent();
    }

    @Test
    void bothTlsFilesOrNeither() {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--tls-cert", certs.certificateChainPem().toString()))
                .isInstanceOf(InvalidOptionException.class).hasMessage("--tls-cert: needs --tls-key");
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), "--tls-key", certs.privateKeyPem().toString()))
                .isInstanceOf(InvalidOptionException.class).hasMessage("--tls-key: needs --tls-cert");
    }

    @Test
    void badTlsFilesFailWithOneLineNamingTheOptionAndTheFile(@TempDir Path dir) throws Exception {
        String cert = certs.certificateChainPem().toString();
        String key = certs.privateKeyPem().toString();
        String missing = dir.resolve("missing.pem").toString();
        String garbage = Files.writeString(dir.resolve("garbage.pem"), "not PEM at all\n").toString();
        String badBase64 = Files.writeString(dir.resolve("bad64.pem"),
                "-----BEGIN CERTIFICATE-----\nMII=A\n-----END CERTIFICATE-----\n").toString();
        String badCert = Files.writeString(dir.resolve("badcert.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n").toString();
        String badKey = Files.writeString(dir.resolve("badkey.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").toString();
        String twoKeys = Files.writeString(dir.resolve("twokeys.pem"),
                Files.readString(Path.of(key)) + Files.readString(Path.of(key))).toString();
        assertBad("--tls-cert: no such file \"" + missing + "\"", "--tls-cert", missing, "--tls-key", key);
        assertBad("--tls-key: no such file \"" + missing + "\"", "--tls-cert", cert, "--tls-key", missing);
        assertBad("--tls-cert: cannot read \"" + dir + "\"", "--tls-cert", dir.toString(), "--tls-key", key);
        assertBad("--tls-cert: \"" + garbage + "\" holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                "--tls-cert", garbage, "--tls-key", key);
        assertBad("--tls-cert: \"" + key + "\" holds no PEM certificate", "--tls-cert", key, "--tls-key", key);
        assertBad("--tls-cert: \"" + badBase64 + "\" has a CERTIFICATE that is not base64",
                "--tls-cert", badBase64, "--tls-key", key);
        assertBad("--tls-cert: \"" + badCert + "\" holds a malformed certificate", "--tls-cert", badCert, "--tls-key", key);
        assertBad("--tls-key: \"" + garbage + "\" holds no PEM private key (-----BEGIN PRIVATE KEY-----)",
                "--tls-cert", cert, "--tls-key", garbage);
        assertBad("--tls-key: \"" + cert + "\" holds no PEM private key", "--tls-cert", cert, "--tls-key", cert);
        assertBad("--tls-key: \"" + twoKeys + "\" holds 2 private keys, expected one",
                "--tls-cert", cert, "--tls-key", twoKeys);
        assertBad("--tls-key: \"" + badKey + "\" holds a malformed PRIVATE KEY (", "--tls-cert", cert, "--tls-key", badKey);
        assertBad("--tls-key: \"" + fixture("ec-encrypted-key.pem") + "\" holds an encrypted private key; give it"
                + " unencrypted", "--tls-cert", cert, "--tls-key", fixture("ec-encrypted-key.pem"));
        assertBad("--tls-key: \"" + fixture("rsa-pkcs1-key.pem") + "\" is not the key of the first certificate in"
                + " --tls-cert \"" + cert + "\"", "--tls-cert", cert, "--tls-key", fixture("rsa-pkcs1-key.pem"));
        assertBad("--tls-key: \"" + key + "\" is not the key of the first certificate in --tls-cert \""
                + fixture("ec-cert.pem") + "\"", "--tls-cert", fixture("ec-cert.pem"), "--tls-key", key);
        assertBad("--tls-cert: must not be empty", "--tls-cert", " ", "--tls-key", key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ops:secret\\n# a comment\\njust-a-password|line 3: expected user:password",
        "ops:|line 1: expected user:password",
        ":secret|line 1: expected user:password",
        "ops:secret\\nops:other|line 2: user \"ops\" given twice",
        "\\n# nobody yet|names no user (lines user:password)",
    })
    void badUsersFilesFailWithOneLineNamingTheOptionAndTheFileButNoPassword(String content, String problem,
                                                                           @TempDir Path dir) throws Exception {
        Path file = users(dir, content.replace("\\n", "\n") + "\n");
        assertBad("--users-file: \"" + file + "\" " + problem, "--bind", "127.0.0.1", "--users-file", file.toString());
    }

    @Test
    void anUnreadableUsersFileIsOneLineToo(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing");
        assertBad("--users-file: no such file \"" + missing + "\"", "--bind", "127.0.0.1", "--users-file",
                missing.toString());
        Path latin1 = Files.write(dir.resolve("users"), "ops:p\u00e4ss\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBad("--users-file: \"" + latin1 + "\" is not UTF-8", "--bind", "127.0.0.1", "--users-file",
                latin1.toString());
    }

    @Test
    void prometheusCaIsTrustedForAnHttpsUrlOnly(@TempDir Path dir) throws Exception {
        String ca = certs.caPem().toString();
        PrometheusEndpoint p = PortalOptions.parse(Map.of(), "--prometheus-url", "https://127.0.0.1:9090",
                "--prometheus-ca", ca).prometheus().orElseThrow();
        assertThat(p.ca()).hasValueSatisfying(c -> {
            assertThat(c.certificates()).hasSize(1);
            assertThat(c.sslContext().getProtocol()).isEqualTo("TLS");
        });
        assertThat(p.toString()).isEqualTo("https://127.0.0.1:9090/ trusting " + ca + " (1 certificate)");
        assertThat(PortalOptions.parse(Map.of(), "--prometheus-url", "https://prom:9090").prometheus().orElseThrow()
                .ca()).isEmpty();
        assertBad("--prometheus-ca: needs --prometheus-url", "--prometheus-ca", ca);
        assertBad("--prometheus-ca: needs an https --prometheus-url, got \"http://prom:9090/\"",
                "--prometheus-url", "http://prom:9090", "--prometheus-ca", ca);
        String missing = dir.resolve("missing.pem").toString();
        assertBad("--prometheus-ca: no such file \"" + missing + "\"",
                "--prometheus-url", "https://prom:9090", "--prometheus-ca", missing);
        assertBad("--prometheus-ca: \"" + certs.privateKeyPem() + "\" holds no PEM certificate",
                "--prometheus-url", "https://prom:9090", "--prometheus-ca", certs.privateKeyPem().toString());
    }

    @Test
    void usageNamesTheSecurityOptions() {
        assertThat(PortalOptions.USAGE).contains("--tls-cert FILE", "--tls-key FILE", "--users-file FILE",
                "--prometheus-ca FILE");
    }

    private static void assertBad(String messageStart, String... args) {
        assertThatThrownBy(() -> PortalOptions.parse(Map.of(), args))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
    }
}

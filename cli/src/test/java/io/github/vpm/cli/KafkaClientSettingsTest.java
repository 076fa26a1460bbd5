package io.github.vpm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    private static final Set<String> RESERVED = Set.of("isolation.level", "key.deserializer");

    @TempDir
    Path dir;

    @Test
    void readsEverySettingOfTheFile() throws IOException {
        Path file = write("""
                # SASL_SSL with SCRAM
                security.protocol = SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="job" password="pässword";
                ssl.truststore.type=PEM
                """);
        KafkaClientSettings settings = KafkaClientSettings.load(file.toString(), "the job", RESERVED);
        assertThat(settings.asMap()).containsOnly(
                entry("security.protocol", "SASL_SSL"),
                entry("sasl.mechanism", "SCRAM-SHA-512"),
                entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"job\" password=\"pässword\";"),
                entry("ssl.truststore.type", "PEM"));
        assertThat(settings.asProperties()).containsEntry("security.protocol", "SASL_SSL").hasSize(4);
        assertThat(settings.isEmpty()).isFalse();
        assertThat(settings.source()).isEqualTo(file.toString());
    }

    @Test
    void theSettingsCannotBeChangedAfterReading() throws IOException {
        KafkaClientSettings settings = KafkaClientSettings.load(write("a=1\n").toString(), "the job", RESERVED);
        assertThatThrownBy(() -> settings.asMap().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        settings.asProperties().put("b", "2");
        assertThat(settings.asMap()).containsOnlyKeys("a");
    }

    @Test
    void aReservedKeyIsRefusedByName() throws IOException {
        Path file = write("security.protocol=SASL_SSL\nisolation.level=read_uncommitted\n");
        assertThatThrownBy(() -> KafkaClientSettings.load(file.toString(), "the job", RESERVED))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--kafka-properties: isolation.level is set by the job itself and cannot be overridden"
                        + " (in \"" + file + "\")");
    }

    @Test
    void anUnreadableFileIsOneLineNamingTheOption() throws IOException {
        assertThatThrownBy(() -> KafkaClientSettings.load(dir.resolve("missing").toString(), "the job", RESERVED))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--kafka-properties: no such file \"" + dir.resolve("missing") + "\"");
        assertThatThrownBy(() -> KafkaClientSettings.load(" ", "the job", RESERVED))
                .hasMessage("--kafka-properties: expected a Kafka client properties file, got \" \"");
        assertThatThrownBy(() -> KafkaClientSettings.load(dir.toString(), "the job", RESERVED))
                .hasMessageStartingWith("--kafka-properties: cannot read \"" + dir + "\"");

        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, "password=p\u00e4ss\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> KafkaClientSettings.load(latin1.toString(), "the job", RESERVED))
                .hasMessage("--kafka-properties: \"" + latin1 + "\" is not UTF-8");

        Path malformed = write("a=\\uZZZZ\n");
        assertThatThrownBy(() -> KafkaClientSettings.load(malformed.toString(), "the job", RESERVED))
                .hasMessageStartingWith("--kafka-properties: \"" + malformed + "\" is not a properties file: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void secretsNeverShowInToString() throws IOException {
        Path file = write("""
                sasl.jaas.config=ScramLoginModule required username="job" password="s3cret";
                ssl.truststore.password=s3cret
                ssl.keystore.key=s3cret
                security.protocol=SASL_SSL
                """);
        String text = KafkaClientSettings.load(file.toString(), "the job", RESERVED).toString();
        assertThat(text).doesNotContain("s3cret")
                .contains("sasl.jaas.config=(hidden)", "ssl.truststore.password=(hidden)",
                        "ssl.keystore.key=(hidden)", "security.protocol=SASL_SSL");
        assertThat(KafkaClientSettings.NONE).hasToString("none {}");
        assertThat(KafkaClientSettings.NONE.isEmpty()).isTrue();
    }

    @Test
    void equalSettingsFromTheSameFileAreEqual() throws IOException {
        Path file = write("a=1\n");
        assertThat(KafkaClientSettings.load(file.toString(), "x", RESERVED))
                .isEqualTo(KafkaClientSettings.load(file.toString(), "x", RESERVED))
                .hasSameHashCodeAs(KafkaClientSettings.load(file.toString(), "x", RESERVED))
                .isNotEqualTo(KafkaClientSettings.NONE);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "client", ".properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}

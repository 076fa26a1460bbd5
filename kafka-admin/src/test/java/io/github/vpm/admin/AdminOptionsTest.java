package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminOptionsTest {

    private static final String BROKER = "127.0.0.1:9093";

    @TempDir
    Path dir;

    @Test
    void readsEveryOption() throws IOException {
        Path topics = Files.writeString(dir.resolve("topics"), "in 6 1 cleanup.policy=delete\n");
        Path acls = Files.writeString(dir.resolve("acls"), "TOPIC LITERAL in User:job READ\n");
        Path config = Files.writeString(dir.resolve("admin.properties"), "security.protocol=SASL_SSL\n");

        AdminOptions o = AdminOptions.parse("--bootstrap-server", BROKER, "--command-config", config.toString(),
                "--timeout", "45s", "--attempts", "4", "--topics", topics.toString(), "--acls=" + acls,
                "--describe-topics", "in, out,in");

        assertThat(o.bootstrapServer()).isEqualTo(BROKER);
        assertThat(o.commandConfig().asMap()).containsExactly(Map.entry("security.protocol", "SASL_SSL"));
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.attempts()).isEqualTo(4);
        assertThat(o.topics()).hasValueSatisfying(t -> assertThat(t).extracting(DesiredTopic::name).containsExactly("in"));
        assertThat(o.acls()).hasValueSatisfying(a -> assertThat(a).hasSize(1));
        assertThat(o.describeTopics()).containsExactly("in", "out");
        assertThat(o.reconciles()).isTrue();
        assertThat(o.help()).isFalse();
    }

    @Test
    void theDefaultTimeoutIsTwoMinutesAndDescribingAloneChangesNothing() {
        AdminOptions o = AdminOptions.parse("--bootstrap-server", BROKER, "--describe-topics", "in");

        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.attempts()).isEqualTo(1);
        assertThat(o.topics()).isEmpty();
        assertThat(o.acls()).isEmpty();
        assertThat(o.reconciles()).isFalse();
    }

    @Test
    void theAdminClientGetsTheFilesSettingsButTheOptionsBrokersAndTimeouts() throws IOException {
        Path config = Files.writeString(dir.resolve("admin.properties"),
                "security.protocol=SASL_SSL\nbootstrap.servers=elsewhere:1\ndefault.api.timeout.ms=1\n");

        Properties p = AdminOptions.parse("--bootstrap-server", BROKER, "--command-config", config.toString(),
                "--timeout", "2min", "--describe-topics", "in").adminProperties();

        assertThat(p).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", BROKER)
                .containsEntry("default.api.timeout.ms", "120000")
                .containsEntry("request.timeout.ms", "30000")
                .containsEntry("client.id", "vpm-kafka-admin");
        Properties shortTimeout = AdminOptions.parse("--bootstrap-server", BROKER, "--timeout", "3s",
                "--describe-topics", "in").adminProperties();
        assertThat(shortTimeout).containsEntry("default.api.timeout.ms", "3000").containsEntry("request.timeout.ms", "3000");
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(AdminOptions.parse("--nonsense", "--help").help()).isTrue();
        assertThat(AdminOptions.usage()).startsWith("Usage: vpm-kafka-admin --bootstrap-server HOST:PORT")
                .contains("--command-config", "--timeout", "--attempts", "--topics", "--acls", "--describe-topics", "Exit status");
    }

    @Test
    void theBrokersAreRequired() {
        assertThatThrownBy(() -> AdminOptions.parse("--describe-topics", "in"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--bootstrap-server: missing; the brokers to talk to, host:port[,host:port...]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "host:0", "host:70000", "a:1,", ""})
    void refusesBadBrokers(String value) {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", value, "--describe-topics", "in"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--bootstrap-server: expected host:port[,host:port...], got \"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "x", "0s", "-5s", "25d", "3 parsecs"})
    void refusesABadTimeout(String value) {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--timeout", value,
                "--describe-topics", "in"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--timeout: expected a duration such as 30s or 2min, above 0 and up to 24d, got \"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "two", "1.5", ""})
    void refusesBadAttempts(String value) {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--attempts", value,
                "--describe-topics", "in"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--attempts: expected a whole number from 1 to 100, got \"" + value + "\"");
    }

    @Test
    void somethingMustBeAskedFor() {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--timeout", "5s"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("nothing to do: give --topics FILE, --acls FILE, --describe-topics NAME[,NAME...]"
                        + " or --reload-keystore LISTENER=FILE (--help for usage)");
    }

    @Test
    void aKeystoreReloadNamesTheBrokerTheListenerAndTheFile() {
        AdminOptions o = AdminOptions.parse("--bootstrap-server", BROKER, "--broker", "2",
                "--reload-keystore", "SASL_SSL=/etc/kafka/kafka-keystore.pem");

        assertThat(o.keystoreReload()).contains(new KeystoreReload(2, "SASL_SSL", "/etc/kafka/kafka-keystore.pem"));
        assertThat(o.keystoreReload().get().configName()).isEqualTo("listener.name.sasl_ssl.ssl.keystore.location");
        assertThat(o.reconciles()).isTrue();
        assertThat(AdminOptions.parse("--bootstrap-server", BROKER, "--describe-topics", "in").keystoreReload()).isEmpty();
    }

    @Test
    void aKeystoreReloadNeedsItsBrokerAndABrokerNeedsAReload() {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER,
                "--reload-keystore", "SASL_SSL=/etc/kafka/kafka-keystore.pem"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--broker: missing; --reload-keystore needs the broker.id of the broker to reload");
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--broker", "1",
                "--describe-topics", "in"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--broker: only goes with --reload-keystore LISTENER=FILE, which is missing");
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--broker", "-1",
                "--reload-keystore", "SASL_SSL=/k.pem"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--broker: expected a whole number from 0 to 2147483647, got \"-1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SASL_SSL", "SASL_SSL=", "=/k.pem", "SASL_SSL=k.pem", "SASL-SSL=/k.pem", "a.b=/k.pem"})
    void refusesAKeystoreReloadThatIsNotListenerEqualsAbsolutePath(String value) {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--broker", "1",
                "--reload-keystore", value))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--reload-keystore: expected LISTENER=FILE, a listener's name (letters, digits, _) and"
                        + " the key store's absolute path, got \"" + value + "\"");
    }

    @Test
    void refusesUnknownRepeatedAndValuelessOptions() {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--topic", "x"))
                .hasMessage("--topic: unknown option");
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--describe-topics"))
                .hasMessage("--describe-topics: missing value");
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--bootstrap-server", BROKER,
                "--describe-topics", "in"))
                .hasMessage("--bootstrap-server: given more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in,,out", "in/x", ","})
    void refusesBadTopicNamesToDescribe(String value) {
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--describe-topics", value))
                .hasMessage("--describe-topics: expected topic names separated by commas, got \"" + value + "\"");
    }

    @Test
    void anUnreadableFileIsNamedByItsOwnOption() {
        String missing = dir.resolve("missing").toString();

        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--command-config", missing,
                "--describe-topics", "in"))
                .hasMessage("--command-config: no such file \"" + missing + "\"");
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--acls", missing))
                .hasMessage("--acls: no such file \"" + missing + "\"");
        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--topics", missing))
                .hasMessage("--topics: no such file \"" + missing + "\"");
    }

    @Test
    void aMalformedLineOfAFileIsABadOption() throws IOException {
        Path topics = Files.writeString(dir.resolve("topics"), "# topics\n\nin x 1\n");

        assertThatThrownBy(() -> AdminOptions.parse("--bootstrap-server", BROKER, "--topics", topics.toString()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--topics: " + topics + " line 3: partitions must be a positive integer, not 'x'");
    }

    @Test
    void describeTopicsKeepsTheOrderGiven() {
        assertThat(AdminOptions.parse("--bootstrap-server", BROKER, "--describe-topics", "b,a").describeTopics())
                .isEqualTo(List.of("b", "a"));
    }
}

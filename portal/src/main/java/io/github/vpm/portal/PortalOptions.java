package io.github.vpm.portal;

import static io.github.vpm.cli.OptionValues.wholeNumber;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.cli.OptionValues;
import io.github.vpm.portal.ops.PrometheusCredentials;
import io.github.vpm.portal.ops.PrometheusEndpoint;
import io.github.vpm.portal.security.PortalUsers;
import io.github.vpm.portal.security.TlsIdentity;
import io.github.vpm.portal.security.TrustedCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's command line, parsed once, in the shared {@link CommandLine} shape ({@code --name value},
 * the last of a repeated option wins); a bad value fails with one plain line that names the option.
 * Files named by options (Kafka settings, TLS, users, Prometheus' credentials and CA) are read here too.
 *
 * <p>{@code tls}: HTTPS only, no plain listener. {@code users}: every request needs basic auth, which is
 * refused without TLS unless the portal listens on loopback only (a password must not cross a network in
 * plain text; CONTRACT section 4 wants both on every deployed portal).
 */
public record PortalOptions(String bootstrapServers, KafkaClientSettings kafkaSettings, String topic, String bind,
                            int port, int history, int maxVehicles, Optional<PrometheusEndpoint> prometheus,
                            Optional<TlsIdentity> tls, Optional<PortalUsers> users, boolean help) {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_TOPIC = "vehicle_pressure_max";
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_PORT = 8088;
    public static final int DEFAULT_HISTORY = 200;
    /** Keeps memory bounded: history points are per vehicle and there may be many vehicles. */
    public static final int MAX_HISTORY = 100_000;
    public static final int DEFAULT_MAX_VEHICLES = MaximaView.DEFAULT_MAX_VEHICLES;
    /** An int-indexed view; far beyond what one portal's heap holds anyway. */
    public static final int MAX_MAX_VEHICLES = 100_000_000;

    /**
     * Consumer settings the portal sets itself: only committed maxima, every partition from the beginning,
     * no group and no commits (see {@link MaximaConsumer}).
     */
    static final Set<String> RESERVED_KAFKA_SETTINGS = Set.of(
            "bootstrap.servers", "key.deserializer", "value.deserializer", "isolation.level", "group.id",
            "enable.auto.commit", "auto.offset.reset", "allow.auto.create.topics");

    private static final List<String> NAMES = List.of("bootstrap-servers", KafkaClientSettings.OPTION, "topic",
            "bind", "port", "history", "max-vehicles", "tls-cert", "tls-key", "users-file", "prometheus-url",
            "prometheus-auth-file", "prometheus-ca");

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar vpm-portal.jar [options]",
            "  --bootstrap-servers HOST:PORT[,...]  Kafka brokers (default: $KAFKA_BOOTSTRAP_SERVERS or "
                    + DEFAULT_BOOTSTRAP_SERVERS + ")",
            "  --kafka-properties FILE              Kafka client settings (Java properties: security.protocol,",
            "                                       sasl.*, ssl.*); those the portal relies on (isolation.level,",
            "                                       deserializers...) are refused (default: none, PLAINTEXT)",
            "  --topic NAME                         compacted maxima topic (default: " + DEFAULT_TOPIC + ")",
            "  --bind ADDRESS                       address to listen on (default: " + DEFAULT_BIND + ")",
            "  --port N                             HTTP(S) port, 0 = any free port (default: " + DEFAULT_PORT + ")",
            "  --history N                          points kept per vehicle for its chart, 1.." + MAX_HISTORY
                    + " (default: " + DEFAULT_HISTORY + ")",
            "  --max-vehicles N                     vehicles held at most, 1.." + MAX_MAX_VEHICLES
                    + "; beyond, the one updated",
            "                                       longest ago is dropped and counted (default: "
                    + DEFAULT_MAX_VEHICLES + ")",
            "  --tls-cert FILE                      serve HTTPS only: PEM certificate chain, the portal's first",
            "                                       (needs --tls-key; default: none, plain HTTP)",
            "  --tls-key FILE                       its PEM private key, unencrypted (PKCS#8, or RSA or EC)",
            "  --users-file FILE                    every request needs basic auth as one of its lines",
            "                                       user:password (# comments); needs --tls-cert unless --bind",
            "                                       is a loopback address (default: none, no password)",
            "  --prometheus-url URL                 Prometheus for the operations page /ops, e.g.",
            "                                       http://prometheus:9090 (default: none; /ops says so)",
            "  --prometheus-auth-file FILE          basic-auth credentials for it: one line user:password",
            "  --prometheus-ca FILE                 PEM CA certificates to trust for an https --prometheus-url",
            "                                       (default: the JVM's trust store)",
            "  --help                               print this and exit");

    public PortalOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(kafkaSettings, "kafkaSettings");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(users, "users");
    }

    /** Options from the real process: its arguments and environment. */
    public static PortalOptions parse(String... args) {
        return parse(System.getenv(), args);
    }

    /** Options from {@code args}, with {@code env} supplying KAFKA_BOOTSTRAP_SERVERS. */
    public static PortalOptions parse(Map<String, String> env, String... args) {
        String envServers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        String bootstrapServers = envServers == null || envServers.isBlank()
                ? DEFAULT_BOOTSTRAP_SERVERS : envServers.trim();
        // Repeats: the last wins, as the systemd unit appends portal_options to the options it sets.
        CommandLine line = CommandLine.parse(NAMES, CommandLine.Repeats.LAST_WINS, args);
        if (line.helpRequested()) {
            return new PortalOptions(bootstrapServers, KafkaClientSettings.NONE, DEFAULT_TOPIC, DEFAULT_BIND, DEFAULT_PORT,
                    DEFAULT_HISTORY, DEFAULT_MAX_VEHICLES, Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        String bind = line.value("bind").map(value -> nonBlank("--bind", value)).orElse(DEFAULT_BIND);
        Optional<TlsIdentity> tls = tls(line);
        Optional<PortalUsers> users = line.value("users-file")
                .map(file -> PortalUsers.read(nonBlank(PortalUsers.OPTION, file)));
        if (users.isPresent() && tls.isEmpty() && !isLoopback(bind)) {
            throw new InvalidOptionException(PortalUsers.OPTION + ": needs " + TlsIdentity.CERT_OPTION + " and "
                    + TlsIdentity.KEY_OPTION + " unless --bind is a loopback address (got " + InvalidOptionException
                    .quote(bind) + "): a password must not cross the network in plain text");
        }
        return new PortalOptions(
                line.value("bootstrap-servers").map(PortalOptions::bootstrapServers).orElse(bootstrapServers),
                line.value(KafkaClientSettings.OPTION)
                        .map(file -> KafkaClientSettings.load(file, "the portal", RESERVED_KAFKA_SETTINGS))
                        .orElse(KafkaClientSettings.NONE),
                line.value("topic").map(value -> nonBlank("--topic", value)).orElse(DEFAULT_TOPIC),
                bind,
                line.value("port").map(value -> wholeNumber("--port", value, 0, 65_535)).orElse(DEFAULT_PORT),
                line.value("history").map(value -> wholeNumber("--history", value, 1, MAX_HISTORY)).orElse(DEFAULT_HISTORY),
                line.value("max-vehicles").map(value -> wholeNumber("--max-vehicles", value, 1, MAX_MAX_VEHICLES))
                        .orElse(DEFAULT_MAX_VEHICLES),
                prometheus(line),
                tls,
                users,
                false);
    }

    /** Both files or neither: half an identity is a mistake, not plain HTTP. */
    private static Optional<TlsIdentity> tls(CommandLine line) {
        Optional<String> cert = line.value("tls-cert");
        Optional<String> key = line.value("tls-key");
        if (cert.isPresent() != key.isPresent()) {
            throw new InvalidOptionException(cert.isPresent() ? TlsIdentity.CERT_OPTION + ": needs " + TlsIdentity.KEY_OPTION
                    : TlsIdentity.KEY_OPTION + ": needs " + TlsIdentity.CERT_OPTION);
        }
        return cert.map(file -> TlsIdentity.read(nonBlank(TlsIdentity.CERT_OPTION, file),
                nonBlank(TlsIdentity.KEY_OPTION, key.get())));
    }

    /** A loopback address literal or a name that resolves to one; anything else (or unresolvable) is not. */
    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Reads the credentials file here, so a missing or malformed one is a bad option at start. */
    private static Optional<PrometheusEndpoint> prometheus(CommandLine line) {
        Optional<String> url = line.value("prometheus-url");
        Optional<String> authFile = line.value("prometheus-auth-file");
        Optional<String> caFile = line.value("prometheus-ca");
        if (url.isEmpty()) {
            if (authFile.isPresent()) {
                throw new InvalidOptionException(PrometheusCredentials.OPTION + ": needs " + PrometheusEndpoint.OPTION);
            }
            if (caFile.isPresent()) {
                throw new InvalidOptionException(PrometheusEndpoint.CA_OPTION + ": needs " + PrometheusEndpoint.OPTION);
            }
            return Optional.empty();
        }
        URI uri = PrometheusEndpoint.parseUrl(nonBlank(PrometheusEndpoint.OPTION, url.get()));
        if (caFile.isPresent() && !uri.getScheme().equals("https")) {
            throw new InvalidOptionException(PrometheusEndpoint.CA_OPTION + ": needs an https " + PrometheusEndpoint.OPTION
                    + ", got " + InvalidOptionException.quote(uri.toString()));
        }
        Optional<PrometheusCredentials> credentials = authFile
                .map(file -> PrometheusCredentials.read(Path.of(nonBlank(PrometheusCredentials.OPTION, file))));
        Optional<TrustedCertificates> ca = caFile.map(file -> TrustedCertificates.read(PrometheusEndpoint.CA_OPTION,
                nonBlank(PrometheusEndpoint.CA_OPTION, file)));
        return Optional.of(new PrometheusEndpoint(uri, credentials, ca));
    }

    private static String bootstrapServers(String value) {
        return OptionValues.bootstrapServers("--bootstrap-servers", value);
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new InvalidOptionException(name + ": must not be empty");
        }
        return value.trim();
    }
}

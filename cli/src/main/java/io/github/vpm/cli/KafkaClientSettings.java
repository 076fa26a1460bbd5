package io.github.vpm.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Kafka client settings from the {@code --kafka-properties FILE} option of the job, the simulator and
 * the portal: a Java properties file (UTF-8) such as
 *
 * <pre>
 * security.protocol=SASL_SSL
 * sasl.mechanism=SCRAM-SHA-512
 * sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="job" password="...";
 * ssl.truststore.type=PEM
 * ssl.truststore.location=/etc/vpm/ca.pem
 * </pre>
 *
 * <p>Read once, immutable, merged into every Kafka client the program creates. The settings a program's
 * correctness depends on (its isolation level, transactions, serializers...) are its own: a file that
 * sets one is refused with one line naming the key, so no file can silently weaken a guarantee.
 *
 * <p>{@link #toString()} never shows a secret (passwords, JAAS configurations, keys), so the settings
 * can be logged with the rest of a program's options.
 */
public final class KafkaClientSettings {

    /** The option's name, without {@code --}. */
    public static final String OPTION = "kafka-properties";

    /** No file given: the clients talk PLAINTEXT, as {@code bin/local-stack} on loopback does. */
    public static final KafkaClientSettings NONE = new KafkaClientSettings(Map.of(), null);

    /** Parts of a key whose value is a secret (or carries one, as sasl.jaas.config does). */
    private static final Set<String> SECRET_KEY_PARTS = Set.of("password", "jaas", "secret", "token",
            "keystore.key", "credentials");

    private final Map<String, String> settings;
    private final String file;

    private KafkaClientSettings(Map<String, String> settings, String file) {
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        this.file = file;
    }

    /**
     * Reads the file named by {@code --kafka-properties}.
     *
     * @param file     the option's value
     * @param owner    who sets the reserved keys itself, for the error line ("the job")
     * @param reserved keys the program sets itself and a file must not
     * @throws InvalidOptionException one line naming the option: unreadable file, not a properties
     *                                file, or a reserved key (named)
     */
    public static KafkaClientSettings load(String file, String owner, Set<String> reserved) {
        String option = "--" + OPTION;
        if (file.isBlank()) {
            throw InvalidOptionException.expected(option, "a Kafka client properties file", file);
        }
        String text = OptionFile.read(option, file, StandardCharsets.UTF_8);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a StringReader
        } catch (IllegalArgumentException e) {
            // Properties.load's only complaint: a malformed \\uXXXX escape.
            throw new InvalidOptionException(option + ": " + InvalidOptionException.quote(file)
                    + " is not a properties file: " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            settings.put(key, properties.getProperty(key).strip());
        }
        for (String key : settings.keySet()) {
            if (reserved.contains(key)) {
                throw new InvalidOptionException(option + ": " + key + " is set by " + owner
                        + " itself and cannot be overridden (in " + InvalidOptionException.quote(file) + ")");
            }
        }
        return new KafkaClientSettings(settings, file.strip());
    }

    /** The settings, by key; unmodifiable. */
    public Map<String, String> asMap() {
        return settings;
    }

    /** A fresh copy to hand to a client (or to a builder that takes {@link Properties}). */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /** Where the settings came from, for log lines; "none" without a file. */
    public String source() {
        return file == null ? "none" : file;
    }

    /** Whether a key's value is a secret, never to be shown. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_KEY_PARTS.stream().anyMatch(k::contains);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaClientSettings other && settings.equals(other.settings)
                && Objects.equals(file, other.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, file);
    }

    /** The file and its settings, secrets hidden: {@code f.properties {sasl.jaas.config=(hidden), ...}}. */
    @Override
    public String toString() {
        return source() + " " + settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "(hidden)" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}

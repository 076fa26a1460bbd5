package io.github.vpm.admin;

import io.github.vpm.cli.CommandLine;
import io.github.vpm.cli.Durations;
import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.KafkaClientSettings;
import io.github.vpm.cli.OptionValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the tool is told, parsed once (cli's {@code --name value} shape; an option given twice is an
 * error, as the command line is written in one place, the kafka role). The desired-state files are read
 * here too, so a malformed line is a bad option: exit 2 before any broker is asked anything.
 *
 * @param commandConfig  client settings from --command-config (SASL/TLS), merged into the Admin client's
 * @param timeout        how long each call to the brokers may take
 * @param attempts       runs of the whole reconciliation while the brokers do not answer (1: no retry)
 * @param topics         the topics file's entries, if --topics was given
 * @param acls           the ACLs file's entries, if --acls was given
 * @param describeTopics the topics --describe-topics names; empty without the option
 * @param keystoreReload the key store --reload-keystore and --broker name, if given
 */
record AdminOptions(
        String bootstrapServer,
        KafkaClientSettings commandConfig,
        Duration timeout,
        int attempts,
        Optional<List<DesiredTopic>> topics,
        Optional<Set<DesiredAcl>> acls,
        List<String> describeTopics,
        Optional<KeystoreReload> keystoreReload,
        boolean help) {

    static final String PROGRAM = "vpm-kafka-admin";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** Longest single request: the client retries inside the timeout instead of waiting once for all of it. */
    static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String BOOTSTRAP = "bootstrap-server";
    private static final String COMMAND_CONFIG = "command-config";
    private static final String TIMEOUT = "timeout";
    private static final String ATTEMPTS = "attempts";
    static final int MAX_ATTEMPTS = 100;
    private static final String TOPICS = "topics";
    private static final String ACLS = "acls";
    private static final String DESCRIBE = "describe-topics";
    private static final String RELOAD_KEYSTORE = "reload-keystore";
    private static final String BROKER = "broker";
    private static final List<String> NAMES = List.of(BOOTSTRAP, COMMAND_CONFIG, TIMEOUT, ATTEMPTS, TOPICS, ACLS,
            DESCRIBE, RELOAD_KEYSTORE, BROKER);


    AdminOptions {
        describeTopics = List.copyOf(describeTopics);
    }

    /**
     * @throws InvalidOptionException one line naming the option: unknown option, missing value, bad value,
     *                                unreadable or malformed file, or nothing to do
     */
    static AdminOptions parse(String... args) {
        CommandLine line = CommandLine.parse(NAMES, CommandLine.Repeats.REFUSED, args);
        if (line.helpRequested()) {
            return new AdminOptions("", KafkaClientSettings.NONE, DEFAULT_TIMEOUT, 1, Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), true);
        }
        Map<String, String> given = line.values();
        String bootstrap = bootstrapServer(given.get(BOOTSTRAP));
        Duration timeout = given.containsKey(TIMEOUT) ? timeout(given.get(TIMEOUT)) : DEFAULT_TIMEOUT;
        int attempts = given.containsKey(ATTEMPTS) ? attempts(given.get(ATTEMPTS)) : 1;
        KafkaClientSettings settings = given.containsKey(COMMAND_CONFIG)
                ? commandConfig(given.get(COMMAND_CONFIG)) : KafkaClientSettings.NONE;
        Optional<List<DesiredTopic>> topics = Optional.ofNullable(given.get(TOPICS))
                .map(file -> DesiredTopic.parseFile("--" + TOPICS, file));
        Optional<Set<DesiredAcl>> acls = Optional.ofNullable(given.get(ACLS))
                .map(file -> DesiredAcl.parseFile("--" + ACLS, file));
        List<String> describe = given.containsKey(DESCRIBE) ? topicNames(given.get(DESCRIBE)) : List.of();
        Optional<KeystoreReload> reload = keystoreReload(given.get(RELOAD_KEYSTORE), given.get(BROKER));
        if (topics.isEmpty() && acls.isEmpty() && describe.isEmpty() && reload.isEmpty()) {
            throw new InvalidOptionException("nothing to do: give --topics FILE, --acls FILE, --describe-topics"
                    + " NAME[,NAME...] or --reload-keystore LISTENER=FILE (--help for usage)");
        }
        return new AdminOptions(bootstrap, settings, timeout, attempts, topics, acls, describe, reload, false);
    }

    /** Whether the run may change the cluster, and so ends with ok or changed on stdout. */
    boolean reconciles() {
        return topics.isPresent() || acls.isPresent() || keystoreReload.isPresent();
    }

    /**
     * The Admin client's settings: the --command-config file's, then the brokers and timeouts of the
     * options (which win over the file's).
     */
    Properties adminProperties() {
        Properties p = new Properties();
        p.put("client.id", PROGRAM);
        p.putAll(commandConfig.asMap());
        p.put("bootstrap.servers", bootstrapServer);
        p.put("default.api.timeout.ms", String.valueOf(timeout.toMillis()));
        p.put("request.timeout.ms", String.valueOf(Math.min(timeout.toMillis(), MAX_REQUEST_TIMEOUT.toMillis())));
        return p;
    }

    /** The --help text. */
    static String usage() {
        return String.join("\n",
                "Usage: " + PROGRAM + " --bootstrap-server HOST:PORT [--command-config FILE] [--timeout TIME] [--attempts N]",
                "                       [--topics FILE] [--acls FILE] [--describe-topics NAME[,NAME...]]",
                "  (java -cp \"vpm-kafka-admin.jar:<kafka>/lib/*\" io.github.vpm.admin.KafkaAdminTool ...)",
                "Keeps a Kafka cluster's topics and ACLs in the shape of desired-state files, in one JVM.",
                "",
                "  --bootstrap-server host:port[,...]  the brokers (required)",
                "  --command-config file               Kafka client settings (Java properties: security.protocol,",
                "                                      sasl.*, ssl.*); the options' brokers and timeouts win",
                "  --timeout time                      how long each call to the brokers may take: 30s, 2min...",
                "                                      (default: " + Durations.format(DEFAULT_TIMEOUT) + ")",
                "  --attempts n                        run it all again, " + Durations.format(KafkaAdminTool.RETRY_DELAY)
                        + " later, while the brokers do not answer,",
                "                                      up to n runs in all (default 1, at most " + MAX_ATTEMPTS + ")",
                "  --topics file                       create missing topics, raise partitions, set the configs named;",
                "                                      lines: " + DesiredTopic.FORMAT,
                "  --acls file                         make the ACLs of the principals named exactly these, from any",
                "                                      host, allowed; lines: <TOPIC|GROUP|TRANSACTIONAL_ID|CLUSTER>",
                "                                      <LITERAL|PREFIXED> <name> User:<principal> <OPERATION>",
                "  --describe-topics name[,name...]    print each topic as a line of the topics file (its own configs)",
                "  --reload-keystore listener=file     make broker --broker reload the key store of its listener (e.g.",
                "                                      SASL_SSL) from file, without a restart: set the listener's",
                "                                      ssl.keystore.location to file, then remove that override again;",
                "                                      the broker checks the new key store first and refuses a bad one",
                "  --broker id                         the broker.id --reload-keystore applies to (required with it)",
                "  --help                              print this help and exit",
                "",
                "At least one of --topics, --acls, --describe-topics, --reload-keystore; topics are applied first,",
                "then ACLs, then the key store reloaded, then topics described. In the files, # comment lines and",
                "blank lines are ignored. Every action and warning goes to stderr; with --topics, --acls or",
                "--reload-keystore the last line on stdout is one word: ok when nothing changed, changed otherwise",
                "(a reload is always a change; so is an earlier attempt that sent changes and got no answer).",
                "A topic is never shrunk, its replication factor never changed.",
                "Exit status: 0 done; 1 the brokers could not be brought into shape (one line on stderr, after",
                "a warning line for each attempt that got no answer);",
                "2 bad options or a malformed file.",
                "");
    }

    private static String bootstrapServer(String value) {
        if (value == null) {
            throw new InvalidOptionException("--" + BOOTSTRAP + ": missing; the brokers to talk to, host:port[,host:port...]");
        }
        return OptionValues.bootstrapServers("--" + BOOTSTRAP, value);
    }

    private static Duration timeout(String value) {
        // A bare number is refused: Kafka's own *.ms settings would suggest milliseconds, the syntax seconds.
        Duration d = Durations.parse(value, Durations.BareNumber.REFUSED).orElse(Duration.ZERO);
        if (d.isZero() || d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw InvalidOptionException.expected("--" + TIMEOUT, "a duration such as 30s or 2min, above 0 and up to 24d",
                    value);
        }
        return d;
    }

    private static int attempts(String value) {
        return OptionValues.wholeNumber("--" + ATTEMPTS, value, 1, MAX_ATTEMPTS);
    }

    private static KafkaClientSettings commandConfig(String file) {
        try {
            return KafkaClientSettings.load(file, PROGRAM, Set.of());
        } catch (InvalidOptionException e) {
            // cli names the job's option, --kafka-properties; this tool calls it as Kafka's tools do.
            String prefix = "--" + KafkaClientSettings.OPTION;
            String message = e.getMessage();
            throw new InvalidOptionException(message.startsWith(prefix)
                    ? "--" + COMMAND_CONFIG + message.substring(prefix.length()) : message);
        }
    }

    private static Optional<KeystoreReload> keystoreReload(String value, String broker) {
        if (value == null) {
            if (broker != null) {
                throw new InvalidOptionException("--" + BROKER + ": only goes with --" + RELOAD_KEYSTORE
                        + " LISTENER=FILE, which is missing");
            }
            return Optional.empty();
        }
        if (broker == null) {
            throw new InvalidOptionException("--" + BROKER + ": missing; --" + RELOAD_KEYSTORE
                    + " needs the broker.id of the broker to reload");
        }
        int id = OptionValues.wholeNumber("--" + BROKER, broker, 0, Integer.MAX_VALUE);
        int eq = value.indexOf('=');
        String listener = eq < 0 ? "" : value.substring(0, eq).strip();
        String file = eq < 0 ? "" : value.substring(eq + 1).strip();
        if (!KeystoreReload.isListenerName(listener) || !file.startsWith("/")) {
            throw InvalidOptionException.expected("--" + RELOAD_KEYSTORE,
                    "LISTENER=FILE, a listener's name (letters, digits, _) and the key store's absolute path", value);
        }
        return Optional.of(new KeystoreReload(id, listener, file));
    }

    private static List<String> topicNames(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String topic = name.strip();
            if (!DesiredTopic.isLegalName(topic)) {
                throw InvalidOptionException.expected("--" + DESCRIBE, "topic names separated by commas", value);
            }
            if (!names.contains(topic)) {
                names.add(topic);
            }
        }
        return List.copyOf(names);
    }
}

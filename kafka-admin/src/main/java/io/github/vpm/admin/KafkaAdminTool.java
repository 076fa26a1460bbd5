package io.github.vpm.admin;

import io.github.vpm.cli.InvalidOptionException;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * Keeps a Kafka cluster's topics and ACLs in the shape of two desired-state files, and reloads a broker's
 * rotated key store, in one JVM with Kafka's AdminClient: what the kafka role's vpm-kafka-topic and
 * vpm-kafka-acls scripts and ConfigCommand did with one Kafka tool JVM per call (and ConfigCommand with a
 * fixed 30 s wait), which costs about a minute each on an emulated VM. See {@link AdminOptions#usage()}.
 *
 * <p>Output: every action and warning on stderr, one line each; on stdout the described topics, then,
 * when topics or ACLs were reconciled or a key store reloaded, one word for Ansible's changed_when: {@code ok} or {@code changed}.
 * Exit status 0 done, 1 the cluster could not be brought into shape (one line on stderr), 2 bad options.
 */
public final class KafkaAdminTool {

    static final String PREFIX = AdminOptions.PROGRAM + ": ";
    static final String WARNING = PREFIX + "warning: ";
    static final int FAILED = 1;

    /** How long closing the client may wait for calls still in flight (only after a failure). */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Between attempts (--attempts) when the brokers did not answer. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private KafkaAdminTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole program, minus the exit: the tests call this. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        AdminOptions options;
        try {
            options = AdminOptions.parse(args);
        } catch (InvalidOptionException e) {
            err.println(e.getMessage());
            return InvalidOptionException.EXIT_STATUS;
        }
        if (options.help()) {
            out.print(AdminOptions.usage());
            out.flush();
            return 0;
        }
        ClientLogging.silence();
        try {
            boolean changed = new Retries(options.attempts(), RETRY_DELAY, d -> Thread.sleep(d.toMillis()))
                    .run(() -> apply(options, out, err), err);
            if (options.reconciles()) {
                out.println(changed ? "changed" : "ok");
            }
            out.flush();
            return 0;
        } catch (AdminFailure e) {
            err.println(PREFIX + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // Never a stack trace: say what is known on the one line.
            err.println(PREFIX + "unexpected " + e.getClass().getName() + ": " + AdminCalls.reason(e));
            return FAILED;
        } finally {
            err.flush();
        }
    }

    /**
     * One attempt, with a client of its own: the topics, the ACLs, the key store, then the description; true if
     * it changed any.
     */
    private static boolean apply(AdminOptions options, PrintStream out, PrintStream err) {
        AdminCalls calls = new AdminCalls(options.bootstrapServer(), options.timeout());
        Admin admin = create(options);
        boolean changed = false;
        try {
            if (options.topics().isPresent()) {
                changed |= new ClusterTopics(admin, calls).reconcile(options.topics().get(), err);
            }
            if (options.acls().isPresent()) {
                changed |= new ClusterAcls(admin, calls).reconcile(options.acls().get(), err);
            }
            if (options.keystoreReload().isPresent()) {
                new BrokerKeystore(admin, calls).reload(options.keystoreReload().get(), err);
                changed = true;
            }
            if (!options.describeTopics().isEmpty()) {
                new ClusterTopics(admin, calls).describeLines(options.describeTopics()).forEach(out::println);
            }
            return changed;
        } catch (AdminFailure e) {
            // The topics changed, then the ACLs got no answer: a retry must still end in "changed".
            throw changed ? e.afterChangesRequested() : e;
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
    }

    private static Admin create(AdminOptions options) {
        try {
            return Admin.create(options.adminProperties());
        } catch (RuntimeException e) {
            // e.g. a --command-config setting the client refuses, or no resolvable bootstrap address
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new AdminFailure("cannot create the Kafka admin client for " + options.bootstrapServer() + ": "
                    + AdminCalls.reason(cause));
        }
    }
}

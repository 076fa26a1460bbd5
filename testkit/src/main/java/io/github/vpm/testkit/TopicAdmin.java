package io.github.vpm.testkit;

import static io.github.vpm.testkit.Blocking.CLIENT_TIMEOUT;
import static io.github.vpm.testkit.Blocking.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;

/** The cluster's admin client: whether the broker serves, topics, transactional ids. */
final class TopicAdmin implements AutoCloseable {

    private final Admin admin;

    TopicAdmin(Properties clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        // Generous: a broker on a busy two-core machine can take many seconds to answer.
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        this.admin = Admin.create(p);
    }

    /** True once the broker answers with its nodes and a controller (asks for at most a few seconds). */
    boolean brokerServes() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
            return !cluster.nodes().get(2, TimeUnit.SECONDS).isEmpty()
                    && cluster.controller().get(2, TimeUnit.SECONDS) != null
                    && !cluster.controller().get().isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false; // not serving yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a topic (replication 1) and waits until every partition has a leader. */
    void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        Instant deadline = Instant.now().plus(CLIENT_TIMEOUT.multipliedBy(2));
        boolean retried = false;
        while (true) {
            try {
                admin.createTopics(List.of(topic)).all().get(CLIENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException && retried) {
                    break; // an earlier attempt that timed out on the client did create it
                }
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)
                        || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("create topic " + name + " failed: " + e.getCause(), e.getCause());
                }
                // A busy broker answered too late: ask again.
                retried = true;
            } catch (TimeoutException e) {
                throw new IllegalStateException("create topic " + name + " timed out after " + CLIENT_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("create topic " + name + " interrupted", e);
            }
        }
        awaitLeaders(name, partitions);
    }

    /** Creates the three contract topics (names as given) with contract/topics.json's partitions and configs. */
    ContractTopics createContractTopics(ContractTopics topics) {
        createTopic(topics.input(), ContractTopics.INPUT_PARTITIONS, ContractTopics.inputTopic().config());
        createTopic(topics.output(), ContractTopics.OUTPUT_PARTITIONS, ContractTopics.outputTopic().config());
        createTopic(topics.dlq(), ContractTopics.DLQ_PARTITIONS, ContractTopics.dlqTopic().config());
        return topics;
    }

    Set<String> topicNames() {
        return get(admin.listTopics().names(), "list topics");
    }

    Map<String, TopicDescription> describeTopics(String... names) {
        return get(admin.describeTopics(List.of(names)).allTopicNames(), "describe topics");
    }

    Set<String> transactionalIds(String prefix) {
        return get(admin.listTransactions().all(), "list transactions").stream()
                .map(TransactionListing::transactionalId)
                .filter(id -> id.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Creates (or replaces) SCRAM-SHA-512 credentials, user -> password. */
    void upsertScramUsers(Map<String, String> passwords) {
        List<UserScramCredentialAlteration> upserts = passwords.entrySet().stream()
                .<UserScramCredentialAlteration>map(e -> new UserScramCredentialUpsertion(e.getKey(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), e.getValue()))
                .toList();
        get(admin.alterUserScramCredentials(upserts).all(), "create SCRAM users " + passwords.keySet());
    }

    void createAcls(List<AclBinding> bindings) {
        get(admin.createAcls(bindings).all(), "create ACLs");
    }

    /** Every ACL the authorizer holds. */
    Set<AclBinding> acls() {
        return Set.copyOf(get(admin.describeAcls(AclBindingFilter.ANY).values(), "describe ACLs"));
    }

    private void awaitLeaders(String name, int partitions) {
        Instant deadline = Instant.now().plus(CLIENT_TIMEOUT);
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(5, TimeUnit.SECONDS).get(name);
                if (d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // metadata not there yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + name + " has no leader for every partition after "
                        + CLIENT_TIMEOUT);
            }
            Blocking.pause(Blocking.POLL_INTERVAL);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

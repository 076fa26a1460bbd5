package io.github.vpm.job.it;

import io.github.vpm.testkit.ContractTopics;
import io.github.vpm.testkit.KafkaCluster;
import io.github.vpm.testkit.KafkaRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * One test's world: its own contract topics, data set, input feed, checkpoint directory and job
 * arguments (own consumer group and transactional ids), on the class's broker and MiniCluster.
 */
final class MaxPressureScenario {

    static final int VEHICLES = 20;

    private final KafkaCluster kafka;
    private final MiniCluster miniCluster;
    private final ContractTopics topics;
    private final PressureDataSet data;
    private final InputFeed feed;
    private final List<String> args;

    private MaxPressureScenario(KafkaCluster kafka, MiniCluster miniCluster, ContractTopics topics,
                                PressureDataSet data, List<String> args) {
        this.kafka = kafka;
        this.miniCluster = miniCluster;
        this.topics = topics;
        this.data = data;
        this.feed = new InputFeed(kafka, topics.input());
        this.args = args;
    }

    static MaxPressureScenario create(KafkaCluster kafka, MiniCluster miniCluster, Path tmp, String name,
                                      long seed) {
        return create(kafka, miniCluster, tmp, name, seed, Map.of());
    }

    /** @param options job options replacing those of {@link JobRun#args} (name without "--" to value) */
    static MaxPressureScenario create(KafkaCluster kafka, MiniCluster miniCluster, Path tmp, String name,
                                      long seed, Map<String, String> options) {
        String runId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        ContractTopics topics = kafka.createContractTopics(runId);
        List<String> args = JobRun.args(kafka, topics, runId, tmp.resolve("checkpoints"));
        for (Map.Entry<String, String> option : options.entrySet()) {
            args = JobRun.withOption(args, option.getKey(), option.getValue());
        }
        return new MaxPressureScenario(kafka, miniCluster, topics, PressureDataSet.generate(seed, VEHICLES), args);
    }

    PressureDataSet data() {
        return data;
    }

    InputFeed feed() {
        return feed;
    }

    ContractTopics topics() {
        return topics;
    }

    /** The transactional ids of this scenario's sinks that the broker lists, open or finished. */
    Set<String> transactionalIds() {
        return kafka.transactionalIds(args.get(args.indexOf("--transactional-id-prefix") + 1) + "-");
    }

    /** Starts the job at {@code parallelism}, from {@code savepoint} if not null. */
    JobRun start(int parallelism, String savepoint) throws Exception {
        return JobRun.start(miniCluster, args, parallelism, savepoint);
    }

    /** Waits (bounded) until the committed output shows the maxima of everything sent so far. */
    List<KafkaRecord> awaitMaximaOfEverythingSent() {
        List<KafkaRecord> out = OutputChecks.readMaxima(kafka, topics.output(), feed.sent(), Duration.ZERO);
        OutputChecks.assertMaxima(out, feed.sent());
        return out;
    }

    /**
     * Waits until the output shows the maxima of everything sent, then for a quiet period in which
     * nothing more may arrive, and checks output and dead letters against everything sent.
     */
    void assertExactOutputAndDeadLetters() {
        List<KafkaRecord> out = OutputChecks.readMaxima(kafka, topics.output(), feed.sent(), OutputChecks.QUIET);
        OutputChecks.assertMaxima(out, feed.sent());
        List<KafkaRecord> dlq = OutputChecks.readDeadLetters(kafka, topics.dlq(), feed.invalid().size(),
                OutputChecks.QUIET);
        OutputChecks.assertDeadLetters(dlq, feed.invalid(), feed.invalidWhere(), topics.input());
    }
}

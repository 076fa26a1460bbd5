package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.it.PressureDataSet.Input;
import io.github.vpm.testkit.KafkaClusterExtension;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * State survives rescaling: stop with a savepoint at parallelism 1, resume at 3, stop again,
 * resume at 6 (every slot of the lab), stop again and resume at 1. Lost or misrouted keyed state
 * would show as a maximum that goes down or repeats after a restart; the last step also hands the
 * pooled transactional ids of six sink subtasks to one, which must still commit exactly once.
 */
class RescaleIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    @Test
    void keepsMaximaAcrossStopWithSavepointAndRescale(@InjectMiniCluster MiniCluster miniCluster,
                                                      @TempDir Path tmp) throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "rescale", 1234L);
        Path savepoints = tmp.resolve("savepoints");
        List<Input> phase2 = s.data().phase2();
        int third = phase2.size() / 3;
        int allSlots = FlinkLab.TASK_MANAGERS * FlinkLab.SLOTS_PER_TASK_MANAGER;

        s.feed().send(s.data().phase1());
        String savepoint;
        try (JobRun job = s.start(1, null)) {
            s.awaitMaximaOfEverythingSent();
            savepoint = job.stopWithSavepoint(savepoints);
        }

        s.feed().send(phase2.subList(0, third));
        try (JobRun job = s.start(3, savepoint)) {
            s.awaitMaximaOfEverythingSent();
            assertRestoredFrom(job, savepoint);
            savepoint = job.stopWithSavepoint(savepoints);
        }

        s.feed().send(phase2.subList(third, 2 * third));
        try (JobRun job = s.start(allSlots, savepoint)) {
            s.awaitMaximaOfEverythingSent();
            assertRestoredFrom(job, savepoint);
            savepoint = job.stopWithSavepoint(savepoints);
        }

        s.feed().send(phase2.subList(2 * third, phase2.size()));
        try (JobRun job = s.start(1, savepoint)) {
            s.assertExactOutputAndDeadLetters();
            assertRestoredFrom(job, savepoint);
        }
        OutputChecks.assertPooledTransactionalIds(s.transactionalIds(), allSlots);
    }

    private static void assertRestoredFrom(JobRun job, String savepoint) throws Exception {
        String name = Path.of(URI.create(savepoint).getPath()).getFileName().toString();
        assertThat(job.restoredFrom()).as("restored from %s", savepoint)
                .hasValueSatisfying(path -> assertThat(path).contains(name));
    }
}

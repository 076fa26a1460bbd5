package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.KafkaCluster;
import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * State survives rescaling: stop with a savepoint at parallelism 1, resume at 3, stop again,
 * resume at 6 (every slot of the lab). Lost or misrouted keyed state would show as a maximum
 * that goes down or repeats after a restart.
 */
class RescaleIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    @Test
    void keepsMaximaAcrossStopWithSavepointAndRescale(@InjectMiniCluster MiniCluster miniCluster,
                                                      @TempDir Path tmp) throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "rescale", 1234L);
        Path savepoints = tmp.resolve("savepoints");

        s.feed().send(s.data().phase1());
        String savepoint;
        try (JobRun job = s.start(1, null)) {
            s.awaitMaximaOfEverythingSent();
            savepoint = job.stopWithSavepoint(savepoints);
        }

        s.feed().send(s.data().phase2FirstHalf());
        try (JobRun job = s.start(3, savepoint)) {
            s.awaitMaximaOfEverythingSent();
            assertRestoredFrom(job, savepoint);
            savepoint = job.stopWithSavepoint(savepoints);
        }

        s.feed().send(s.data().phase2SecondHalf());
        try (JobRun job = s.start(FlinkLab.TASK_MANAGERS * FlinkLab.SLOTS_PER_TASK_MANAGER, savepoint)) {
            s.assertExactOutputAndDeadLetters();
            assertRestoredFrom(job, savepoint);
        }
    }

    private static void assertRestoredFrom(JobRun job, String savepoint) throws Exception {
        String name = Path.of(URI.create(savepoint).getPath()).getFileName().toString();
        assertThat(job.restoredFrom()).as("restored from %s", savepoint)
                .hasValueSatisfying(path -> assertThat(path).contains(name));
    }
}

package io.github.vpm.job.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job against a real broker: per vehicle, the committed output strictly increases and
 * ends at the true maximum, however the vehicle's sensors are spread over partitions and subtasks
 * (the partition-by-sensor regression); every invalid input becomes exactly one dead letter.
 */
class MaxPressureIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkLab.miniCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void keepsEveryVehiclesMaximumExactly(int parallelism, @InjectMiniCluster MiniCluster miniCluster,
                                          @TempDir Path tmp) throws Exception {
        MaxPressureScenario s = MaxPressureScenario.create(KAFKA, miniCluster, tmp, "max-p" + parallelism,
                20250722L + parallelism);

        s.feed().send(s.data().phase1());
        try (JobRun job = s.start(parallelism, null)) {
            // Once the first maxima are out the watermarks have moved on: phase 2's late readings are late.
            s.awaitMaximaOfEverythingSent();
            s.feed().send(s.data().phase2());

            s.assertExactOutputAndDeadLetters();
            assertThat(job.restarted()).as("the job ran without failing over").isFalse();
        }
    }
}

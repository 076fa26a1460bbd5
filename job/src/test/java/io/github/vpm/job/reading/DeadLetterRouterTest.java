package io.github.vpm.job.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.deadletter.DeadLetter;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DeadLetterRouterTest {

    @Test
    void sendsValidReadingsOnAndInvalidOnesToTheSideOutput() throws Exception {
        Reading reading = new Reading("V", "S", 5, 1_000L, null);
        DeadLetter letter = new DeadLetter("pressure: missing", "{}", "in", 0, 7L, null);
        try (OneInputStreamOperatorTestHarness<DecodedRecord, Reading> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DeadLetterRouter())) {
            harness.processElement(DecodedRecord.valid(reading), 1_000L);
            harness.processElement(DecodedRecord.invalid(letter), Long.MIN_VALUE);

            assertThat(harness.extractOutputValues()).containsExactly(reading);
            assertThat(harness.getSideOutput(DeadLetterRouter.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .containsExactly(letter);
        }
    }

    @Test
    void countsValidAndInvalidRecords() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        MockEnvironment environment = new MockEnvironmentBuilder()
                .setMetricGroup(new OperatorMetricsOnly(metrics))
                .build();
        try (var harness = new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new DeadLetterRouter()), environment)) {
            harness.open();
            harness.processElement(DecodedRecord.valid(new Reading("V", "S", 5, 1_000L, null)), 1_000L);
            harness.processElement(DecodedRecord.invalid(new DeadLetter("e", "", "in", 0, 1L, null)), 0L);
            harness.processElement(DecodedRecord.invalid(new DeadLetter("e", "", "in", 0, 2L, null)), 0L);
            assertThat(((Counter) metrics.get(DeadLetterRouter.METRIC_VALID)).getCount()).isEqualTo(1);
            assertThat(((Counter) metrics.get(DeadLetterRouter.METRIC_INVALID)).getCount()).isEqualTo(2);
        }
    }

    /** Hands every operator the same intercepting metric group so a test can read what was registered. */
    private static final class OperatorMetricsOnly extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {

        private final InterceptingOperatorMetricGroup operatorMetrics;

        OperatorMetricsOnly(InterceptingOperatorMetricGroup operatorMetrics) {
            this.operatorMetrics = operatorMetrics;
        }

        @Override
        public InternalOperatorMetricGroup getOrAddOperator(
                OperatorID operatorId, String name, Map<String, String> additionalVariables) {
            return operatorMetrics;
        }
    }
}

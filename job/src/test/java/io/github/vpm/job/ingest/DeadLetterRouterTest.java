package io.github.vpm.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.deadletter.DeadLetter;
import io.github.vpm.job.reading.Reading;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    @Test
    void aReadingWhoseMaximumWouldNotFitBecomesACountedDeadLetter() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        MockEnvironment environment = new MockEnvironmentBuilder()
                .setMetricGroup(new OperatorMetricsOnly(metrics))
                .build();
        RecordSizeGuard guard = new RecordSizeGuard(RecordSizeGuard.MIN_MAX_REQUEST_SIZE);
        String hugeId = "V".repeat(10_000);
        byte[] value = ("{\"vehicleId\": \"" + hugeId + "\"}").getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> source = new ConsumerRecord<>("in", 4, 77L, new byte[] {'s'}, value);
        Reading small = new Reading("V", "S", 5, 1_000L, null);
        DeadLetter hugeKey = DeadLetter.of("value: not valid JSON", new byte[] {'x'}, "in", 0, 3L, new byte[100_000]);
        try (var harness = new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new DeadLetterRouter(guard)), environment)) {
            harness.open();
            harness.processElement(DecodedRecord.valid(new Reading(hugeId, "S", 5, 1_000L, null), source), 1_000L);
            harness.processElement(DecodedRecord.valid(small), 1_000L);
            harness.processElement(DecodedRecord.invalid(hugeKey), 0L);

            assertThat(harness.extractOutputValues()).containsExactly(small);
            List<DeadLetter> letters = harness.getSideOutput(DeadLetterRouter.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(letters).hasSize(2);
            DeadLetter tooLarge = letters.get(0);
            assertThat(tooLarge.error()).isEqualTo("record: its maximum would be too large for max.request.size"
                    + " (16384 bytes), written as a dead letter");
            assertThat(tooLarge.raw()).isEqualTo(new String(value, StandardCharsets.UTF_8));
            assertThat(tooLarge.rawBytes()).isEqualTo(value.length);
            assertThat(tooLarge.truncated()).isFalse();
            assertThat(tooLarge.topic()).isEqualTo("in");
            assertThat(tooLarge.partition()).isEqualTo(4);
            assertThat(tooLarge.offset()).isEqualTo(77L);
            assertThat(tooLarge.key()).containsExactly('s');
            DeadLetter fitted = letters.get(1);
            assertThat(fitted.error()).startsWith("record: too large for max.request.size (16384 bytes)");
            assertThat(fitted.key().length).isLessThan(RecordSizeGuard.MIN_MAX_REQUEST_SIZE);
            assertThat(fitted.offset()).isEqualTo(3L);

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

package io.github.vpm.job.maximum;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.reading.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaxPressureFunctionTest {

    private static final int MAX_PARALLELISM = 360;

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> harness;

    private static KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> newHarness(
            int parallelism, int subtask) throws Exception {
        return newHarness(new MaxPressureFunction(), parallelism, subtask);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> newHarness(
            MaxPressureFunction function, int parallelism, int subtask) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function),
                reading -> reading.vehicleId,
                Types.STRING,
                MAX_PARALLELISM,
                parallelism,
                subtask);
    }

    @BeforeEach
    void open() throws Exception {
        harness = newHarness(1, 0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Reading reading(String vehicle, long pressure, long timestamp) {
        return new Reading(vehicle, vehicle + "-sensor" + pressure, pressure, timestamp, 20.0 + pressure % 7);
    }

    private void send(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h, Reading r)
            throws Exception {
        h.processElement(r, r.timestamp);
    }

    private static List<Long> maxima(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h) {
        return h.extractOutputValues().stream().map(m -> m.pressureMax).collect(Collectors.toList());
    }

    @Test
    void firstReadingAlwaysEmits() throws Exception {
        Reading first = new Reading("V", "S1", 0, 1_000L, null);
        send(harness, first);
        assertThat(harness.extractOutputValues()).containsExactly(new PressureMax("V", "S1", 0, 1_000L, null));
    }

    @Test
    void emitsOnlyOnAStrictlyHigherMaximum() throws Exception {
        long t = 1_000;
        for (long pressure : new long[] {500, 400, 600, 600, 599, 700, 100, 700, 701}) {
            send(harness, reading("V", pressure, t += 1_000));
        }
        assertThat(maxima(harness)).containsExactly(500L, 600L, 700L, 701L);
    }

    @Test
    void keepsEachVehicleSeparate() throws Exception {
        send(harness, reading("A", 10, 1_000));
        send(harness, reading("B", 5, 1_000));
        send(harness, reading("A", 7, 2_000));
        send(harness, reading("B", 6, 2_000));
        assertThat(harness.extractOutputValues())
                .extracting(m -> m.vehicleId + "=" + m.pressureMax)
                .containsExactly("A=10", "B=5", "B=6");
    }

    @Test
    void lateReadingsStillCount() throws Exception {
        send(harness, reading("V", 100, 100_000));
        harness.processWatermark(new Watermark(90_000));
        // Far behind the watermark, but a higher pressure: still a new maximum.
        send(harness, reading("V", 200, 1_000));
        assertThat(maxima(harness)).containsExactly(100L, 200L);
    }

    @Test
    void outputCarriesTheReadingThatSetTheMaximumAndItsEventTime() throws Exception {
        send(harness, new Reading("V", "S1", 100, 5_000L, 21.5));
        send(harness, new Reading("V", "S2", 150, 4_000L, null));
        List<StreamRecord<? extends PressureMax>> records = harness.extractOutputStreamRecords();
        assertThat(records).extracting(StreamRecord::getTimestamp).containsExactly(5_000L, 4_000L);
        assertThat(harness.extractOutputValues()).containsExactly(
                new PressureMax("V", "S1", 100, 5_000L, 21.5),
                new PressureMax("V", "S2", 150, 4_000L, null));
    }

    @Test
    void restoredStateKeepsTheMaximum() throws Exception {
        send(harness, reading("V", 500, 1_000));
        send(harness, reading("W", 50, 1_000));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 2_000L);

        try (var restored = newHarness(1, 0)) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, reading("V", 500, 3_000)); // tie with the restored maximum
            send(restored, reading("V", 499, 4_000));
            send(restored, reading("W", 51, 4_000));
            send(restored, reading("V", 501, 5_000));
            assertThat(restored.extractOutputValues())
                    .extracting(m -> m.vehicleId + "=" + m.pressureMax)
                    .containsExactly("W=51", "V=501");
        }
    }

    @Test
    void rescalingFromOneToThreeSubtasksKeepsEveryMaximumAndTheVehicleCount() throws Exception {
        int vehicles = 50;
        for (int v = 0; v < vehicles; v++) {
            send(harness, reading("V" + v, 1_000 + v, 1_000));
        }
        OperatorSubtaskState snapshot = harness.snapshot(1L, 2_000L);

        long trackedAfterRescale = 0;
        int newMaxima = 0;
        for (int subtask = 0; subtask < 3; subtask++) {
            OperatorSubtaskState part = AbstractStreamOperatorTestHarness.repartitionOperatorState(
                    snapshot, MAX_PARALLELISM, 1, 3, subtask);
            try (var scaled = newHarness(3, subtask)) {
                scaled.initializeState(part);
                scaled.open();
                for (int v = 0; v < vehicles; v++) {
                    Reading same = reading("V" + v, 1_000 + v, 3_000);
                    if (ownsKey(3, subtask, same.vehicleId)) {
                        send(scaled, same); // equal to the restored maximum: nothing
                        send(scaled, reading("V" + v, 2_000 + v, 4_000));
                    }
                }
                newMaxima += scaled.extractOutputValues().size();
                trackedAfterRescale += vehiclesTracked(scaled);
            }
        }
        assertThat(newMaxima).isEqualTo(vehicles);
        assertThat(trackedAfterRescale).isEqualTo(vehicles);
    }

    @Test
    void countsTrackedVehiclesAcrossRestore() throws Exception {
        send(harness, reading("A", 1, 1_000));
        send(harness, reading("A", 2, 1_000));
        send(harness, reading("B", 1, 1_000));
        assertThat(vehiclesTracked(harness)).isEqualTo(2);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 2_000L);
        try (var restored = newHarness(1, 0)) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, reading("C", 1, 3_000));
            send(restored, reading("A", 1, 3_000));
            assertThat(vehiclesTracked(restored)).isEqualTo(3);
        }
    }

    @Test
    void withATtlAnExpiredVehicleStartsOver() throws Exception {
        try (var ttlHarness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction(Duration.ofMinutes(1))),
                (Reading r) -> r.vehicleId, Types.STRING)) {
            ttlHarness.setStateTtlProcessingTime(0);
            ttlHarness.open();
            send(ttlHarness, reading("V", 500, 1_000));
            ttlHarness.setStateTtlProcessingTime(30_000);
            send(ttlHarness, reading("V", 400, 2_000)); // a read refreshes the TTL
            ttlHarness.setStateTtlProcessingTime(80_000);
            send(ttlHarness, reading("V", 450, 3_000));
            ttlHarness.setStateTtlProcessingTime(200_000);
            send(ttlHarness, reading("V", 300, 4_000)); // expired: starts over
            assertThat(maxima(ttlHarness)).containsExactly(500L, 300L);
        }
    }

    /**
     * The heap cache must never change what is emitted: the same seeded stream through the function
     * without a cache, with a cache that overflows all the time and with the default one, snapshotted
     * and restored half-way, gives exactly the maxima of a plain model.
     */
    @Test
    void theHeapCacheNeverChangesTheOutputEvenWhenItOverflowsOrIsRestored() throws Exception {
        java.util.Random random = new java.util.Random(42);
        List<Reading> stream = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            stream.add(reading("V" + random.nextInt(40), random.nextInt(1_000_000), 1_000L + i));
        }
        Map<String, Long> model = new java.util.HashMap<>();
        List<String> expected = new java.util.ArrayList<>();
        for (Reading r : stream) {
            Long max = model.get(r.vehicleId);
            if (max == null || r.pressure > max) {
                model.put(r.vehicleId, r.pressure);
                expected.add(r.vehicleId + "=" + r.pressure);
            }
        }
        assertThat(expected).hasSizeBetween(100, 1_000); // mostly readings that are not a new maximum

        for (int cacheSize : new int[] {0, 1, 7, MaxPressureFunction.DEFAULT_CACHE_SIZE}) {
            List<String> emitted = new java.util.ArrayList<>();
            OperatorSubtaskState snapshot;
            try (var first = newHarness(new MaxPressureFunction(Duration.ZERO, cacheSize), 1, 0)) {
                first.open();
                for (Reading r : stream.subList(0, 2_500)) {
                    send(first, r);
                }
                snapshot = first.snapshot(1L, 1L);
                first.extractOutputValues().forEach(m -> emitted.add(m.vehicleId + "=" + m.pressureMax));
            }
            try (var second = newHarness(new MaxPressureFunction(Duration.ZERO, cacheSize), 1, 0)) {
                second.initializeState(snapshot);
                second.open();
                for (Reading r : stream.subList(2_500, stream.size())) {
                    send(second, r);
                }
                second.extractOutputValues().forEach(m -> emitted.add(m.vehicleId + "=" + m.pressureMax));
            }
            assertThat(emitted).as("cache size %d", cacheSize).isEqualTo(expected);
        }
    }

    @Test
    void registersTheEmittedCounterAndTheTrackedGauge() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        MockEnvironment environment = new MockEnvironmentBuilder().setMetricGroup(new OperatorMetricsOnly(metrics)).build();
        try (var measured = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction()), (Reading r) -> r.vehicleId, Types.STRING,
                environment)) {
            measured.open();
            send(measured, reading("A", 1, 1_000));
            send(measured, reading("A", 2, 1_000));
            send(measured, reading("A", 2, 1_000));
            send(measured, reading("B", 1, 1_000));
            assertThat(((Counter) metrics.get(MaxPressureFunction.METRIC_EMITTED)).getCount()).isEqualTo(3);
            assertThat(((Gauge<?>) metrics.get(MaxPressureFunction.METRIC_TRACKED)).getValue()).isEqualTo(2L);
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

    private static boolean ownsKey(int parallelism, int subtask, String key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, parallelism, subtask)
                .contains(keyGroup);
    }

    /** The vehiclesTracked gauge's value. */
    private static long vehiclesTracked(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h)
            throws Exception {
        @SuppressWarnings("unchecked")
        MaxPressureFunction function = (MaxPressureFunction)
                ((KeyedProcessOperator<String, Reading, PressureMax>) h.getOperator()).getUserFunction();
        return function.vehiclesTracked();
    }
}

package io.github.vpm.job.maximum;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.job.reading.Reading;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
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
                reading -> reading.vehicleId(),
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

    private static Reading reading(String vehicle, double pressure, long timestamp) {
        return new Reading(vehicle, vehicle + "-sensor" + pressure, pressure, timestamp, 20.0 + pressure % 7);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h, Reading r)
            throws Exception {
        h.processElement(r, r.timestamp());
    }

    private static List<Double> maxima(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h) {
        return h.extractOutputValues().stream().map(m -> m.pressureMax()).collect(Collectors.toList());
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
        assertThat(maxima(harness)).containsExactly(500.0, 600.0, 700.0, 701.0);
    }

    @Test
    void keepsEachVehicleSeparate() throws Exception {
        send(harness, reading("A", 10, 1_000));
        send(harness, reading("B", 5, 1_000));
        send(harness, reading("A", 7, 2_000));
        send(harness, reading("B", 6, 2_000));
        assertThat(harness.extractOutputValues())
                .extracting(m -> m.vehicleId() + "=" + m.pressureMax())
                .containsExactly("A=10.0", "B=5.0", "B=6.0");
    }

    @Test
    void lateReadingsStillCount() throws Exception {
        send(harness, reading("V", 100, 100_000));
        harness.processWatermark(new Watermark(90_000));
        // Far behind the watermark, but a higher pressure: still a new maximum.
        send(harness, reading("V", 200, 1_000));
        assertThat(maxima(harness)).containsExactly(100.0, 200.0);
    }

    @Test
    void comparesOnTheDoubleSoIntegralAndFractionalFormsOfOneValueTie() throws Exception {
        long t = 1_000;
        // As decoded from 850000, 850000.0, 8.5e5, 850000.25, 850000.2, 850000.5
        for (double pressure : new double[] {850_000, 850_000.0, 8.5e5, 850_000.25, 850_000.2, 850_000.5}) {
            send(harness, reading("V", pressure, t += 1_000));
        }
        assertThat(maxima(harness)).containsExactly(850_000.0, 850_000.25, 850_000.5);
    }

    @Test
    void aFractionalDifferenceBelowOnePascalIsANewMaximum() throws Exception {
        send(harness, reading("V", 823_456.7891234, 1_000));
        send(harness, reading("V", 823_456.7891233, 2_000));
        send(harness, reading("V", 823_456.7891235, 3_000));
        assertThat(maxima(harness)).containsExactly(823_456.7891234, 823_456.7891235);
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
                    .extracting(m -> m.vehicleId() + "=" + m.pressureMax())
                    .containsExactly("W=51.0", "V=501.0");
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
                    if (ownsKey(3, subtask, same.vehicleId())) {
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
                (Reading r) -> r.vehicleId(), Types.STRING)) {
            ttlHarness.setStateTtlProcessingTime(0);
            ttlHarness.open();
            send(ttlHarness, reading("V", 500, 1_000));
            ttlHarness.setStateTtlProcessingTime(30_000);
            send(ttlHarness, reading("V", 400, 2_000)); // a read refreshes the TTL
            ttlHarness.setStateTtlProcessingTime(80_000);
            send(ttlHarness, reading("V", 450, 3_000));
            ttlHarness.setStateTtlProcessingTime(200_000);
            send(ttlHarness, reading("V", 300, 4_000)); // expired: starts over
            assertThat(maxima(ttlHarness)).containsExactly(500.0, 300.0);
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
            // Integral and fractional pressures, with ties between them (x and x.0 are one double).
            double pressure = random.nextInt(1_000_000) + (i % 3 == 0 ? random.nextInt(4) / 4.0 : 0);
            stream.add(reading("V" + random.nextInt(40), pressure, 1_000L + i));
        }
        Map<String, Double> model = new java.util.HashMap<>();
        List<String> expected = new java.util.ArrayList<>();
        for (Reading r : stream) {
            Double max = model.get(r.vehicleId());
            if (max == null || r.pressure() > max) {
                model.put(r.vehicleId(), r.pressure());
                expected.add(r.vehicleId() + "=" + r.pressure());
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
                first.extractOutputValues().forEach(m -> emitted.add(m.vehicleId() + "=" + m.pressureMax()));
            }
            try (var second = newHarness(new MaxPressureFunction(Duration.ZERO, cacheSize), 1, 0)) {
                second.initializeState(snapshot);
                second.open();
                for (Reading r : stream.subList(2_500, stream.size())) {
                    send(second, r);
                }
                second.extractOutputValues().forEach(m -> emitted.add(m.vehicleId() + "=" + m.pressureMax()));
            }
            assertThat(emitted).as("cache size %d", cacheSize).isEqualTo(expected);
        }
    }

    /**
     * A fleet far larger than the cache: each fill answers almost nothing, so the cache is skipped for
     * {@code CACHE_BYPASS_FILLS} times its size in readings, then used again; the output stays exact.
     */
    @Test
    void aCacheThatDoesNotPayIsSkippedForAWhileThenTriedAgain() throws Exception {
        int cacheSize = 10;
        MaxPressureFunction function = new MaxPressureFunction(Duration.ZERO, cacheSize);
        try (var h = newHarness(function, 1, 0)) {
            h.open();
            // 11 vehicles, each once: no lookup is answered, and the 11th finds the cache full.
            for (int v = 0; v < cacheSize + 1; v++) {
                send(h, reading("V" + v, 100, 1_000L + v));
            }
            assertThat(function.cacheBypassed()).isTrue();
            long bypass = (long) MaxPressureFunction.CACHE_BYPASS_FILLS * cacheSize;
            for (long i = 0; i < bypass - 1; i++) {
                send(h, reading("V" + (i % 5), 50, 2_000L + i)); // below the maxima: nothing emitted
            }
            assertThat(function.cacheBypassed()).as("one reading of the bypass left").isTrue();
            send(h, reading("V0", 50, 9_000L));
            assertThat(function.cacheBypassed()).as("bypass over: the cache is used again").isFalse();
            send(h, reading("V0", 200, 9_001L));
            assertThat(maxima(h)).hasSize(cacheSize + 2).endsWith(200.0);
        }
    }

    /** A cache that answers most readings stays in use when it is full and cleared. */
    @Test
    void aCacheThatPaysStaysInUseWhenItOverflows() throws Exception {
        int cacheSize = 10;
        MaxPressureFunction function = new MaxPressureFunction(Duration.ZERO, cacheSize);
        try (var h = newHarness(function, 1, 0)) {
            h.open();
            for (int round = 0; round < 5; round++) {
                for (int v = 0; v < cacheSize; v++) {
                    send(h, reading("V" + v, 100 - round, 1_000L * round + v)); // answered from round 2 on
                }
            }
            send(h, reading("V-new", 100, 10_000L)); // the cache is full: judged, and it paid
            assertThat(function.cacheBypassed()).isFalse();
        }
    }

    @Test
    void registersTheEmittedCounterAndTheTrackedGauge() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        MockEnvironment environment = new MockEnvironmentBuilder().setMetricGroup(new OperatorMetricsOnly(metrics)).build();
        try (var measured = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction()), (Reading r) -> r.vehicleId(), Types.STRING,
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

    // ------------------------------------------------------------------ upgrade from 0.1 (long state)

    /**
     * A snapshot as release 0.1 left it: {@link Release01Function} keeps maxima in a {@code
     * ValueState<Long>} named "max-pressure" and the vehicle count in "vehicles-tracked", like 0.1's
     * function did (the end-to-end proof against a real 0.1 savepoint is SavepointUpgradeIT).
     */
    private static OperatorSubtaskState release01Snapshot(Map<String, Long> maxima, StateBackend backend)
            throws Exception {
        try (var old = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Release01Function()), (Reading r) -> r.vehicleId(), Types.STRING,
                MAX_PARALLELISM, 1, 0)) {
            old.setStateBackend(backend);
            old.open();
            for (Map.Entry<String, Long> e : maxima.entrySet()) {
                send(old, reading(e.getKey(), e.getValue() - 1, 1_000));
                send(old, reading(e.getKey(), e.getValue(), 2_000));
            }
            assertThat(old.extractOutputValues()).hasSize(2 * maxima.size());
            return old.snapshot(1L, 3_000L);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> restored(
            OperatorSubtaskState snapshot, MaxPressureFunction function, StateBackend backend) throws Exception {
        var h = newHarness(function, 1, 0);
        h.setStateBackend(backend);
        h.initializeState(snapshot);
        h.open();
        return h;
    }

    private static List<StateBackend> backends() {
        return List.of(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend());
    }

    @Test
    void migratesRelease01LongMaximaWithTiesAcrossForms() throws Exception {
        for (StateBackend backend : backends()) {
            OperatorSubtaskState snapshot = release01Snapshot(
                    Map.of("A", 850_000L, "B", 900_000L, "C", 10_000_000L, "D", 0L), backend);
            for (int cacheSize : new int[] {0, MaxPressureFunction.DEFAULT_CACHE_SIZE}) {
                try (var h = restored(snapshot, new MaxPressureFunction(Duration.ZERO, cacheSize), backend)) {
                    send(h, reading("A", 850_000.0, 3_000)); // the long 850000 and the double 850000.0 tie
                    send(h, reading("A", 849_999.999, 3_100)); // below
                    send(h, reading("B", 899_999.5, 3_200)); // below, fractional
                    send(h, reading("C", 10_000_000, 3_300)); // tie at the upper limit
                    send(h, reading("D", 0.0, 3_400)); // tie at zero
                    send(h, reading("A", 850_000.25, 3_500)); // above, fractional: emits
                    send(h, reading("B", 900_000, 3_600)); // tie again, after migration
                    send(h, reading("B", 900_001, 3_700)); // above: emits
                    send(h, reading("E", 5, 3_800)); // new since the upgrade: emits
                    assertThat(h.extractOutputValues())
                            .as("%s, cache %d", backend.getClass().getSimpleName(), cacheSize)
                            .extracting(m -> m.vehicleId() + "=" + m.pressureMax())
                            .containsExactly("A=850000.25", "B=900001.0", "E=5.0");
                    assertThat(vehiclesTracked(h)).isEqualTo(5); // 4 restored + E, none counted twice
                }
            }
        }
    }

    @Test
    void migrationMovesTheMaximumIntoTheDoubleStateAndClearsTheLongOne() throws Exception {
        for (StateBackend backend : backends()) {
            OperatorSubtaskState snapshot = release01Snapshot(Map.of("A", 500L, "B", 700L), backend);
            OperatorSubtaskState afterMigration;
            try (var h = restored(snapshot, new MaxPressureFunction(), backend)) {
                send(h, reading("A", 400, 3_000)); // migrates A; B stays untouched in the long state
                assertThat(longMaximum(h, "A")).isNull();
                assertThat(doubleMaximum(h, "A")).isEqualTo(500.0);
                assertThat(longMaximum(h, "B")).isEqualTo(700L);
                assertThat(doubleMaximum(h, "B")).isNull();
                afterMigration = h.snapshot(2L, 4_000L);
            }
            // Migrated and not-yet-migrated vehicles both survive another checkpoint and restore.
            try (var h = restored(afterMigration, new MaxPressureFunction(), backend)) {
                send(h, reading("A", 500.0, 5_000));
                send(h, reading("B", 700.0, 5_000));
                send(h, reading("A", 500.5, 6_000));
                send(h, reading("B", 700.5, 6_000));
                assertThat(h.extractOutputValues()).extracting(m -> m.vehicleId() + "=" + m.pressureMax())
                        .containsExactly("A=500.5", "B=700.5");
                assertThat(longMaximum(h, "B")).isNull();
                assertThat(doubleMaximum(h, "B")).isEqualTo(700.5);
            }
        }
    }

    @Test
    void migratesRelease01StateWrittenWithATtl() throws Exception {
        // 0.1 with --state-ttl registered its long state with a TTL; so must the reader of it.
        Duration ttl = Duration.ofMinutes(1);
        OperatorSubtaskState snapshot;
        try (var old = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Release01Function(ttl)), (Reading r) -> r.vehicleId(), Types.STRING)) {
            old.setStateTtlProcessingTime(0);
            old.open();
            send(old, reading("A", 500, 1_000));
            snapshot = old.snapshot(1L, 2_000L);
        }
        try (var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction(ttl)), (Reading r) -> r.vehicleId(), Types.STRING)) {
            h.setStateTtlProcessingTime(10_000);
            h.initializeState(snapshot);
            h.open();
            send(h, reading("A", 500.0, 3_000));
            send(h, reading("A", 500.5, 4_000));
            assertThat(maxima(h)).containsExactly(500.5);
        }
    }

    private static Long longMaximum(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h,
                                    String vehicle) throws Exception {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) h.getOperator();
        operator.setCurrentKey(vehicle);
        return operator.getKeyedStateStore().getState(new ValueStateDescriptor<>(MaxPressureFunction.STATE_MAX_PRESSURE_LONG, Types.LONG)).value();
    }

    private static Double doubleMaximum(KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> h,
                                        String vehicle) throws Exception {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) h.getOperator();
        operator.setCurrentKey(vehicle);
        return operator.getKeyedStateStore().getState(new ValueStateDescriptor<>(MaxPressureFunction.STATE_MAX_PRESSURE, Types.DOUBLE)).value();
    }

    /** Release 0.1's MaxPressureFunction, reduced to what shapes its state: a long maximum and a count. */
    private static final class Release01Function extends KeyedProcessFunction<String, Reading, PressureMax>
            implements CheckpointedFunction {

        private static final long serialVersionUID = 1L;
        private final Duration ttl;
        private transient ValueState<Long> max;
        private transient ListState<Long> tracked;
        private long count;

        Release01Function() {
            this(Duration.ZERO);
        }

        Release01Function(Duration ttl) {
            this.ttl = ttl;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            tracked = context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>(MaxPressureFunction.STATE_VEHICLES_TRACKED, Types.LONG));
        }

        @Override
        public void open(OpenContext openContext) {
            ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("max-pressure", Types.LONG);
            if (!ttl.isZero()) {
                descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build());
            }
            max = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(Reading reading, Context context, Collector<PressureMax> out) throws Exception {
            long pressure = (long) reading.pressure();
            Long current = max.value();
            if (current == null) {
                count++;
            } else if (pressure <= current) {
                return;
            }
            max.update(pressure);
            out.collect(PressureMax.of(reading));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            tracked.update(List.of(count));
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

package io.github.vpm.bench.jmh;

import io.github.vpm.job.maximum.MaxPressureFunction;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.reading.Reading;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The state update, the second half of the per-record path: the job's {@link MaxPressureFunction}
 * in its keyed operator on a real keyed state backend (RocksDB, as the job runs, and the heap
 * backend for comparison), against the ceiling's plain HashMap. 10 000 vehicles, random pressures:
 * after warm-up almost every reading is a read without a write, as in the data set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateBenchmark {

    @Param({"rocksdb", "hashmap"})
    public String backend;

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> harness;
    private KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> cachedHarness;
    private final Map<String, Long> plainMap = new HashMap<>();
    private Reading[] readings;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        readings = Samples.readings();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction()), r -> r.vehicleId, Types.STRING, 360, 1, 0);
        harness.setStateBackend("rocksdb".equals(backend) ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        harness.open();
        cachedHarness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CachedMaxPressureFunction()), r -> r.vehicleId, Types.STRING, 360, 1, 0);
        cachedHarness.setStateBackend(
                "rocksdb".equals(backend) ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        cachedHarness.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        harness.close();
        cachedHarness.close();
    }

    @Setup(Level.Iteration)
    public void drainOutput() {
        harness.getOutput().clear();
        cachedHarness.getOutput().clear();
    }

    @Benchmark
    public void maxPressureFunction() throws Exception {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        harness.processElement(new StreamRecord<>(r, r.timestamp));
        if ((next & 1023) == 0) {
            harness.getOutput().clear(); // emitted maxima would pile up otherwise
        }
    }

    /** Proposal: {@link CachedMaxPressureFunction}, a heap lower bound in front of the state. */
    @Benchmark
    public void cachedMaxPressureFunction() throws Exception {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        cachedHarness.processElement(new StreamRecord<>(r, r.timestamp));
        if ((next & 1023) == 0) {
            cachedHarness.getOutput().clear();
        }
    }

    @Benchmark
    public boolean plainHashMap() {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        Long max = plainMap.get(r.vehicleId);
        if (max == null || r.pressure > max) {
            plainMap.put(r.vehicleId, r.pressure);
            return true;
        }
        return false;
    }
}

package io.github.vpm.bench.jmh;

import io.github.vpm.job.maximum.MaxPressureFunction;
import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.reading.Reading;
import java.time.Duration;
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
 * backend for comparison), as the job runs it (with its heap cache of known maxima) and with the
 * cache off (every reading reads the state), against the ceiling's plain HashMap. 10 000 vehicles, random pressures:
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
    private KeyedOneInputStreamOperatorTestHarness<String, Reading, PressureMax> uncachedHarness;
    private final Map<String, Double> plainMap = new HashMap<>();
    private Reading[] readings;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        readings = Samples.readings();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction()), r -> r.vehicleId(), Types.STRING, 360, 1, 0);
        harness.setStateBackend("rocksdb".equals(backend) ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        harness.open();
        uncachedHarness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MaxPressureFunction(Duration.ZERO, 0)),
                r -> r.vehicleId(), Types.STRING, 360, 1, 0);
        uncachedHarness.setStateBackend(
                "rocksdb".equals(backend) ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        uncachedHarness.open();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        harness.close();
        uncachedHarness.close();
    }

    @Setup(Level.Iteration)
    public void drainOutput() {
        harness.getOutput().clear();
        uncachedHarness.getOutput().clear();
    }

    @Benchmark
    public void maxPressureFunction() throws Exception {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        harness.processElement(new StreamRecord<>(r, r.timestamp()));
        if ((next & 1023) == 0) {
            harness.getOutput().clear(); // emitted maxima would pile up otherwise
        }
    }

    /** The same with {@code --state-cache-size 0}: a state read for every reading. */
    @Benchmark
    public void uncachedMaxPressureFunction() throws Exception {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        uncachedHarness.processElement(new StreamRecord<>(r, r.timestamp()));
        if ((next & 1023) == 0) {
            uncachedHarness.getOutput().clear();
        }
    }

    @Benchmark
    public boolean plainHashMap() {
        Reading r = readings[next++ & (Samples.COUNT - 1)];
        Double max = plainMap.get(r.vehicleId());
        if (max == null || r.pressure() > max) {
            plainMap.put(r.vehicleId(), r.pressure());
            return true;
        }
        return false;
    }
}

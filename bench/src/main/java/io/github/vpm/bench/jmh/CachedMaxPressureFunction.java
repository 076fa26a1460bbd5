package io.github.vpm.bench.jmh;

import io.github.vpm.job.maximum.PressureMax;
import io.github.vpm.job.reading.Reading;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A PROPOSAL measured here, not the job's code: {@code MaxPressureFunction} with a write-through
 * heap copy of the maxima this subtask has seen in front of RocksDB. A reading at or below the
 * cached maximum cannot be a new maximum, so it needs no state access at all; only candidates for a
 * new maximum read (and, if higher, write) RocksDB. The cache only ever holds values that are in
 * the state, so it is a lower bound of the true maximum: restore (empty cache) and rescale (a new
 * instance per subtask) stay correct. Not valid with a state TTL (expiry is invisible to the
 * function), so the job would use it only when --state-ttl is 0. Metrics left out for brevity.
 */
public final class CachedMaxPressureFunction extends KeyedProcessFunction<String, Reading, PressureMax> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> maxPressure;
    private transient Map<String, Long> known;

    @Override
    public void open(OpenContext openContext) {
        maxPressure = getRuntimeContext().getState(new ValueStateDescriptor<>("max-pressure", Types.LONG));
        known = new HashMap<>();
    }

    @Override
    public void processElement(Reading reading, Context context, Collector<PressureMax> out) throws Exception {
        Long cached = known.get(reading.vehicleId);
        if (cached != null && reading.pressure <= cached) {
            return; // the state holds at least this much: not a new maximum, no RocksDB access
        }
        Long currentMax = maxPressure.value();
        if (currentMax != null && reading.pressure <= currentMax) {
            known.put(reading.vehicleId, currentMax);
            return;
        }
        maxPressure.update(reading.pressure);
        known.put(reading.vehicleId, reading.pressure);
        out.collect(PressureMax.of(reading));
    }
}

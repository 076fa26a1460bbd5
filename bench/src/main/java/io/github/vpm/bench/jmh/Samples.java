package io.github.vpm.bench.jmh;

import io.github.vpm.bench.data.DataSet;
import io.github.vpm.job.reading.InvalidReadingException;
import io.github.vpm.job.reading.Reading;
import io.github.vpm.job.reading.ReadingDecoder;
import java.util.ArrayList;
import java.util.List;

/** Inputs for the JMH benchmarks, from the harness's own seeded data set (10 000 vehicles x 4 sensors). */
final class Samples {

    static final int COUNT = 1 << 16;

    private Samples() {}

    /** {@link #COUNT} valid input values (JSON bytes) and their keys. */
    static List<DataSet.Record> validRecords() {
        List<DataSet.Record> out = new ArrayList<>(COUNT);
        new DataSet(COUNT * 2L, 10_000, 4, 0, 42, 1_753_223_445_123L).generate(r -> {
            if (r.valid() && out.size() < COUNT) {
                out.add(r);
            }
        });
        return out;
    }

    /** Invalid values, one of each kind the data set makes, repeated. */
    static List<DataSet.Record> invalidRecords() {
        List<DataSet.Record> out = new ArrayList<>();
        new DataSet(200_000, 10_000, 4, 0.01, 7, 1_753_223_445_123L).generate(r -> {
            if (!r.valid()) {
                out.add(r);
            }
        });
        return out;
    }

    static Reading[] readings() throws InvalidReadingException {
        ReadingDecoder decoder = new ReadingDecoder(0, 10_000_000);
        List<DataSet.Record> records = validRecords();
        Reading[] out = new Reading[records.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = decoder.decode(records.get(i).value());
        }
        return out;
    }
}

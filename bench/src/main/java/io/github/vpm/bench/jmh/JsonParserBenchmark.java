package io.github.vpm.bench.jmh;

import io.github.vpm.bench.data.DataSet;
import io.github.vpm.shaded.jackson.core.JsonFactory;
import io.github.vpm.shaded.jackson.core.JsonParser;
import io.github.vpm.shaded.jackson.core.JsonToken;
import io.github.vpm.shaded.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where decode time goes inside Jackson (the job's shaded copy): creating a parser per record
 * (encoding detection included), walking the tokens, and reading the temperature as a double
 * with Jackson's default parser versus its fast one ({@code USE_FAST_DOUBLE_PARSER}, a proposal).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonParserBenchmark {

    private final JsonFactory plain = JsonFactory.builder().build();
    private final JsonFactory fastDoubles = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private byte[][] values;
    private int next;

    @Setup
    public void setUp() {
        values = Samples.validRecords().stream().map(DataSet.Record::value).toArray(byte[][]::new);
    }

    @Benchmark
    public int createParserOnly() throws IOException {
        try (JsonParser p = plain.createParser(values[next++ & (Samples.COUNT - 1)])) {
            return p.nextToken().id();
        }
    }

    @Benchmark
    public double tokensWithDoubles() throws IOException {
        return walk(plain, values[next++ & (Samples.COUNT - 1)]);
    }

    @Benchmark
    public double tokensWithFastDoubles() throws IOException {
        return walk(fastDoubles, values[next++ & (Samples.COUNT - 1)]);
    }

    private static double walk(JsonFactory factory, byte[] value) throws IOException {
        double sum = 0;
        try (JsonParser p = factory.createParser(value)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    sum += p.getDoubleValue();
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    sum += p.getLongValue();
                }
            }
        }
        return sum;
    }
}

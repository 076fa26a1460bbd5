package io.github.vpm.bench.report;

import java.util.Locale;

/**
 * The result of {@code bench/run --sustainable} (and the end of {@code --scale}): the highest input rate
 * (readings/s) each system sustained, as one line that scripts and BENCHMARKS.md quote. A system that
 * sustained no step reads 0; the ratio is then 0 (job) or NaN (peer).
 */
public record SustainableLine(long job, long kafkaStreams) {

    public double jobToKafkaStreams() {
        return kafkaStreams == 0 ? Double.NaN : (double) job / kafkaStreams;
    }

    /** One line, exactly the format; Locale.ROOT so that the ratio always has a dot. */
    public String format() {
        return String.format(Locale.ROOT, "sustainable: job=%d kafka-streams=%d job/kafka-streams=%.2f", job,
                kafkaStreams, jobToKafkaStreams());
    }
}

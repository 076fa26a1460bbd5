package io.github.vpm.testkit;

/**
 * The three topics of the contract (input, maxima, dead letters). Tests that share a broker use
 * {@link #withSuffix} so each gets its own set.
 */
public record ContractTopics(String input, String output, String dlq) {

    public static final int INPUT_PARTITIONS = 6;
    public static final int OUTPUT_PARTITIONS = 4;
    public static final int DLQ_PARTITIONS = 1;

    public static ContractTopics defaults() {
        return new ContractTopics("sensor_pressure_stream", "vehicle_pressure_max", "sensor_pressure_dlq");
    }

    public static ContractTopics withSuffix(String suffix) {
        ContractTopics d = defaults();
        return new ContractTopics(d.input + "-" + suffix, d.output + "-" + suffix, d.dlq + "-" + suffix);
    }
}

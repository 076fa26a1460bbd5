package io.github.vpm.bench;

/** Names of the systems under test, as the options and the report spell them. */
final class Systems {
    static final String CEILING = "ceiling";
    static final String KAFKA_STREAMS = "kafka-streams";
    static final String JOB = "job";
    static final String JOB_AT_LEAST_ONCE = "job-at-least-once";

    private Systems() {}

    static String label(String system) {
        return switch (system) {
            case CEILING -> "ceiling (1 thread, no Flink)";
            case KAFKA_STREAMS -> "Kafka Streams peer (EOS v2, 2 threads)";
            case JOB -> "job, defaults (exactly-once, 10s ckpt)";
            case JOB_AT_LEAST_ONCE -> "job, at-least-once";
            default -> system;
        };
    }
}

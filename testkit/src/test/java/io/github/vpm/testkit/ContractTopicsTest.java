package io.github.vpm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** contract/topics.json says what CONTRACT.md section 1 says. */
class ContractTopicsTest {

    @Test
    void theContractFileDefinesTheContractTopics() {
        assertThat(ContractTopics.inputTopic())
                .isEqualTo(new ContractTopics.Topic("sensor_pressure_stream", 6, Map.of("cleanup.policy", "delete")));
        assertThat(ContractTopics.outputTopic())
                .isEqualTo(new ContractTopics.Topic("vehicle_pressure_max", 4, Map.of("cleanup.policy", "compact")));
        assertThat(ContractTopics.dlqTopic())
                .isEqualTo(new ContractTopics.Topic("sensor_pressure_dlq", 1, Map.of("cleanup.policy", "delete")));
    }

    @Test
    void defaultsAndSuffixesComeFromTheFile() {
        assertThat(ContractTopics.defaults())
                .isEqualTo(new ContractTopics("sensor_pressure_stream", "vehicle_pressure_max", "sensor_pressure_dlq"));
        assertThat(ContractTopics.withSuffix("x").dlq()).isEqualTo("sensor_pressure_dlq-x");
        assertThat(ContractTopics.INPUT_PARTITIONS).isEqualTo(6);
        assertThat(ContractTopics.OUTPUT_PARTITIONS).isEqualTo(4);
        assertThat(ContractTopics.DLQ_PARTITIONS).isEqualTo(1);
    }
}

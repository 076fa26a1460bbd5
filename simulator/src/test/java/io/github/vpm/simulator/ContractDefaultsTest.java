package io.github.vpm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.ContractTopics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's built-in topic default is the input topic contract/topics.json defines. */
class ContractDefaultsTest {

    @Test
    void topicDefaultIsTheContractFilesInputTopic() throws Exception {
        assertThat(SimulatorOptions.parse(Map.of()).topic()).isEqualTo(ContractTopics.inputTopic().name());
    }
}

package io.github.vpm.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.ContractTopics;
import org.junit.jupiter.api.Test;

/** The job's built-in topic defaults are the ones contract/topics.json defines. */
class ContractDefaultsTest {

    @Test
    void topicDefaultsAreTheContractFilesTopics() {
        JobOptions o = JobOptions.parse();
        assertThat(new ContractTopics(o.inputTopic(), o.outputTopic(), o.dlqTopic()))
                .isEqualTo(ContractTopics.defaults());
    }
}

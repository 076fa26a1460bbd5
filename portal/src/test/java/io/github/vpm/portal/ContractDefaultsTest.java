package io.github.vpm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.ContractTopics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's built-in topic default is the maxima topic contract/topics.json defines. */
class ContractDefaultsTest {

    @Test
    void topicDefaultIsTheContractFilesOutputTopic() {
        assertThat(PortalOptions.parse(Map.of()).topic()).isEqualTo(ContractTopics.outputTopic().name());
    }
}

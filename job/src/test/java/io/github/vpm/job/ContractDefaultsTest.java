package io.github.vpm.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpm.testkit.ContractAcls;
import io.github.vpm.testkit.ContractTopics;
import org.junit.jupiter.api.Test;

/** The job's built-in defaults are the ones contract/topics.json and contract/acls.json name. */
class ContractDefaultsTest {

    @Test
    void topicDefaultsAreTheContractFilesTopics() {
        JobOptions o = JobOptions.parse();
        assertThat(new ContractTopics(o.inputTopic(), o.outputTopic(), o.dlqTopic()))
                .isEqualTo(ContractTopics.defaults());
    }

    @Test
    void groupAndTransactionalIdDefaultsAreTheOnesTheAclsCover() {
        JobOptions o = JobOptions.parse();
        assertThat(o.groupId()).isEqualTo(ContractAcls.name("job_group"));
        // The sinks add -max and -dlq: the prefixed ACL covers both.
        assertThat(o.transactionalIdPrefix()).isEqualTo(ContractAcls.name("job_transactional_id_prefix"));
    }
}

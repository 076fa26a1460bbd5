package io.github.vpm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** contract/acls.json says what CONTRACT section 4 says, and nothing more. */
class ContractAclsTest {

    private static final ContractTopics TOPICS = ContractTopics.withSuffix("t");

    @Test
    void thePrincipalsAreTheContractsAndAdminHasNoAcls() {
        assertThat(ContractAcls.principals()).containsExactly("job", "simulator", "portal", "reader");
        assertThat(ContractAcls.allPrincipals()).containsExactly("job", "simulator", "portal", "reader", "admin");
        assertThat(ContractAcls.bindings(TOPICS)).allSatisfy(b -> {
            assertThat(b.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(b.entry().host()).isEqualTo("*");
            assertThat(b.entry().principal()).isNotEqualTo("User:admin");
        });
    }

    @Test
    void theJobReadsTheInputAndItsGroupWritesBothOutputsAndOwnsItsTransactionalIds() {
        assertThat(grants("job")).containsExactlyInAnyOrder(
                "TOPIC " + TOPICS.input() + " LITERAL READ",
                "GROUP vehicle-pressure-max LITERAL READ",
                "TOPIC " + TOPICS.output() + " LITERAL WRITE",
                "TOPIC " + TOPICS.output() + " LITERAL READ",
                "TOPIC " + TOPICS.dlq() + " LITERAL WRITE",
                "TOPIC " + TOPICS.dlq() + " LITERAL READ",
                "TRANSACTIONAL_ID vehicle-pressure-max PREFIXED WRITE",
                "CLUSTER kafka-cluster LITERAL IDEMPOTENT_WRITE");
    }

    @Test
    void theSimulatorOnlyWritesTheInputAndThePortalAndTheReaderOnlyReadTheMaxima() {
        assertThat(grants("simulator")).containsExactly("TOPIC " + TOPICS.input() + " LITERAL WRITE");
        assertThat(grants("portal")).containsExactlyInAnyOrder("TOPIC " + TOPICS.output() + " LITERAL READ",
                "GROUP vpm-portal LITERAL READ");
        assertThat(grants("reader")).containsExactly("TOPIC " + TOPICS.output() + " LITERAL READ");
    }

    @Test
    void namesAreTheProgramsDefaults() {
        assertThat(ContractAcls.name("job_group")).isEqualTo("vehicle-pressure-max");
        assertThat(ContractAcls.name("job_transactional_id_prefix")).isEqualTo("vehicle-pressure-max");
        assertThat(ContractAcls.name("portal_group")).isEqualTo("vpm-portal");
        assertThat(ContractAcls.grants("job")).extracting(ContractAcls.Grant::resource)
                .contains(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID, ResourceType.CLUSTER);
        assertThat(ContractAcls.grants("job")).filteredOn(g -> g.resource() == ResourceType.TRANSACTIONAL_ID)
                .extracting(ContractAcls.Grant::pattern).containsExactly(PatternType.PREFIXED);
        assertThat(ContractAcls.grants("simulator").get(0).operations()).containsExactly(AclOperation.WRITE);
    }

    private static Set<String> grants(String principal) {
        List<AclBinding> bindings = ContractAcls.bindings(TOPICS);
        return bindings.stream().filter(b -> b.entry().principal().equals("User:" + principal))
                .map(b -> b.pattern().resourceType() + " " + b.pattern().name() + " " + b.pattern().patternType()
                        + " " + b.entry().operation())
                .collect(Collectors.toSet());
    }
}

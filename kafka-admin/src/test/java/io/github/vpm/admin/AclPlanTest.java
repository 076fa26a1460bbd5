package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AclPlanTest {

    private static DesiredAcl acl(String principal, String topic, AclOperation operation) {
        return new DesiredAcl(ResourceType.TOPIC, PatternType.LITERAL, topic, "User:" + principal, operation);
    }

    private static AclBinding binding(String principal, String topic, AclOperation operation, String host,
                                      AclPermissionType permission) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry("User:" + principal, host, operation, permission));
    }

    @Test
    void addsWhatIsMissingAndRemovesWhatTheManagedPrincipalsHoldBeyondTheFile() {
        DesiredAcl read = acl("job", "in", AclOperation.READ);
        DesiredAcl write = acl("job", "out", AclOperation.WRITE);
        DesiredAcl describe = acl("portal", "out", AclOperation.DESCRIBE);

        AclPlan plan = AclPlan.of(Set.of(read, write, describe), List.of(
                read.toBinding(),
                acl("job", "old", AclOperation.WRITE).toBinding(),
                describe.toBinding(),
                acl("portal", "in", AclOperation.READ).toBinding()));

        assertThat(plan.missing()).containsExactly(write);
        // Sorted, as the lines are reported.
        assertThat(plan.extra()).containsExactly(acl("portal", "in", AclOperation.READ), acl("job", "old", AclOperation.WRITE));
        assertThat(plan.unmanaged()).isEmpty();
        assertThat(plan.unmanagedWarning()).isNull();
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void neverTouchesAPrincipalTheFileDoesNotName() {
        DesiredAcl read = acl("job", "in", AclOperation.READ);

        AclPlan plan = AclPlan.of(Set.of(read), List.of(read.toBinding(),
                acl("operator", "in", AclOperation.ALL).toBinding(),
                binding("operator", "in", AclOperation.WRITE, "10.0.0.9", AclPermissionType.DENY)));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unmanaged()).isEmpty();
    }

    @Test
    void leavesAManagedPrincipalsDenyAndHostBoundBindingsAloneWithOneWarning() {
        DesiredAcl read = acl("job", "in", AclOperation.READ);
        AclBinding deny = binding("job", "in", AclOperation.WRITE, "*", AclPermissionType.DENY);
        AclBinding hostBound = binding("job", "in", AclOperation.READ, "10.0.0.1", AclPermissionType.ALLOW);

        AclPlan plan = AclPlan.of(Set.of(read), List.of(read.toBinding(), hostBound, deny));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unmanaged()).containsExactly(hostBound, deny);
        assertThat(plan.unmanagedWarning()).isEqualTo("managed principals hold ACLs this tool does not manage"
                + " (deny or host-bound), left alone: TOPIC LITERAL in User:job READ host=10.0.0.1 ALLOW;"
                + " TOPIC LITERAL in User:job WRITE host=* DENY");
    }

    @Test
    void comparesEveryPartOfABinding() {
        DesiredAcl literal = acl("job", "vpm-", AclOperation.READ);
        DesiredAcl prefixed = new DesiredAcl(ResourceType.TOPIC, PatternType.PREFIXED, "vpm-", "User:job", AclOperation.READ);
        DesiredAcl group = new DesiredAcl(ResourceType.GROUP, PatternType.LITERAL, "vpm-", "User:job", AclOperation.READ);

        AclPlan plan = AclPlan.of(Set.of(literal), List.of(prefixed.toBinding(), group.toBinding(), literal.toBinding()));

        assertThat(plan.missing()).isEmpty();
        assertThat(plan.extra()).containsExactly(prefixed, group);
    }

    @Test
    void aManagedPrincipalsBindingOnAnotherKindOfResourceIsExtra() {
        DesiredAcl read = acl("job", "in", AclOperation.READ);
        AclBinding token = new AclBinding(new ResourcePattern(ResourceType.DELEGATION_TOKEN, "t", PatternType.LITERAL),
                new AccessControlEntry("User:job", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW));

        AclPlan plan = AclPlan.of(Set.of(read), List.of(read.toBinding(), token));

        assertThat(plan.extra()).containsExactly(new DesiredAcl(ResourceType.DELEGATION_TOKEN, PatternType.LITERAL, "t",
                "User:job", AclOperation.DESCRIBE));
    }

    @Test
    void anEmptyFileManagesNobody() {
        AclPlan plan = AclPlan.of(Set.of(), List.of(acl("job", "in", AclOperation.READ).toBinding()));

        assertThat(plan.isEmpty()).isTrue();
    }
}

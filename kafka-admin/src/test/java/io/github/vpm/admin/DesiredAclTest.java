package io.github.vpm.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpm.cli.InvalidOptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesiredAclTest {

    @TempDir
    Path dir;

    private String file(String text) throws IOException {
        return Files.writeString(dir.resolve("acls.desired"), text).toString();
    }

    @Test
    void readsTheLinesAclsDesiredJ2WritesAsASet() throws IOException {
        String f = file("# Ansible managed\n# The ACLs vpm-kafka-acls keeps\n"
                + "CLUSTER LITERAL kafka-cluster User:job IDEMPOTENT_WRITE\n"
                + "GROUP LITERAL vpm-job User:job READ\n"
                + "TOPIC LITERAL vehicle-pressure User:job READ\n"
                + "TOPIC LITERAL vehicle-pressure User:job READ\n"
                + "TRANSACTIONAL_ID PREFIXED vpm-job- User:job WRITE\n"
                + "\n"
                + "TOPIC LITERAL * User:reader DESCRIBE_CONFIGS\n");

        Set<DesiredAcl> acls = DesiredAcl.parseFile("--acls", f);

        assertThat(acls).containsExactly(
                new DesiredAcl(ResourceType.CLUSTER, PatternType.LITERAL, "kafka-cluster", "User:job", AclOperation.IDEMPOTENT_WRITE),
                new DesiredAcl(ResourceType.GROUP, PatternType.LITERAL, "vpm-job", "User:job", AclOperation.READ),
                new DesiredAcl(ResourceType.TOPIC, PatternType.LITERAL, "vehicle-pressure", "User:job", AclOperation.READ),
                new DesiredAcl(ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, "vpm-job-", "User:job", AclOperation.WRITE),
                new DesiredAcl(ResourceType.TOPIC, PatternType.LITERAL, "*", "User:reader", AclOperation.DESCRIBE_CONFIGS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "TOPIC LITERAL x User:job~expected <TOPIC|GROUP|TRANSACTIONAL_ID|CLUSTER> <LITERAL|PREFIXED> <name> User:<principal> <OPERATION>, got 'TOPIC LITERAL x User:job'",
        "TOPIC LITERAL x User:job READ WRITE~expected <TOPIC|GROUP|TRANSACTIONAL_ID|CLUSTER> <LITERAL|PREFIXED> <name> User:<principal> <OPERATION>, got 'TOPIC LITERAL x User:job READ WRITE'",
        "topic LITERAL x User:job READ~resource type must be one of TOPIC, GROUP, TRANSACTIONAL_ID, CLUSTER, not 'topic'",
        "DELEGATION_TOKEN LITERAL x User:job READ~resource type must be one of TOPIC, GROUP, TRANSACTIONAL_ID, CLUSTER, not 'DELEGATION_TOKEN'",
        "TOPIC MATCH x User:job READ~pattern type must be one of LITERAL, PREFIXED, not 'MATCH'",
        "CLUSTER LITERAL my-cluster User:job CREATE~the CLUSTER resource is LITERAL kafka-cluster, not 'LITERAL my-cluster'",
        "CLUSTER PREFIXED kafka-cluster User:job CREATE~the CLUSTER resource is LITERAL kafka-cluster, not 'PREFIXED kafka-cluster'",
        "TOPIC LITERAL x job READ~a principal is User:<name>, not 'job'",
        "TOPIC LITERAL x User: READ~a principal is User:<name>, not 'User:'",
    })
    void refusesEachKindOfBadLine(String line, String problem) throws IOException {
        String f = file("# header\nTOPIC LITERAL ok User:job READ\n" + line + "\n");

        assertThatThrownBy(() -> DesiredAcl.parseFile("--acls", f))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("--acls: " + f + " line 3: " + problem);
    }

    @ParameterizedTest
    @CsvSource({"read", "ANY", "UNKNOWN", "Read"})
    void anOperationIsAnAclOperationNameInUpperCaseThatAnAclCanHold(String operation) throws IOException {
        String f = file("TOPIC LITERAL x User:job " + operation + "\n");

        // The list is the client version's AclOperation values (4.x adds some), so only its ends are fixed.
        assertThatThrownBy(() -> DesiredAcl.parseFile("--acls", f))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("--acls: " + f + " line 1: operation must be one of ALL, READ, WRITE, CREATE,")
                .hasMessageContaining(" IDEMPOTENT_WRITE")
                .hasMessageEndingWith(", not '" + operation + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(" ANY,", " UNKNOWN,"));
    }

    @Test
    void meansAllowedFromAnyHostAndDeletesExactlyThat() {
        DesiredAcl acl = new DesiredAcl(ResourceType.TOPIC, PatternType.PREFIXED, "vpm-", "User:job", AclOperation.READ);
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, "vpm-", PatternType.PREFIXED);

        assertThat(acl.toBinding()).isEqualTo(new AclBinding(pattern,
                new AccessControlEntry("User:job", "*", AclOperation.READ, AclPermissionType.ALLOW)));
        assertThat(acl.toFilter().matches(acl.toBinding())).isTrue();
        assertThat(acl.toFilter().matches(new AclBinding(pattern,
                new AccessControlEntry("User:job", "10.0.0.1", AclOperation.READ, AclPermissionType.ALLOW)))).isFalse();
        assertThat(acl.toFilter().matches(new AclBinding(pattern,
                new AccessControlEntry("User:job", "*", AclOperation.READ, AclPermissionType.DENY)))).isFalse();
        assertThat(acl.toFilter().matches(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "vpm-", PatternType.LITERAL),
                new AccessControlEntry("User:job", "*", AclOperation.READ, AclPermissionType.ALLOW)))).isFalse();
        assertThat(acl).hasToString("TOPIC PREFIXED vpm- User:job READ");
    }
}

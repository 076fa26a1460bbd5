package io.github.vpm.admin;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One line of the ACLs file, as ansible's acls.desired.j2 writes it:
 * {@code <TOPIC|GROUP|TRANSACTIONAL_ID|CLUSTER> <LITERAL|PREFIXED> <name> User:<principal> <OPERATION>}.
 * The file means "allowed from any host": {@link #toBinding()} is always host {@code *}, ALLOW.
 *
 * <p>Also what a held binding of a managed principal is compared as ({@link AclPlan}); the resource types
 * are not limited there, so a managed principal's binding on any other resource is simply extra.
 *
 * @param principal with its type, e.g. {@code User:job}
 */
record DesiredAcl(ResourceType resourceType, PatternType patternType, String name, String principal,
                  AclOperation operation) implements Comparable<DesiredAcl> {

    static final String FORMAT = "<TOPIC|GROUP|TRANSACTIONAL_ID|CLUSTER> <LITERAL|PREFIXED> <name> User:<principal> <OPERATION>";

    /** The only name of the CLUSTER resource. */
    static final String CLUSTER_NAME = "kafka-cluster";

    private static final List<ResourceType> RESOURCE_TYPES = List.of(
            ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID, ResourceType.CLUSTER);
    private static final List<PatternType> PATTERN_TYPES = List.of(PatternType.LITERAL, PatternType.PREFIXED);
    /** Every operation an ACL can name: ANY only matches in filters, UNKNOWN is not one. */
    private static final List<AclOperation> OPERATIONS = Arrays.stream(AclOperation.values())
            .filter(op -> op != AclOperation.ANY && op != AclOperation.UNKNOWN).toList();
    private static final String USER = "User:";

    /** Consistent with equals (every field), so sorted sets of these are sets of equal records. */
    private static final Comparator<DesiredAcl> ORDER = Comparator.comparing(DesiredAcl::resourceType)
            .thenComparing(DesiredAcl::patternType).thenComparing(DesiredAcl::name)
            .thenComparing(DesiredAcl::principal).thenComparing(DesiredAcl::operation);

    /**
     * Reads the file named by {@code option}. A line written twice counts once, as the file is a set.
     *
     * @throws io.github.vpm.cli.InvalidOptionException unreadable file or a malformed line (its number named)
     */
    static Set<DesiredAcl> parseFile(String option, String file) {
        Set<DesiredAcl> acls = new LinkedHashSet<>();
        for (DesiredStateFile.Line line : DesiredStateFile.read(option, file)) {
            acls.add(parse(line));
        }
        return Collections.unmodifiableSet(acls);
    }

    static DesiredAcl parse(DesiredStateFile.Line line) {
        if (line.fields().size() != 5) {
            throw line.error("expected " + FORMAT + ", got " + DesiredStateFile.quote(line.text()));
        }
        ResourceType resourceType = oneOf(line, "resource type", line.field(0), RESOURCE_TYPES);
        PatternType patternType = oneOf(line, "pattern type", line.field(1), PATTERN_TYPES);
        String name = line.field(2);
        if (resourceType == ResourceType.CLUSTER
                && (!name.equals(CLUSTER_NAME) || patternType != PatternType.LITERAL)) {
            throw line.error("the CLUSTER resource is LITERAL " + CLUSTER_NAME + ", not "
                    + DesiredStateFile.quote(patternType + " " + name));
        }
        String principal = line.field(3);
        if (!principal.startsWith(USER) || principal.length() == USER.length()) {
            throw line.error("a principal is User:<name>, not " + DesiredStateFile.quote(principal));
        }
        AclOperation operation = oneOf(line, "operation", line.field(4), OPERATIONS);
        return new DesiredAcl(resourceType, patternType, name, principal, operation);
    }

    /** The binding this line means: from any host, allowed. */
    AclBinding toBinding() {
        return new AclBinding(new ResourcePattern(resourceType, name, patternType),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** A filter that matches exactly {@link #toBinding()} and nothing else, to delete it. */
    AclBindingFilter toFilter() {
        return new AclBindingFilter(new ResourcePatternFilter(resourceType, name, patternType),
                new AccessControlEntryFilter(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** The line as the file writes it. */
    @Override
    public String toString() {
        return resourceType + " " + patternType + " " + name + " " + principal + " " + operation;
    }

    @Override
    public int compareTo(DesiredAcl other) {
        return ORDER.compare(this, other);
    }

    /** Exact upper-case names only: the file is generated, so anything else is a template bug. */
    private static <E extends Enum<E>> E oneOf(DesiredStateFile.Line line, String what, String value, List<E> allowed) {
        for (E e : allowed) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw line.error(what + " must be one of " + allowed.stream().map(Enum::name).collect(Collectors.joining(", "))
                + ", not " + DesiredStateFile.quote(value));
    }
}

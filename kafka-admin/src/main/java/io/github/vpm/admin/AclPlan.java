package io.github.vpm.admin;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;

/**
 * What must happen for the ACLs of the principals the ACLs file names (the managed ones) to be exactly
 * the file's, without touching the cluster. Principals the file does not name are never touched.
 *
 * <p>The file means "allowed from any host", so only the managed principals' bindings with host {@code *}
 * and ALLOW are compared with it: the missing ones are to be added, the others removed. A managed
 * principal's DENY or host-bound binding is something an operator set on purpose: left alone, with a
 * warning ({@link #unmanaged}).
 *
 * @param missing   desired, not held: to add; sorted
 * @param extra     held, not desired: to remove; sorted
 * @param unmanaged bindings of managed principals that are not (host *, ALLOW)
 */
record AclPlan(List<DesiredAcl> missing, List<DesiredAcl> extra, List<AclBinding> unmanaged) {

    AclPlan {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        unmanaged = List.copyOf(unmanaged);
    }

    /**
     * @param desired the ACLs file
     * @param current every binding the cluster holds
     */
    static AclPlan of(Collection<DesiredAcl> desired, Collection<AclBinding> current) {
        Set<String> managed = desired.stream().map(DesiredAcl::principal).collect(Collectors.toSet());
        Set<DesiredAcl> held = new TreeSet<>();
        List<AclBinding> unmanaged = current.stream()
                .filter(b -> managed.contains(b.entry().principal()))
                .filter(b -> {
                    if (b.entry().host().equals("*") && b.entry().permissionType() == AclPermissionType.ALLOW) {
                        held.add(new DesiredAcl(b.pattern().resourceType(), b.pattern().patternType(),
                                b.pattern().name(), b.entry().principal(), b.entry().operation()));
                        return false;
                    }
                    return true;
                })
                .sorted((a, b) -> describe(a).compareTo(describe(b)))
                .toList();
        Set<DesiredAcl> missing = new TreeSet<>(desired);
        missing.removeAll(held);
        Set<DesiredAcl> extra = new TreeSet<>(held);
        extra.removeAll(desired);
        return new AclPlan(List.copyOf(missing), List.copyOf(extra), unmanaged);
    }

    boolean isEmpty() {
        return missing.isEmpty() && extra.isEmpty();
    }

    /** The warning about {@link #unmanaged}, one line; null when there are none. */
    String unmanagedWarning() {
        if (unmanaged.isEmpty()) {
            return null;
        }
        return "managed principals hold ACLs this tool does not manage (deny or host-bound), left alone: "
                + unmanaged.stream().map(AclPlan::describe).collect(Collectors.joining("; "));
    }

    /** A binding in the file's words, with its host and permission: {@code TOPIC LITERAL x User:a READ host=h DENY}. */
    static String describe(AclBinding b) {
        return b.pattern().resourceType() + " " + b.pattern().patternType() + " " + b.pattern().name() + " "
                + b.entry().principal() + " " + b.entry().operation() + " host=" + b.entry().host() + " "
                + b.entry().permissionType();
    }
}

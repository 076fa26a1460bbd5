package io.github.vpm.admin;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DeleteAclsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * The cluster's ACLs through the Admin client: reads every binding, carries out an {@link AclPlan} with
 * one create and one delete request, each binding deleted by an exact filter so nothing else goes.
 */
final class ClusterAcls {

    private final Admin admin;
    private final AdminCalls calls;

    ClusterAcls(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
    }

    /**
     * Makes the ACLs of the file's principals exactly the file's.
     *
     * @param log where each action and the warning go, one line each
     * @return whether anything changed
     * @throws AdminFailure the brokers have no authorizer, refuse, or do not answer
     */
    boolean reconcile(Set<DesiredAcl> desired, PrintStream log) {
        Collection<AclBinding> current = calls.await(admin.describeAcls(AclBindingFilter.ANY).values(), "list the ACLs");
        AclPlan plan = AclPlan.of(desired, current);
        FirstFailure failures = new FirstFailure();
        if (!plan.missing().isEmpty()) {
            Map<AclBinding, KafkaFuture<Void>> results =
                    admin.createAcls(plan.missing().stream().map(DesiredAcl::toBinding).toList()).values();
            for (DesiredAcl acl : plan.missing()) {
                failures.run(() -> {
                    calls.await(results.get(acl.toBinding()), "add ACL " + acl);
                    log.println("added ACL " + acl);
                });
            }
        }
        if (!plan.extra().isEmpty()) {
            Map<AclBindingFilter, KafkaFuture<DeleteAclsResult.FilterResults>> results =
                    admin.deleteAcls(plan.extra().stream().map(DesiredAcl::toFilter).toList()).values();
            for (DesiredAcl acl : plan.extra()) {
                failures.run(() -> {
                    DeleteAclsResult.FilterResults deleted = calls.await(results.get(acl.toFilter()), "remove ACL " + acl);
                    for (DeleteAclsResult.FilterResult r : deleted.values()) {
                        if (r.exception() != null) {
                            throw calls.failure("remove ACL " + acl, r.exception());
                        }
                    }
                    log.println("removed ACL " + acl);
                });
            }
        }
        String warning = plan.unmanagedWarning();
        if (warning != null) {
            log.println(KafkaAdminTool.WARNING + warning);
        }
        failures.throwIfAny();
        return !plan.isEmpty();
    }
}

package io.github.vpm.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs of the contract's principals (job, simulator, portal, reader), as defined once in
 * {@code contract/acls.json} (on the classpath as {@value #RESOURCE}); {@code admin} is a super user and
 * has none. The kafka role is to create the same set from the same file.
 */
public final class ContractAcls {

    /** Where testkit's jar carries {@code contract/acls.json}. */
    public static final String RESOURCE = "/contract/acls.json";

    /** The super user: every broker and every tool that manages the cluster. */
    public static final String ADMIN = "admin";

    /** One grant of the file: a resource (topic names are ids of topics.json) and its operations. */
    public record Grant(ResourceType resource, String name, PatternType pattern, List<AclOperation> operations) {
        public Grant {
            operations = List.copyOf(operations);
        }
    }

    private static final JsonNode FILE = load();
    private static final Map<String, String> NAMES = names();
    private static final Map<String, List<Grant>> GRANTS = grants();

    private ContractAcls() {
    }

    /** The principals with ACLs, in the file's order (admin is not among them). */
    public static Set<String> principals() {
        return GRANTS.keySet();
    }

    /** Every principal of the contract: those with ACLs, and admin. */
    public static List<String> allPrincipals() {
        List<String> all = new ArrayList<>(GRANTS.keySet());
        all.add(ADMIN);
        return List.copyOf(all);
    }

    /** A name of the file's {@code names} section, e.g. {@code job_group}. */
    public static String name(String key) {
        String value = NAMES.get(key);
        if (value == null) {
            throw new IllegalArgumentException(RESOURCE + " has no names." + key);
        }
        return value;
    }

    /** The grants of one principal, as written in the file. */
    public static List<Grant> grants(String principal) {
        List<Grant> grants = GRANTS.get(principal);
        if (grants == null) {
            throw new IllegalArgumentException(RESOURCE + " has no principal " + principal);
        }
        return grants;
    }

    /** Every principal's ACLs, with topic ids resolved to {@code topics}' names; allowed from any host. */
    public static List<AclBinding> bindings(ContractTopics topics) {
        List<AclBinding> bindings = new ArrayList<>();
        for (Map.Entry<String, List<Grant>> principal : GRANTS.entrySet()) {
            for (Grant grant : principal.getValue()) {
                ResourcePattern pattern = new ResourcePattern(grant.resource(), resolve(grant, topics), grant.pattern());
                for (AclOperation operation : grant.operations()) {
                    bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + principal.getKey(), "*",
                            operation, AclPermissionType.ALLOW)));
                }
            }
        }
        return List.copyOf(bindings);
    }

    private static String resolve(Grant grant, ContractTopics topics) {
        return switch (grant.resource()) {
            case TOPIC -> switch (grant.name()) {
                case "input" -> topics.input();
                case "output" -> topics.output();
                case "dlq" -> topics.dlq();
                default -> throw new IllegalStateException(RESOURCE + ": no topic " + grant.name()
                        + " in topics.json (input, output, dlq)");
            };
            case CLUSTER -> grant.name();
            default -> name(grant.name());
        };
    }

    private static JsonNode load() {
        try (InputStream in = ContractAcls.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (testkit's pom packs contract/acls.json)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        FILE.path("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(names);
    }

    private static Map<String, List<Grant>> grants() {
        Map<String, List<Grant>> result = new LinkedHashMap<>();
        FILE.path("principals").fields().forEachRemaining(principal -> {
            List<Grant> grants = new ArrayList<>();
            for (JsonNode g : principal.getValue()) {
                List<AclOperation> operations = new ArrayList<>();
                g.path("operations").forEach(op -> operations.add(enumValue(AclOperation.class, op.asText())));
                if (operations.isEmpty() || !g.path("name").isTextual()) {
                    throw new IllegalStateException(RESOURCE + ": every grant of " + principal.getKey()
                            + " needs a name and operations");
                }
                grants.add(new Grant(enumValue(ResourceType.class, g.path("resource").asText()), g.get("name").asText(),
                        enumValue(PatternType.class, g.path("pattern").asText("literal")), operations));
            }
            result.put(principal.getKey(), List.copyOf(grants));
        });
        if (result.containsKey(ADMIN)) {
            throw new IllegalStateException(RESOURCE + ": admin is a super user and must have no ACLs");
        }
        // LinkedHashMap kept (not Map.copyOf) for the file's order; never handed out mutable.
        return Collections.unmodifiableMap(result);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        try {
            E value = Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            if (value.name().equals("ANY") || value.name().equals("UNKNOWN") || value.name().equals("MATCH")) {
                throw new IllegalArgumentException(text);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": " + type.getSimpleName() + " " + text + " is not one Kafka knows");
        }
    }
}

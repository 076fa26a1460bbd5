package io.github.vpm.admin;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Reloads a broker's key store without a restart (Kafka's dynamic broker configuration, KIP-226): setting a
 * listener's ssl.keystore.location makes the broker load the file again when it changed since it was
 * loaded, after checking the new key store (a missing file or a key that does not match its certificate is
 * refused, and the old certificate stays). The listener must be one of the broker's. The override is removed
 * again at once, so that server.properties alone says where the key store is; both requests are incremental
 * and may be repeated (a retry after a request that got no answer).
 */
final class BrokerKeystore {

    private final Admin admin;
    private final AdminCalls calls;

    BrokerKeystore(Admin admin, AdminCalls calls) {
        this.admin = admin;
        this.calls = calls;
    }

    /**
     * @param log where the action goes, one line
     * @throws AdminFailure the broker refused the key store, or did not answer
     */
    void reload(KeystoreReload reload, PrintStream log) {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(reload.broker()));
        // Nothing is set for a listener the broker does not have: in ZooKeeper mode a broker reloads every
        // changed key store on any change of its own settings, so a wrong name would seem to work.
        Config current = calls.await(admin.describeConfigs(List.of(broker)).all(),
                "read the settings of broker " + reload.broker()).get(broker);
        ConfigEntry listeners = current == null ? null : current.get("listeners");
        List<String> names = listenerNames(listeners == null ? null : listeners.value());
        if (names.stream().noneMatch(reload.listener()::equalsIgnoreCase)) {
            throw new AdminFailure("cannot reload the key store of listener " + reload.listener() + ": broker "
                    + reload.broker() + " has no listener of that name (its listeners: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        ConfigEntry entry = new ConfigEntry(reload.configName(), reload.file());
        try {
            calls.await(admin.incrementalAlterConfigs(Map.of(broker,
                            List.of(new AlterConfigOp(entry, AlterConfigOp.OpType.SET)))).all(),
                    "set " + reload.configName() + "=" + reload.file() + " on broker " + reload.broker());
            calls.await(admin.incrementalAlterConfigs(Map.of(broker,
                            List.of(new AlterConfigOp(entry, AlterConfigOp.OpType.DELETE)))).all(),
                    "remove the override " + reload.configName() + " of broker " + reload.broker()
                            + " again (the key store was reloaded)");
        } catch (AdminFailure e) {
            // The set may have reached the broker and made it reload: a retry reports the change. A failure
            // before it (the listener check, the describe) changed nothing and stays a plain failure.
            throw e.afterChangesRequested();
        }
        log.println("reloaded " + reload);
    }

    /** The names in a listeners setting ({@code NAME://host:port,...}). */
    static List<String> listenerNames(String listeners) {
        if (listeners == null || listeners.isBlank()) {
            return List.of();
        }
        return Arrays.stream(listeners.split(","))
                .map(String::strip)
                .filter(l -> l.contains("://"))
                .map(l -> l.substring(0, l.indexOf("://")))
                .toList();
    }
}

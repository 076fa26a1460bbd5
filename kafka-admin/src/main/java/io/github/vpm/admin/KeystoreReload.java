package io.github.vpm.admin;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What --reload-keystore asks for: broker {@code broker} reloads the key store of its listener {@code listener}
 * from {@code file} (a rotated certificate, without a restart).
 *
 * @param broker   the broker's broker.id
 * @param listener the listener's name as server.properties' listeners gives it (e.g. SASL_SSL)
 * @param file     the key store's absolute path on the broker's host
 */
record KeystoreReload(int broker, String listener, String file) {

    private static final Pattern LISTENER_NAME = Pattern.compile("[A-Za-z0-9_]+");

    static boolean isListenerName(String name) {
        return LISTENER_NAME.matcher(name).matches();
    }

    /**
     * The broker's dynamic setting of the listener's key store. Kafka names listeners in config keys in lower
     * case ({@code listener.name.sasl_ssl.}), whatever case the listeners setting uses.
     */
    String configName() {
        return "listener.name." + listener.toLowerCase(Locale.ROOT) + ".ssl.keystore.location";
    }

    @Override
    public String toString() {
        return "the " + listener + " listener's key store of broker " + broker + " from " + file;
    }
}

package io.github.vpm.portal.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * CA certificates from a PEM file that one client trusts instead of the JVM's defaults, e.g. the portal's
 * Prometheus client with {@code --prometheus-ca} (a cluster's own CA). Host names are still verified.
 */
public final class TrustedCertificates {

    private final String file;
    private final List<X509Certificate> certificates;
    private final SSLContext sslContext;

    private TrustedCertificates(String file, List<X509Certificate> certificates, SSLContext sslContext) {
        this.file = file;
        this.certificates = certificates;
        this.sslContext = sslContext;
    }

    /**
     * @param option the option naming the file, for the error line
     * @throws io.github.vpm.cli.InvalidOptionException one line naming the option and the file
     */
    public static TrustedCertificates read(String option, String file) {
        List<X509Certificate> certificates = Pem.certificates(option, file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TrustedCertificates(file.strip(), certificates, context);
        } catch (GeneralSecurityException | IOException e) {
            throw Pem.invalid(option, file, "cannot be trusted: " + e.getMessage());
        }
    }

    /** The client side of TLS: these certificates as the only trust anchors. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    @Override
    public String toString() {
        return file + " (" + certificates.size() + (certificates.size() == 1 ? " certificate)" : " certificates)");
    }
}

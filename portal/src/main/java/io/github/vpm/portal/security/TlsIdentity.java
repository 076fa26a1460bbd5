package io.github.vpm.portal.security;

import io.github.vpm.cli.InvalidOptionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The portal's HTTPS identity from {@code --tls-cert} (PEM certificate chain, the portal's own first) and
 * {@code --tls-key} (its PEM private key): read, checked to belong together and made into an
 * {@link SSLContext} once, at start, so a bad file is a bad option and never a failed handshake later.
 * {@link #toString()} names the certificate, never the key.
 */
public final class TlsIdentity {

    public static final String CERT_OPTION = "--tls-cert";
    public static final String KEY_OPTION = "--tls-key";

    private final List<X509Certificate> chain;
    private final SSLContext sslContext;

    private TlsIdentity(List<X509Certificate> chain, SSLContext sslContext) {
        this.chain = chain;
        this.sslContext = sslContext;
    }

    /**
     * @param certFile {@code --tls-cert}'s value
     * @param keyFile  {@code --tls-key}'s value
     * @throws InvalidOptionException one line naming the option and its file
     */
    public static TlsIdentity read(String certFile, String keyFile) {
        List<X509Certificate> chain = Pem.certificates(CERT_OPTION, certFile);
        PrivateKey key = Pem.privateKey(KEY_OPTION, keyFile);
        if (!matches(key, chain.get(0))) {
            throw Pem.invalid(KEY_OPTION, keyFile, "is not the key of the first certificate in "
                    + CERT_OPTION + " " + InvalidOptionException.quote(certFile));
        }
        try {
            char[] password = "in-memory".toCharArray(); // the store never leaves this object
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("portal", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new TlsIdentity(chain, context);
        } catch (GeneralSecurityException | IOException e) {
            throw Pem.invalid(CERT_OPTION, certFile, "cannot serve TLS with " + KEY_OPTION + ": " + e.getMessage());
        }
    }

    /** The server side of TLS: the chain and the key. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** The portal's own certificate, the chain's first. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whether {@code key} signs what the certificate's public key verifies (a key of another algorithm never). */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null; // RSASSA-PSS and the like: the TLS handshake will tell
        };
        if (algorithm == null) {
            return true;
        }
        byte[] probe = "vpm-portal key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        X509Certificate c = certificate();
        return c.getSubjectX500Principal().getName() + " (issued by " + c.getIssuerX500Principal().getName()
                + ", valid until " + c.getNotAfter().toInstant() + ")";
    }
}

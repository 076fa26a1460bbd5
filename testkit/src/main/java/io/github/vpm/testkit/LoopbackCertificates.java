package io.github.vpm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away CA and one certificate for {@code 127.0.0.1} and {@code localhost} signed by it, made with
 * the JDK's {@code keytool} (EC P-256 keys, valid 7 days), for a server under test: as a PKCS12 keystore
 * (the key, its certificate and the CA, for Java servers such as the broker) and as PEM files (chain and
 * PKCS#8 key, for servers that take PEM such as the portal). Clients trust {@link #caPem()}.
 *
 * <pre>{@code
 * LoopbackCertificates certs = LoopbackCertificates.create(dir, "portal", password);
 * ... "--tls-cert", certs.certificateChainPem(), "--tls-key", certs.privateKeyPem() ...
 * }</pre>
 */
public final class LoopbackCertificates {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final String name;
    private final String password;

    private LoopbackCertificates(Path dir, String name, String password) {
        this.dir = dir;
        this.name = name;
        this.password = password;
    }

    /**
     * Makes the CA and the server's certificate under {@code dir}.
     *
     * @param name     the server's role, naming its files ({@code <name>.p12}, {@code <name>-chain.pem},
     *                 {@code <name>-key.pem})
     * @param password of both keystores (the CA's is {@code ca.p12})
     */
    public static LoopbackCertificates create(Path dir, String name, String password) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoopbackCertificates certificates = new LoopbackCertificates(dir, name, password);
        certificates.make();
        return certificates;
    }

    /** The CA certificate clients trust (PEM). */
    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** The server's key, its certificate and the CA's, under alias {@code name} (PKCS12, {@link #password()}). */
    public Path keystore() {
        return dir.resolve(name + ".p12");
    }

    public String password() {
        return password;
    }

    /** The server's certificate, then the CA's (PEM). */
    public Path certificateChainPem() {
        return dir.resolve(name + "-chain.pem");
    }

    /** The server's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public Path privateKeyPem() {
        return dir.resolve(name + "-key.pem");
    }

    /**
     * A new key and certificate for the server, signed by the same CA, in place of the old ones: what a
     * certificate rotation does to a running server's files. Each file is replaced in one rename, so a
     * server reading it sees the old file or the new one, never half of either.
     */
    public void renew() {
        makeServer();
    }

    private void make() {
        String p = password;
        Path ca = dir.resolve("ca.p12");
        // EC keys: generated in milliseconds, unlike RSA, and fine for TLS 1.3.
        keytool("-genkeypair", "-keystore", ca, "-storetype", "PKCS12", "-storepass", p, "-alias", "ca",
                "-dname", "CN=vpm test CA", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                "-ext", "bc:c");
        keytool("-exportcert", "-keystore", ca, "-storepass", p, "-alias", "ca", "-rfc", "-file", caPem());
        makeServer();
    }

    /** The server's key store and PEM files, written beside the final ones and then renamed over them. */
    private void makeServer() {
        String p = password;
        Path ca = dir.resolve("ca.p12");
        Path next = dir.resolve(name + ".next.p12");
        Path csr = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + ".pem");
        try {
            Files.deleteIfExists(next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keytool("-genkeypair", "-keystore", next, "-storetype", "PKCS12", "-storepass", p, "-alias", name,
                "-dname", "CN=localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7");
        keytool("-certreq", "-keystore", next, "-storepass", p, "-alias", name, "-file", csr);
        // Clients verify the server's address against the SANs (Kafka: ssl.endpoint.identification.algorithm=https).
        keytool("-gencert", "-keystore", ca, "-storepass", p, "-alias", "ca", "-infile", csr, "-outfile", signed,
                "-rfc", "-validity", "7", "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth,clientAuth");
        keytool("-importcert", "-keystore", next, "-storepass", p, "-alias", "ca", "-file", caPem(), "-noprompt");
        keytool("-importcert", "-keystore", next, "-storepass", p, "-alias", name, "-file", signed);
        try {
            replace(certificateChainPem(), Files.readString(signed, StandardCharsets.US_ASCII)
                    + Files.readString(caPem(), StandardCharsets.US_ASCII));
            // keytool exports no private key; the keystore hands it over as PKCS#8 DER.
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(next)) {
                store.load(in, p.toCharArray());
            }
            Key key = store.getKey(name, p.toCharArray());
            replace(privateKeyPem(), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Files.move(next, keystore(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read back " + next, e);
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content, StandardCharsets.US_ASCII);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void keytool(Object... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        for (Object arg : args) {
            command.add(arg.toString());
        }
        ChildProcess.builder("keytool " + args[0], command)
                .appendLog(dir.resolve("keytool.log"))
                .run(TOOL_TIMEOUT);
    }
}

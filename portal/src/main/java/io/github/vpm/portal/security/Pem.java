package io.github.vpm.portal.security;

import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.OptionFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files as OpenSSL, Ansible's community.crypto and {@code keytool -rfc} write them: certificates, and
 * an unencrypted private key in PKCS#8 ({@code BEGIN PRIVATE KEY}) or the traditional OpenSSL forms
 * ({@code BEGIN RSA PRIVATE KEY}, PKCS#1; {@code BEGIN EC PRIVATE KEY}, SEC 1), which are rewrapped as
 * PKCS#8 for the JDK's {@link KeyFactory}. Every problem is one line naming the option and the file.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** Key factories tried in turn for a PKCS#8 key (its algorithm is inside the DER). */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS");

    // DER pieces of the AlgorithmIdentifier a traditional key lacks.
    private static final byte[] VERSION_0 = HexFormat.of().parseHex("020100");
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = HexFormat.of().parseHex("06072a8648ce3d0201");
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int EC_PARAMETERS = 0xa0;

    private Pem() {
    }

    /** The certificates of {@code file} in order (a chain: the server's own first, then its issuers). */
    static List<X509Certificate> certificates(String option, String file) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(option, file)) {
            if (block.label().equals("CERTIFICATE")) {
                try {
                    certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(block.der())));
                } catch (CertificateException e) {
                    throw invalid(option, file, "holds a malformed certificate (" + e.getMessage() + ")");
                }
            }
        }
        if (certificates.isEmpty()) {
            throw invalid(option, file, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }

    /** The one unencrypted private key of {@code file}. */
    static PrivateKey privateKey(String option, String file) {
        List<Block> keys = blocks(option, file).stream().filter(b -> b.label().endsWith("PRIVATE KEY")).toList();
        if (keys.size() != 1) {
            throw invalid(option, file, keys.isEmpty()
                    ? "holds no PEM private key (-----BEGIN PRIVATE KEY-----)"
                    : "holds " + keys.size() + " private keys, expected one");
        }
        Block key = keys.get(0);
        if (key.label().equals("ENCRYPTED PRIVATE KEY")) {
            throw invalid(option, file,
                    "holds an encrypted private key; give it unencrypted, readable only by the portal's user");
        }
        if (!List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY").contains(key.label())) {
            throw invalid(option, file, "holds a " + key.label()
                    + ", expected PKCS#8 (BEGIN PRIVATE KEY), BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY");
        }
        try {
            return pkcs8(switch (key.label()) {
                case "RSA PRIVATE KEY" -> der(SEQUENCE, VERSION_0, RSA_ALGORITHM, der(OCTET_STRING, key.der()));
                case "EC PRIVATE KEY" -> der(SEQUENCE, VERSION_0, der(SEQUENCE, EC_PUBLIC_KEY_OID, curve(key.der())),
                        der(OCTET_STRING, key.der()));
                default -> key.der();
            });
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(option, file, "holds a malformed " + key.label() + " (" + e.getMessage() + ")");
        }
    }

    static InvalidOptionException invalid(String option, String file, String problem) {
        return new InvalidOptionException(option + ": " + InvalidOptionException.quote(file) + " " + problem);
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(String option, String file) {
        // ISO-8859-1 decodes any bytes: a DER or binary file is "no PEM ...", not a charset error.
        Matcher m = BLOCK.matcher(OptionFile.read(option, file, StandardCharsets.ISO_8859_1));
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw invalid(option, file, "has a " + m.group(1) + " that is not base64");
            }
        }
        return blocks;
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("not an RSA, EC or EdDSA key: " + last.getMessage(), last);
    }

    /**
     * The named curve of a SEC 1 ECPrivateKey, {@code SEQUENCE {version, privateKey, [0] parameters, ...}}:
     * the {@code [0]} element's content, an OBJECT IDENTIFIER as PKCS#8's AlgorithmIdentifier wants it.
     */
    private static byte[] curve(byte[] sec1) {
        int[] outer = element(sec1, 0, SEQUENCE);
        for (int pos = outer[0]; pos < outer[1]; ) {
            int[] inner = element(sec1, pos, -1);
            if ((sec1[pos] & 0xff) == EC_PARAMETERS) {
                return Arrays.copyOfRange(sec1, inner[0], inner[1]);
            }
            pos = inner[1];
        }
        throw new IllegalArgumentException("no named curve in the key (OpenSSL writes one; -param_enc named_curve)");
    }

    /** The content bounds {start, end} of the DER element at {@code pos}, checking its tag unless -1. */
    private static int[] element(byte[] der, int pos, int tag) {
        if (pos + 2 > der.length || (tag >= 0 && (der[pos] & 0xff) != tag)) {
            throw new IllegalArgumentException("not DER");
        }
        int length = der[pos + 1] & 0xff;
        int start = pos + 2;
        if (length >= 0x80) {
            int bytes = length & 0x7f;
            if (bytes == 0 || bytes > 3 || start + bytes > der.length) {
                throw new IllegalArgumentException("not DER");
            }
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[start + i] & 0xff);
            }
            start += bytes;
        }
        if (start + length > der.length) {
            throw new IllegalArgumentException("not DER: truncated");
        }
        return new int[] {start, start + length};
    }

    /** One DER element: {@code tag}, its length, then the parts. */
    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}

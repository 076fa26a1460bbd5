package io.github.vpm.portal.security;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.OptionFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may use the portal, from {@code --users-file}: lines {@code user:password} (the password may hold
 * colons; blank lines and {@code #} comments are skipped). Every request then needs HTTP basic auth as
 * one of them. Only SHA-256 digests of the passwords are kept, compared in constant time, and an unknown
 * user costs the same comparison as a wrong password. {@link #toString()} names the users only.
 */
public final class PortalUsers {

    public static final String OPTION = "--users-file";
    /** The protection space browsers and {@code curl} see in {@code WWW-Authenticate}. */
    public static final String REALM = "vpm-portal";

    private final String file;
    private final Map<String, byte[]> digests;
    /** Compared against when the user is unknown, so that case takes as long as a wrong password. */
    private final byte[] unknownUser;

    private PortalUsers(String file, Map<String, byte[]> digests) {
        this.file = file;
        this.digests = digests;
        this.unknownUser = new byte[32];
        new SecureRandom().nextBytes(unknownUser);
    }

    /** @throws InvalidOptionException one line naming the option, the file and the line (never its text) */
    public static PortalUsers read(String file) {
        List<String> lines = OptionFile.read(OPTION, file, StandardCharsets.UTF_8).lines().toList();
        Map<String, byte[]> digests = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1) {
                throw Pem.invalid(OPTION, file, "line " + (i + 1) + ": expected user:password");
            }
            String user = line.substring(0, colon);
            if (digests.put(user, sha256(line.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) != null) {
                throw Pem.invalid(OPTION, file, "line " + (i + 1) + ": user " + InvalidOptionException.quote(user)
                        + " given twice");
            }
        }
        if (digests.isEmpty()) {
            throw Pem.invalid(OPTION, file, "names no user (lines user:password)");
        }
        return new PortalUsers(file.strip(), Map.copyOf(digests));
    }

    /**
     * Whether {@code password} is {@code user}'s; both as the bytes the client sent (UTF-8 from browsers
     * and curl), whatever charset the caller decoded them with.
     */
    public boolean check(byte[] user, byte[] password) {
        byte[] expected = digests.get(new String(user, StandardCharsets.UTF_8));
        boolean equal = MessageDigest.isEqual(sha256(password), expected == null ? unknownUser : expected);
        return equal && expected != null;
    }

    /**
     * Basic auth for every context of the server. The JDK decodes the header as ISO-8859-1 (its default,
     * which keeps {@code WWW-Authenticate: Basic realm="vpm-portal"} plain); encoding back to ISO-8859-1
     * gives the client's bytes unchanged, so UTF-8 passwords work too.
     */
    public Authenticator authenticator() {
        return new BasicAuthenticator(REALM, StandardCharsets.ISO_8859_1) {
            @Override
            public boolean checkCredentials(String user, String password) {
                return check(user.getBytes(StandardCharsets.ISO_8859_1), password.getBytes(StandardCharsets.ISO_8859_1));
            }

            /** Every 401 says how to authenticate (RFC 9110); the JDK leaves it out for another scheme. */
            @Override
            public Result authenticate(HttpExchange exchange) {
                Result result = super.authenticate(exchange);
                if (result instanceof Failure failure && failure.getResponseCode() == 401) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                }
                return result;
            }
        };
    }

    public int size() {
        return digests.size();
    }

    @Override
    public String toString() {
        return file + " (" + digests.size() + (digests.size() == 1 ? " user)" : " users)");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

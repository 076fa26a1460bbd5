package io.github.vpm.portal.ops;

import io.github.vpm.cli.InvalidOptionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * HTTP basic-auth credentials for a Prometheus behind a password (its {@code --web.config.file}
 * {@code basic_auth_users}, or a proxy). Read from a file so the password never shows in a command
 * line or a process list; {@link #toString()} never shows it either.
 */
public record PrometheusCredentials(String user, String password) {

    public static final String OPTION = "--prometheus-auth-file";

    public PrometheusCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The file's first non-empty line, {@code user:password}; anything else is a bad option value. */
    public static PrometheusCredentials read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidOptionException(OPTION + ": cannot read " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        String line = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw new InvalidOptionException(OPTION + ": " + file + " must hold one line user:password");
        }
        return new PrometheusCredentials(line.substring(0, colon), line.substring(colon + 1));
    }

    /** The value of the Authorization header (RFC 7617). */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PrometheusCredentials[user=" + user + ", password=(hidden)]";
    }
}

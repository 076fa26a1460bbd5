package io.github.vpm.portal.ops;

import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.portal.security.TrustedCertificates;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the operations page reads its charts and alerts: Prometheus' base URL, credentials if any, and
 * for an https URL the CA to trust if not the JVM's.
 */
public record PrometheusEndpoint(URI url, Optional<PrometheusCredentials> credentials,
                                 Optional<TrustedCertificates> ca) {

    public static final String OPTION = "--prometheus-url";
    public static final String CA_OPTION = "--prometheus-ca";

    public PrometheusEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(ca, "ca");
    }

    /** An http(s) URL with a host and no user info, query or fragment; kept with a trailing slash. */
    public static URI parseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw InvalidOptionException.expected(OPTION, "an http(s) URL such as http://prometheus:9090", value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw InvalidOptionException.expected(OPTION, "an http(s) URL such as http://prometheus:9090", value);
        }
        if (uri.getRawUserInfo() != null) {
            // A password in a URL ends up in process lists and logs: it belongs in the auth file.
            throw new InvalidOptionException(OPTION + ": no user or password in the URL; use "
                    + PrometheusCredentials.OPTION);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** The API path below the base URL (a Prometheus under a path prefix keeps it). */
    public URI api(String pathAndQuery) {
        return url.resolve(pathAndQuery);
    }

    @Override
    public String toString() {
        return url + credentials.map(c -> " as " + c.user()).orElse("") + ca.map(c -> " trusting " + c).orElse("");
    }
}

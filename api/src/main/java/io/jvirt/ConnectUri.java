package io.jvirt;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A connection URI in libvirt's grammar,
 * {@code driver[+transport]://[user@][host][:port]/[path][?params]}, parsed once.
 *
 * <p>Examples: {@code test:///default} (driver "test", path "/default"),
 * {@code qemu:///embed?root=/tmp/vms} (param root), {@code xen+ssh://alice@h/system}.
 *
 * @param text      the URI as given
 * @param driver    the scheme's driver part ("qemu" of "qemu+ssh")
 * @param transport the scheme's transport part ("ssh"), or null
 * @param user      the user name, or null
 * @param host      the host name, or null for a local URI
 * @param port      the port, or -1
 * @param path      the path ("/system", "/default", ""), never null
 * @param params    the query parameters, decoded, in the order given
 */
public record ConnectUri(String text, String driver, String transport, String user, String host,
        int port, String path, Map<String, String> params) {

    public ConnectUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parses {@code text}. A URI without a scheme is {@link ErrorCode#NO_CONNECT}; malformed
     * syntax is {@link ErrorCode#INVALID_ARG}.
     */
    public static ConnectUri parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.URI, "an empty URI");
        }
        int sep = text.indexOf("://");
        if (sep > 0 && sep + 3 == text.length()) {
            // "xen://": libvirt accepts a bare scheme with nothing after it; java.net.URI does not.
            return of(text, text.substring(0, sep), null, null, -1, "", Map.of());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.URI,
                    "Unable to parse URI " + text);
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE,
                    "URI '" + text + "' does not include a driver name");
        }
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(decode(key), decode(value));
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        return of(text, scheme, uri.getUserInfo(), uri.getHost(), uri.getPort(), path, params);
    }

    private static ConnectUri of(String text, String scheme, String user, String host, int port,
            String path, Map<String, String> params) {
        String driver = scheme;
        String transport = null;
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            driver = scheme.substring(0, plus);
            transport = scheme.substring(plus + 1);
        }
        return new ConnectUri(text, driver.toLowerCase(Locale.ROOT), transport, user, host, port, path, params);
    }

    /** Undoes %XX escapes only, as libvirt's xmlURIUnescapeString ('+' stays a '+'). */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The query parameter {@code name}, if given. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** True when the URI names no server: the driver runs in this process. */
    public boolean isLocal() {
        return host == null || host.isEmpty();
    }

    /** The URI as given. */
    @Override
    public String toString() {
        return text;
    }
}

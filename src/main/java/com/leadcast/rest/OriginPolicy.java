package com.leadcast.rest;

import com.leadcast.config.Settings;
import com.leadcast.scim.ScimException;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the origin of the URLs the service writes comes from, and which hosts it answers for:
 * <ul>
 *     <li>{@value #PUBLIC_URL}, when set, is the origin, whatever the request says;</li>
 *     <li>otherwise the request's scheme and {@code Host}; the {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}
 *     and {@code X-Forwarded-Port} headers replace them only when the request comes from an address of
 *     {@value #TRUSTED_PROXIES} (IP addresses or CIDR ranges), since anyone else could forge them;</li>
 *     <li>{@value #ALLOWED_HOSTS}, when set, lists the host names the service answers for: a URL is never built
 *     from another one (the request is refused with {@code 400}), so a forged {@code Host} cannot put a foreign
 *     origin into {@code Location} or {@code meta.location}.</li>
 * </ul>
 */
final class OriginPolicy {

    static final String PUBLIC_URL = PublicUrls.VARIABLE;
    static final String TRUSTED_PROXIES = "LEADCAST_TRUSTED_PROXIES";
    static final String ALLOWED_HOSTS = "LEADCAST_ALLOWED_HOSTS";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** What a request says about where it was sent. */
    record Request(String scheme, String host, int port, String peer, String forwardedProto, String forwardedHost,
                   String forwardedPort) {
    }

    /** An address range: the first {@code bits} bits of {@code network}. */
    record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(bits).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final Optional<String> publicUrl;
    private final List<Range> trustedProxies;
    private final Set<String> allowedHosts;

    private OriginPolicy(Optional<String> publicUrl, List<Range> trustedProxies, Set<String> allowedHosts) {
        this.publicUrl = publicUrl;
        this.trustedProxies = trustedProxies;
        this.allowedHosts = allowedHosts;
    }

    private static volatile OriginPolicy process;

    /** The policy of this process, read once. @throws IllegalArgumentException naming a wrong setting */
    static OriginPolicy ofProcess() {
        OriginPolicy known = process;
        if (known == null) {
            known = read(Settings.ofProcess().variables());
            process = known;
        }
        return known;
    }

    /** The policy {@code variables} configure. @throws IllegalArgumentException naming a wrong setting */
    static OriginPolicy read(UnaryOperator<String> variables) {
        return new OriginPolicy(publicUrl(variables.apply(PUBLIC_URL)), proxies(variables.apply(TRUSTED_PROXIES)),
                hosts(variables.apply(ALLOWED_HOSTS)));
    }

    /**
     * The origin ({@code scheme://host[:port]}) of the URLs written in answer to {@code request}.
     *
     * @throws ScimException {@code 400 invalidValue} when the host is not one of {@value #ALLOWED_HOSTS}
     */
    String origin(Request request) {
        if (publicUrl.isPresent()) {
            return publicUrl.get();
        }
        String scheme = request.scheme();
        String host = request.host();
        int port = request.port();
        if (trusted(request.peer())) {
            String proto = first(request.forwardedProto());
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
                port = scheme.equals("https") ? 443 : 80;
            }
            String forwardedHost = first(request.forwardedHost());
            if (forwardedHost != null) {
                HostPort parsed = HostPort.of(forwardedHost);
                if (parsed != null) {
                    host = parsed.host();
                    port = parsed.port().orElse(port);
                }
            }
            String forwardedPort = first(request.forwardedPort());
            if (forwardedPort != null && PORT.matcher(forwardedPort).matches()
                    && Integer.parseInt(forwardedPort) <= 65535) {
                port = Integer.parseInt(forwardedPort);
            }
        }
        if (!allowedHosts.isEmpty() && !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw ScimException.invalidValue("This server does not answer for the host '" + printable(host)
                    + "': the request reached it under a name its operator did not configure (" + ALLOWED_HOSTS
                    + "); use the SCIM URL your administrator gave you");
        }
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private boolean trusted(String peer) {
        if (trustedProxies.isEmpty() || peer == null) {
            return false;
        }
        byte[] address = literal(peer);
        return address != null && trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** A host and optional port, as a {@code Host} or {@code X-Forwarded-Host} value gives them. */
    record HostPort(String host, Optional<Integer> port) {
        static HostPort of(String value) {
            int colon = value.lastIndexOf(':');
            String host = value;
            Optional<Integer> port = Optional.empty();
            if (colon > 0 && value.indexOf(']') < colon) {
                String digits = value.substring(colon + 1);
                if (!PORT.matcher(digits).matches() || Integer.parseInt(digits) > 65535) {
                    return null;
                }
                host = value.substring(0, colon);
                port = Optional.of(Integer.parseInt(digits));
            }
            return HOST.matcher(host).matches() ? new HostPort(host, port) : null;
        }
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].trim();
        return first.isEmpty() ? null : first;
    }

    private static String printable(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static Optional<String> publicUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String url = value.trim();
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            throw new IllegalArgumentException(PUBLIC_URL + " is '" + url + "': give the public origin clients reach "
                    + "the server at, scheme and host (and port), without a path, e.g. https://acme.leadcast.app");
        }
        return Optional.of(uri.toString());
    }

    private static List<Range> proxies(String value) {
        List<Range> ranges = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ranges;
        }
        for (String item : value.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            int bits = -1;
            if (address != null) {
                bits = address.length * 8;
                if (slash >= 0) {
                    String prefix = entry.substring(slash + 1);
                    bits = PORT.matcher(prefix).matches() ? Integer.parseInt(prefix) : -1;
                }
            }
            if (address == null || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException(TRUSTED_PROXIES + " holds '" + entry + "': give the IP addresses or "
                        + "CIDR ranges of your reverse proxies, separated by commas, e.g. 10.0.0.5,192.168.0.0/16");
            }
            ranges.add(new Range(address, bits));
        }
        return ranges;
    }

    private static Set<String> hosts(String value) {
        Set<String> hosts = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return hosts;
        }
        for (String item : value.split(",")) {
            String host = item.trim();
            if (host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException(ALLOWED_HOSTS + " holds '" + host + "': give the host names clients "
                        + "use, without scheme or port, separated by commas, e.g. scim.acme.com,localhost");
            }
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    /** The bytes of an IPv4 or IPv6 literal, without any name look-up; null for anything else. */
    private static byte[] literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!address.matches("[0-9.]+") && !(address.contains(":") && address.matches("[0-9A-Fa-f:.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}

package org.tipline.platform;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client a request comes from, as the abuse limits count it (DESIGN 5: the address picks an in-memory counter
 * and is never stored or logged).
 *
 * <p>Behind a reverse proxy the socket peer is the proxy, and the client is in the proxy's forwarded header.
 * That header is believed only when the peer is a trusted proxy, and then read from the right: each proxy
 * appends the address it saw, so the rightmost hop that is not a trusted proxy is the client, and whatever a
 * client wrote to the left of it cannot choose its key. An entry that is not an address ({@code unknown},
 * {@code _hidden}, empty) ends the walk there: the proxy that wrote it did not know the client, and what lies
 * further left is the client's own writing. Without an untrusted hop the socket peer is the client.
 *
 * <p>An IPv6 client is counted by its /64, the smallest network a subscriber usually gets: otherwise one home
 * network would be endless clients.
 *
 * <p>Quarkus' own forwarding must stay off: it believed the leftmost hop, answered "unknown" with a null
 * address and never answered an empty hop at all (issue 12).
 */
@ApplicationScoped
@Startup // a wrong proxy range stops the start, not the first tip
public class ClientAddress {

    private final List<CidrAddress> trustedProxies;
    private final ProxySettings.Header header;

    ClientAddress(ProxySettings settings,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean quarkusForwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<String> quarkusTrustedProxies) {
        if (quarkusForwarding || quarkusTrustedProxies.isPresent()) {
            throw new ConfigurationException("Tipline cannot start: it reads the client's address itself. Leave "
                    + "quarkus.http.proxy.proxy-address-forwarding off and list the proxies in tipline.proxy.trusted-proxies "
                    + "instead of quarkus.http.proxy.trusted-proxies");
        }
        this.trustedProxies = ranges(settings.trustedProxies());
        this.header = settings.header();
    }

    /** The client of this request, as the text the abuse limits key on: an IPv4 address or an IPv6 /64. */
    public String resolve(HttpServerRequest request) {
        return resolve(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), request.headers());
    }

    /** The client behind this socket peer (null for a Unix socket), by the request's headers. */
    String resolve(String peer, MultiMap headers) {
        InetAddress client = peer == null ? null : ForwardedHops.address(peer);
        if (client == null) {
            return "no address"; // a Unix socket: all such clients share one key
        }
        if (trusted(client)) {
            List<String> hops = ForwardedHops.of(header, headers.getAll(header.headerName));
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = ForwardedHops.address(hops.get(i));
                if (hop == null) {
                    break;
                }
                if (!trusted(hop)) {
                    client = hop;
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.matches(address));
    }

    private static String key(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (bytes.length == 4) {
            return client.getHostAddress();
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return Inet.toOptimalString(bytes) + "/64";
    }

    private static List<CidrAddress> ranges(List<String> entries) {
        List<CidrAddress> ranges = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.trim();
            if (text.isEmpty() || (text.equals("none") && entries.size() == 1)) {
                continue;
            }
            ranges.add(range(text));
        }
        return List.copyOf(ranges);
    }

    private static CidrAddress range(String text) {
        int slash = text.indexOf('/');
        InetAddress address = ForwardedHops.address(slash < 0 ? text : text.substring(0, slash));
        int maxBits = address == null ? 0 : address.getAddress().length * 8;
        try {
            int bits = slash < 0 ? maxBits : Integer.parseInt(text.substring(slash + 1));
            if (address != null && bits >= 0 && bits <= maxBits) {
                return CidrAddress.create(address, bits);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigurationException("Tipline cannot start: tipline.proxy.trusted-proxies holds \"" + text
                + "\", which is no address range; write ranges as 10.0.0.0/8 or fd00::/8, or single addresses");
    }
}

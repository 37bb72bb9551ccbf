package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address a request counts under, behind proxies and without: the rightmost hop that is not a trusted proxy. */
class ClientAddressTest {

    private static final String PROXY = "10.0.0.7";

    static ClientAddress resolver(ProxySettings.Header header, String... trustedProxies) {
        return new ClientAddress(settings(header, List.of(trustedProxies)), false, Optional.empty());
    }

    static ProxySettings settings(ProxySettings.Header header, List<String> trustedProxies) {
        return new ProxySettings() {
            public List<String> trustedProxies() {
                return trustedProxies;
            }

            public Header header() {
                return header;
            }
        };
    }

    private final ClientAddress xForwardedFor = resolver(ProxySettings.Header.X_FORWARDED_FOR, "127.0.0.0/8", "10.0.0.0/8", "::1");
    private final ClientAddress forwarded = resolver(ProxySettings.Header.FORWARDED, "127.0.0.0/8", "10.0.0.0/8");

    @Test
    void shouldTakeTheSocketPeerWithoutAProxy() {
        assertThat(xForwardedFor.resolve("203.0.113.9", xff())).isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve("203.0.113.9", xff("198.51.100.1"))).as("an untrusted peer's header")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void shouldTakeTheRightmostHopThatIsNotATrustedProxy() {
        assertThat(xForwardedFor.resolve(PROXY, xff("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve(PROXY, xff("203.0.113.9, 10.0.0.2, 10.0.0.3"))).as("through our proxies")
                .isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve(PROXY, xff("198.51.100.1", "203.0.113.9"))).as("one line per proxy")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void shouldNotLetAClientPickItsKeyByWritingLeftmostEntries() {
        for (String madeUp : List.of("198.51.100.1", "198.51.100.2, 192.0.2.9", "10.9.9.9", "unknown", "", "::1")) {
            assertThat(xForwardedFor.resolve(PROXY, xff(madeUp + ", 203.0.113.9"))).as(madeUp).isEqualTo("203.0.113.9");
        }
    }

    @Test
    void shouldStopAtAnEntryThatIsNoAddressAndCountThePeer() {
        // A trusted proxy that writes "unknown" did not know the client; what is left of it, the client wrote.
        assertThat(xForwardedFor.resolve(PROXY, xff("198.51.100.1, unknown"))).isEqualTo(PROXY);
        assertThat(xForwardedFor.resolve(PROXY, xff("198.51.100.1, "))).isEqualTo(PROXY);
        assertThat(xForwardedFor.resolve(PROXY, xff("198.51.100.1, proxy.example.org"))).isEqualTo(PROXY);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", ",", ", 10.0.0.1", ",,", "unknown", "_hidden", "10.0.0.1, 127.0.0.1", "[", "[::1",
            "1.2.3", "256.1.1.1", "::ffff:10.0.0.1", "a:b:c", "203.0.113.9 extra" })
    void shouldCountTheProxyItselfWhenNoHopIsAnUntrustedAddress(String header) {
        assertThat(xForwardedFor.resolve(PROXY, xff(header))).isEqualTo(PROXY);
    }

    @Test
    void shouldReadAddressesWithPortsBracketsAndIpv4InIpv6() {
        assertThat(xForwardedFor.resolve(PROXY, xff("203.0.113.9:8443"))).isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve(PROXY, xff("[2001:db8::1]:443"))).isEqualTo("2001:db8::/64");
        assertThat(xForwardedFor.resolve(PROXY, xff("[2001:db8::1]"))).isEqualTo("2001:db8::/64");
        assertThat(xForwardedFor.resolve(PROXY, xff("::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve("::ffff:127.0.0.1", xff("203.0.113.9"))).as("a dual-stack socket")
                .isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve("0:0:0:0:0:0:0:1", xff("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(xForwardedFor.resolve(PROXY, xff("fe80::1%nonexistent0"))).as("a zone, dropped unread")
                .isEqualTo("fe80::/64");
    }

    @Test
    void shouldCountAnIpv6ClientByItsSlash64() {
        String key = xForwardedFor.resolve("2001:db8:1:2:aaaa::1", xff());
        assertThat(key).isEqualTo("2001:db8:1:2::/64");
        assertThat(xForwardedFor.resolve("2001:db8:1:2:bbbb:cccc:dddd:eeee", xff())).isEqualTo(key);
        assertThat(xForwardedFor.resolve(PROXY, xff("2001:db8:1:2::99"))).isEqualTo(key);
        assertThat(xForwardedFor.resolve("2001:db8:1:3::1", xff())).isNotEqualTo(key);
    }

    @Test
    void shouldReadTheForwardedHeaderWhenTheProxiesWriteThat() {
        assertThat(forwarded.resolve(PROXY, fwd("for=192.0.2.60;proto=http;by=203.0.113.43"))).isEqualTo("192.0.2.60");
        assertThat(forwarded.resolve(PROXY, fwd("for=198.51.100.1, for=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo("2001:db8:cafe::/64");
        assertThat(forwarded.resolve(PROXY, fwd("For=\"192.0.2.60:443\" ; proto=https"))).isEqualTo("192.0.2.60");
        assertThat(forwarded.resolve(PROXY, fwd("for=198.51.100.1, for=_hidden"))).isEqualTo(PROXY);
        assertThat(forwarded.resolve(PROXY, fwd("for=198.51.100.1, proto=https"))).as("an element without for")
                .isEqualTo(PROXY);
        assertThat(forwarded.resolve(PROXY, fwd("for=\", for=192.0.2.60"))).as("an unbalanced quote")
                .isEqualTo("192.0.2.60");
    }

    @Test
    void shouldBelieveOnlyTheConfiguredHeader() {
        // A proxy passes on what the client wrote into the header it does not write itself.
        MultiMap both = headers("X-Forwarded-For", "203.0.113.9").add("Forwarded", "for=198.51.100.1");
        assertThat(xForwardedFor.resolve(PROXY, both)).isEqualTo("203.0.113.9");
        assertThat(forwarded.resolve(PROXY, both)).isEqualTo("198.51.100.1");
        assertThat(xForwardedFor.resolve(PROXY, fwd("for=203.0.113.9"))).isEqualTo(PROXY);
        assertThat(forwarded.resolve(PROXY, xff("203.0.113.9"))).isEqualTo(PROXY);
        assertThat(forwarded.resolve(PROXY, fwd("203.0.113.9"))).as("not a Forwarded element").isEqualTo(PROXY);
    }

    private static MultiMap headers(String name, String... lines) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String line : lines) {
            headers.add(name, line);
        }
        return headers;
    }

    static MultiMap xff(String... lines) {
        return headers("X-Forwarded-For", lines);
    }

    static MultiMap fwd(String... lines) {
        return headers("Forwarded", lines);
    }

    @Test
    void shouldGiveEveryClientWithoutAnAddressOneKey() {
        assertThat(xForwardedFor.resolve(null, xff("203.0.113.9"))).isEqualTo("no address");
    }
}

package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tipline.platform.ClientAddressTest.xff;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The trusted proxies are address ranges, read without DNS: Quarkus once took a bare "::1" for a host name and
 * looked it up while requests waited. A wrong entry, or Quarkus' own forwarding switched back on, stops the start.
 */
class TrustedProxiesTest {

    private static final String CLIENT = "203.0.113.9";

    private static ClientAddress trusting(String... ranges) {
        return ClientAddressTest.resolver(ProxySettings.Header.X_FORWARDED_FOR, ranges);
    }

    private static boolean trusts(ClientAddress resolver, String peer) {
        return resolver.resolve(peer, xff(CLIENT)).equals(CLIENT);
    }

    @Test
    void shouldTrustNoProxyByDefault() throws NoSuchMethodException {
        // A deployment names its ingress; believing whole private ranges let any pod or VPN client pick its own key.
        String defaults = ProxySettings.class.getMethod("trustedProxies").getAnnotation(WithDefault.class).value();
        ClientAddress resolver = trusting(defaults.split(","));
        for (String peer : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "::1", "fd12::1", "198.51.100.1")) {
            assertThat(trusts(resolver, peer)).as(peer).isFalse();
        }
    }

    @Test
    void shouldTakeASingleAddressAsARangeOfOne() {
        ClientAddress resolver = trusting("::1", "192.0.2.10");
        assertThat(trusts(resolver, "::1")).isTrue();
        assertThat(trusts(resolver, "192.0.2.10")).isTrue();
        assertThat(trusts(resolver, "192.0.2.11")).isFalse();
    }

    @Test
    void shouldTrustNoProxyWhenToldNone() {
        ClientAddress resolver = trusting("none");
        assertThat(trusts(resolver, "127.0.0.1")).isFalse();
        assertThat(resolver.resolve("127.0.0.1", xff(CLIENT))).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldRefuseToStartWithAnEntryThatIsNoAddressRange() {
        for (String entry : List.of("proxy.internal", "localhost", "10.0.0.0/33", "::/129", "10.0.0.0/x", "10.0.0.0/-1", "none")) {
            assertThatThrownBy(() -> trusting("10.0.0.0/8", entry)).as(entry)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("tipline.proxy.trusted-proxies")
                    .hasMessageContaining(entry);
        }
    }

    @Test
    void shouldRefuseToStartWithQuarkusForwardingOn() {
        ProxySettings settings = ClientAddressTest.settings(ProxySettings.Header.X_FORWARDED_FOR, List.of("10.0.0.0/8"));
        assertThatThrownBy(() -> new ClientAddress(settings, true, Optional.empty()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("proxy-address-forwarding");
        assertThatThrownBy(() -> new ClientAddress(settings, false, Optional.of("10.0.0.0/8")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tipline.proxy.trusted-proxies");
    }

    @Test
    void shouldLeaveQuarkusForwardingOffInTheConfiguration() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.http.proxy.proxy-address-forwarding")).isEqualTo("false");
        assertThat(properties.stringPropertyNames()).noneMatch(name -> name.endsWith("quarkus.http.proxy.trusted-proxies"));
        assertThat(Arrays.asList("quarkus.http.proxy.allow-forwarded", "quarkus.http.proxy.allow-x-forwarded"))
                .noneMatch(properties::containsKey);
    }
}

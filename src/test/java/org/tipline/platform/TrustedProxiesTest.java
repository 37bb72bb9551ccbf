package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every trusted proxy is written as an address range. Quarkus takes anything else for a host name and
 * resolves it while requests wait: a bare "::1" once cost every 64th request a 5-second DNS timeout.
 */
class TrustedProxiesTest {

    private static final String IPV4_CIDR = "(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}";
    private static final String IPV6_CIDR = "[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d{1,3}";

    @Test
    void shouldListOnlyAddressRanges() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String proxies = properties.getProperty("quarkus.http.proxy.trusted-proxies");
        assertThat(proxies).isNotBlank();
        assertThat(Arrays.stream(proxies.split(",")).map(String::trim))
                .allSatisfy(entry -> assertThat(entry).matches(IPV4_CIDR + "|" + IPV6_CIDR));
    }
}

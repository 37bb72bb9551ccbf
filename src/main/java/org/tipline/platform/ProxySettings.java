package org.tipline.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which reverse proxies in front of the service are believed about the client's address ({@link ClientAddress}). */
@ConfigMapping(prefix = "tipline.proxy")
public interface ProxySettings {

    /**
     * Address ranges (CIDR, or single addresses) of the proxies whose forwarded header is believed, or {@code none}.
     * Only addresses: a host name is refused at start-up, so that no request ever waits for DNS. None by default: a
     * deployment names its ingress, since a range believed too widely lets a client choose its own key.
     */
    @WithDefault("none")
    List<String> trustedProxies();

    /**
     * The one header the proxies append the client's address to. The other is ignored: a proxy passes on what
     * a client wrote into a header it does not touch itself, so believing both would let a client pick its key.
     */
    @WithDefault("x-forwarded-for")
    Header header();

    enum Header {
        /** {@code X-Forwarded-For: client, proxy1, proxy2} (nginx, HAProxy, Envoy, Traefik, cloud load balancers). */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** {@code Forwarded: for=client, for=proxy1} (RFC 7239). */
        FORWARDED("Forwarded");

        final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }
    }
}

package org.tipline.platform;

import java.util.List;

/**
 * Origins other than the app's own that its pages must reach with {@code fetch} (the CSP's {@code connect-src}),
 * supplied by the feature that needs them from its own configuration: the external identity provider's token
 * endpoint is the one today. Each is an exact origin ({@code https://idp.example.org}), never a wildcard.
 */
public interface ConnectOrigins {

    /** The origins, each {@code scheme://host[:port]}; empty when none is needed. */
    List<String> origins();
}

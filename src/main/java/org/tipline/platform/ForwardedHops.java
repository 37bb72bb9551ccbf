package org.tipline.platform;

import io.smallrye.common.net.Inet;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the hops of a forwarded header, leftmost first, as the proxies and the client wrote them. Nothing here is
 * trusted; {@link ClientAddress} decides which hop to believe.
 *
 * <p>Entries are split at every comma and semicolon without regard to quotes: a quoted value never holds a
 * usable address with a comma in it, and an unbalanced quote from a client must not swallow the entry a proxy
 * appended after it.
 */
final class ForwardedHops {

    private ForwardedHops() {
    }

    /** Every entry of these header lines, leftmost first, with quotes and ports stripped; non-addresses stay as text. */
    static List<String> of(ProxySettings.Header header, List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                hops.add(header == ProxySettings.Header.FORWARDED ? forOf(element) : element.trim());
            }
        }
        return hops;
    }

    /** The {@code for=} value of one Forwarded element; an element without one still counts as a hop (with no address). */
    private static String forOf(String element) {
        for (String pair : element.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                return pair.substring(equals + 1).trim().replace("\"", "").trim();
            }
        }
        return "";
    }

    /**
     * The IP address of one hop, or null when it is none ({@code unknown}, {@code _hidden}, empty, a host name):
     * parsed as a literal only, never looked up in DNS. Ports ({@code 192.0.2.1:443}, {@code [2001:db8::1]:443})
     * and zones are dropped, and an IPv4 address written as IPv6 ({@code ::ffff:192.0.2.1}) is the IPv4 address.
     */
    static InetAddress address(String hop) {
        String literal = hop;
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            literal = close < 0 ? "" : literal.substring(1, close);
        } else if (literal.indexOf(':') >= 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            literal = literal.substring(0, literal.indexOf(':'));
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        InetAddress parsed = Inet.parseInetAddress(literal);
        if (parsed == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(parsed.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}

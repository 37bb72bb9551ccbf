package org.tipline.notify;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A configured SMS gateway: every setting of {@link SmsSettings}. Prints without its token. */
record SmsGateway(URI url, String account, @Redacted String token, String from) {

    /**
     * The gateway, or empty when none is configured (SMS off). A gateway configured in part stops the start with one
     * line naming what is missing: SMS that silently never goes would be found out during an emergency.
     */
    static Optional<SmsGateway> of(SmsSettings settings) {
        Optional<String> url = present(settings.url());
        Optional<String> account = present(settings.account());
        Optional<String> token = present(settings.token());
        Optional<String> from = present(settings.from());
        List<String> missing = new ArrayList<>();
        requireSet(url, "tipline.sms.url", missing);
        requireSet(account, "tipline.sms.account", missing);
        requireSet(token, "tipline.sms.token", missing);
        requireSet(from, "tipline.sms.from", missing);
        if (missing.size() == 4) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("Tipline cannot start: an SMS gateway is configured in part; set "
                    + String.join(", ", missing) + " as well, or none of tipline.sms.* to leave SMS off");
        }
        return Optional.of(new SmsGateway(httpUrl(url.get()), account.get(), token.get(), from.get()));
    }

    /** Empty values count as not set: an environment variable set to nothing is how deployments leave one out. */
    private static Optional<String> present(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }

    private static void requireSet(Optional<String> value, String name, List<String> missing) {
        if (value.isEmpty()) {
            missing.add(name);
        }
    }

    /** Only http(s) with a host; the value itself is not repeated in the message (it names the account). */
    private static URI httpUrl(String value) {
        try {
            URI url = new URI(value);
            if (("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // below: the same answer as for any other URL that is not one
        }
        throw new ConfigurationException("Tipline cannot start: tipline.sms.url must be an http or https URL, "
                + "e.g. https://api.example.com/2010-04-01/Accounts/AC123/Messages.json");
    }

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}

package org.tipline.auth;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.Map;

/**
 * In mode {@code external-oidc}, answers smallrye-jwt's verification settings ({@code mp.jwt.verify.*})
 * from {@code tipline.auth.external.*}, so that one switch changes everything token verification uses:
 * issuer, audience, algorithm and the provider's JWKS URL instead of our own public key. In built-in mode
 * it changes nothing.
 *
 * <p>An interceptor rather than a config source, because it must see the mode wherever it is set
 * (environment, secret file, test profile) and must override {@code application.properties}, which
 * points {@code mp.jwt.verify.publickey} at the built-in key: smallrye-jwt prefers that key to a JWKS
 * location, so it is answered {@code NONE} here.
 */
public class ExternalIssuerConfig implements ConfigSourceInterceptor {

    private static final String NONE = "NONE";

    /** smallrye-jwt setting → where its value comes from in external mode. */
    private static final Map<String, String> EXTERNAL = Map.of(
            "mp.jwt.verify.issuer", "tipline.auth.external.issuer",
            "mp.jwt.verify.audiences", "tipline.auth.external.audience",
            "mp.jwt.verify.publickey.location", "tipline.auth.external.jwks-url",
            "mp.jwt.verify.publickey.algorithm", "tipline.auth.external.signature-algorithm");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        boolean ours = name.equals("mp.jwt.verify.publickey") || EXTERNAL.containsKey(name);
        if (!ours || !external(context)) {
            return context.proceed(name);
        }
        if (name.equals("mp.jwt.verify.publickey")) {
            return ConfigValue.builder().withName(name).withValue(NONE).withConfigSourceName(getClass().getSimpleName()).build();
        }
        ConfigValue value = context.proceed(EXTERNAL.get(name));
        if (value == null && name.equals("mp.jwt.verify.publickey.algorithm")) {
            // The default of AuthSettings.ExternalIssuer#signatureAlgorithm, which config lookups do not see.
            return ConfigValue.builder().withName(name).withValue("RS256").withConfigSourceName(getClass().getSimpleName()).build();
        }
        return value == null ? null : value.withName(name);
    }

    private static boolean external(ConfigSourceInterceptorContext context) {
        ConfigValue mode = context.proceed("tipline.auth.mode");
        // Lenient on purpose: a misspelt mode is reported by AuthSettings, not here in the middle of a lookup.
        return mode != null && mode.getValue() != null
                && mode.getValue().trim().replace('_', '-').equalsIgnoreCase("external-oidc");
    }
}

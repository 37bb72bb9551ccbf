package org.tipline.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tipline.platform.Sha256;

/**
 * smallrye-jwt's parser with a bounded memory of tokens whose signature, issuer and audience it has
 * already verified, keyed by the SHA-256 of the whole token: a staff console sends the same token with
 * every request for 15 minutes, and verifying its signature (ES256 or the provider's RS256) again each
 * time was about a fifth of the CPU of a queue request.
 *
 * <p>Only what never changes for a given token is remembered. A remembered token is used only until its
 * expiry; whether its account is still enabled and the token still after the account's "not before" is
 * checked on every request by {@link StaffTokenCheck}, so revocation stays immediate. A token that fails
 * verification is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
class VerifiedTokens extends DefaultJWTParser {

    /** Far above the staff signed in at once; when full, expired entries go first, then everything. */
    static final int CAPACITY = 4096;

    /** The system clock, not the application's: expiry is judged as smallrye-jwt judges it. */
    private final Clock clock = Clock.systemUTC();
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String key = sha256(token);
        JsonWebToken known = verified.get(key);
        long now = clock.instant().getEpochSecond();
        if (known != null && now < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken fresh = super.parse(token);
        remember(key, fresh, now);
        return fresh;
    }

    private void remember(String key, JsonWebToken token, long now) {
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(old -> now >= old.getExpirationTime());
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(key, token);
    }

    /** Whether this token's verification is remembered (for tests). */
    boolean remembers(String token) {
        return verified.containsKey(sha256(token));
    }

    private static String sha256(String token) {
        return Base64.getEncoder().encodeToString(Sha256.of(token));
    }
}

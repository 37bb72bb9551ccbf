package org.tipline.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.tipline.crypto.ServerSecrets;

/**
 * Challenge tokens that need no state to check: {@code 1.<purpose>.<difficulty>.<expiry epoch s>.<random>.<mac>},
 * the MAC an HMAC under a sub-key of the pepper, so every replica checks what any replica issued and nobody else
 * can lower a difficulty or move an expiry. The random part makes each token, and so each proof, unique.
 */
@ApplicationScoped
class ChallengeTokens {

    private static final String VERSION = "1";
    private static final String MAC_PURPOSE = "proof-of-work-v1";
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSecrets secrets;

    ChallengeTokens(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** What a valid token says. */
    record Claims(Purpose purpose, int difficulty, Instant expiresAt) {
    }

    String issue(Purpose purpose, int difficulty, Instant expiresAt) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        String payload = String.join(".", VERSION, purpose.label(), Integer.toString(difficulty),
                Long.toString(expiresAt.getEpochSecond()), BASE64.encodeToString(random));
        return payload + "." + BASE64.encodeToString(mac(payload));
    }

    /** The token's claims when this service issued it unchanged; empty for anything else. */
    Optional<Claims> read(String token) {
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        byte[] mac;
        try {
            mac = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        // Signed by us, so well-formed: the fields are read without further checks.
        String[] fields = payload.split("\\.");
        if (fields.length != 5 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        return Purpose.ofLabel(fields[1]).map(purpose -> new Claims(purpose, Integer.parseInt(fields[2]),
                Instant.ofEpochSecond(Long.parseLong(fields[3]))));
    }

    private byte[] mac(String payload) {
        return Arrays.copyOf(secrets.keyedHash(MAC_PURPOSE, payload.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
    }
}

package org.tipline.crypto;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction.Redacted;
import org.tipline.platform.Redaction;

/**
 * An answer only the requesting page can read (DESIGN 6): AES-256-GCM under a key from an ECDH the page holds the
 * private half of. For an envelope's answer that is the envelope's own ephemeral key ({@code epk} absent); for a
 * follow-up answer, the page's registered response key and the fresh server key given in {@code epk}.
 */
@Schema(name = "SealedReply", description = "An answer sealed to the requesting page. Envelope answers: key = "
        + "HKDF-SHA256(ikm = the envelope's ECDH shared secret, salt = the envelope's epk, info = \"tipline-reply-v1|\" + kid), "
        + "additional data = the same info. Follow-up answers: shared = ECDH(page's response key, epk); key = "
        + "HKDF-SHA256(ikm = shared, salt = epk, info = \"tipline-response-v1\"), additional data = the same info. "
        + "The plaintext is the answer's JSON in UTF-8.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SealedReply(
        @Schema(required = true, description = "Always " + SealedReply.ALGORITHM) String alg,
        @Schema(description = "Only on follow-up answers: the server's ephemeral P-256 key, raw uncompressed point, "
                + "base64url") String epk,
        @Schema(required = true, description = "AES-GCM IV (12 bytes), base64url") String iv,
        @Schema(required = true, description = "AES-GCM ciphertext with its 16-byte tag, base64url") @Redacted String ciphertext) {

    public static final String ALGORITHM = "A256GCM";
    public static final String MEDIA_TYPE = "application/vnd.tipline.sealed+json";

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}

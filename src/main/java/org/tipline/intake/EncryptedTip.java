package org.tipline.intake;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.crypto.IntakeEnvelope;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * A {@link TipSubmission} encrypted in the browser to the intake key, so that a network that logs form
 * posts (school content filters do) sees only ciphertext. Format: {@link IntakeEnvelope}.
 */
@Schema(name = "EncryptedTip", description = "A TipSubmission encrypted with ECDH P-256, HKDF-SHA256 and AES-256-GCM. "
        + "shared = ECDH(ephemeral private key, intake public key) (32 bytes); "
        + "key = HKDF-SHA256(ikm = shared, salt = epk bytes, info = \"tipline-intake-v1|\" + kid) (32 bytes); "
        + "ciphertext = AES-256-GCM(key, iv, additional data = \"tipline-intake-v1|\" + kid, "
        + "plaintext = the TipSubmission JSON in UTF-8), tag appended. Binary fields are base64url without padding.")
public record EncryptedTip(
        @Schema(required = true, description = "Must be " + IntakeEnvelope.ALGORITHM) @NotBlank String alg,
        @Schema(required = true, description = "Key id from GET /api/v1/intake-key") @NotBlank String kid,
        @Schema(required = true, description = "Ephemeral P-256 public key, raw uncompressed point (65 bytes)")
        @NotBlank String epk,
        @Schema(required = true, description = "AES-GCM IV (12 bytes)") @NotBlank String iv,
        @Schema(required = true, description = "AES-GCM ciphertext with its 16-byte tag")
        @NotBlank @Redacted String ciphertext) {

    public static final String MEDIA_TYPE = "application/vnd.tipline.envelope+json";

    /**
     * The ciphertext is the whole tip, sealed to an intake key this server holds (and keeps through a grace
     * period after rotation): a printed ciphertext is a tip for whoever later gets that key, and keeping tips
     * out of logs is why envelopes exist. Algorithm, key id, ephemeral key and IV are public and print, to tell
     * why an envelope does not open.
     */
    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}

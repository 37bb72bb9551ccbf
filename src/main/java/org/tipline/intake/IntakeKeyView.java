package org.tipline.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public intake key that browsers encrypt tips to. */
@Schema(name = "IntakeKey")
public record IntakeKeyView(
        @Schema(required = true, description = "Key id to put in the envelope") String kid,
        @Schema(required = true, description = "Envelope algorithm") String alg,
        @Schema(required = true, description = "P-256 public key, SubjectPublicKeyInfo DER, base64url without padding "
                + "(WebCrypto importKey \"spki\")") String publicKey) {
}

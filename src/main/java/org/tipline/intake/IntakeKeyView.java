package org.tipline.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public intake key that browsers encrypt tips to. */
@Schema(name = "IntakeKey")
public record IntakeKeyView(
        @Schema(required = true, description = "Key id to put in the envelope") String kid,
        @Schema(required = true, description = "Envelope algorithm") String alg,
        @Schema(required = true, description = "P-256 public key, SubjectPublicKeyInfo DER, base64url without padding "
                + "(WebCrypto importKey \"spki\")") String publicKey,
        @Schema(required = true, description = "How a client computes K of a case code it made (caseCodeKey)")
        CaseCodeParameters caseCodes) {

    /** The public inputs of K = Argon2id(canonical code, salt, m, t, p), 32 bytes. */
    @Schema(name = "CaseCodeParameters", description = "K = Argon2id version 1.3 of the canonical case code (its 16 "
            + "characters, upper case, no hyphens, as US-ASCII) with this salt and cost and no secret, 32 bytes")
    public record CaseCodeParameters(
            @Schema(required = true, enumeration = "argon2id") String algorithm,
            @Schema(required = true, description = "The deployment's case-code salt, base64url") String salt,
            @Schema(required = true, description = "Memory in KiB") int memoryKib,
            @Schema(required = true) int iterations,
            @Schema(required = true) int parallelism) {
    }
}

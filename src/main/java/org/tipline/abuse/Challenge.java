package org.tipline.abuse;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A puzzle to solve before one tip or one case-code session. */
@Schema(description = "Find a decimal nonce such that SHA-256(token + \":\" + nonce), as bytes, starts with at least "
        + "`difficulty` zero bits; then send the header `Tipline-Proof: <token>:<nonce>` once, before `expiresAt`.")
public record Challenge(
        @Schema(description = "Opaque and signed by the service; holds nothing about the client") String token,
        @Schema(description = "Leading zero bits required; higher for clients and times that send a lot") int difficulty,
        Instant expiresAt) {
}

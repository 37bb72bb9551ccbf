package org.tipline.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.interfaces.ECPublicKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.crypto.P256Keys;
import org.tipline.platform.InvalidFieldException;

/**
 * The two public keys a reporter's page makes for one follow-up session (WebCrypto, private halves not extractable):
 * the ECDSA key that proves possession of the token (DPoP, RFC 9449) and the ECDH key answers are sealed to.
 */
@Schema(name = "ReporterKeys")
public record ReporterKeys(
        @Schema(required = true, description = "ECDSA P-256 public key for DPoP proofs, as a JWK (kty EC, crv P-256, x, y)")
        @NotNull @Valid DpopJwk dpop,
        @Schema(required = true, description = "ECDH P-256 public key answers are sealed to, raw uncompressed point (65 "
                + "bytes), base64url", pattern = "^[A-Za-z0-9_-]{87}$")
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{87}$", message = "must be a raw P-256 point (65 bytes) in base64url") String response) {

    /**
     * The ECDH key answers are sealed to, once both keys are checked to be points of P-256 (the form checks only their
     * encoding); {@link InvalidFieldException} names the one that is not.
     */
    public ECPublicKey validResponseKey() {
        if (P256Keys.fromJwkCoordinates(dpop.x(), dpop.y()).isEmpty()) {
            throw new InvalidFieldException("reporterKeys.dpop", "is not a P-256 public key");
        }
        return P256Keys.fromRawBase64Url(response)
                .orElseThrow(() -> new InvalidFieldException("reporterKeys.response", "is not a P-256 public key"));
    }

    /** A public EC JWK: only the members a P-256 public key has. */
    @Schema(name = "DpopJwk")
    public record DpopJwk(
            @Schema(required = true, enumeration = "EC") @NotNull @Pattern(regexp = "EC") String kty,
            @Schema(required = true, enumeration = "P-256") @NotNull @Pattern(regexp = "P-256") String crv,
            @Schema(required = true, description = "base64url, 32 bytes") @NotNull @Size(min = 43, max = 43) String x,
            @Schema(required = true, description = "base64url, 32 bytes") @NotNull @Size(min = 43, max = 43) String y) {
    }
}

package org.tipline.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/** A reporter's follow-up session: a bearer token for one tip, kept in the page's memory only. */
@Schema(description = "A reporter token for one tip; send it as 'Authorization: <tokenType> <token>'")
public record ReporterToken(@Schema(required = true) @Redacted String token,
        @Schema(required = true, description = "Seconds until the token expires") long expiresIn,
        @Schema(required = true, enumeration = { "Bearer", "DPoP" }, description = "DPoP when the token is bound to the "
                + "page's key: every request then needs a DPoP proof (RFC 9449)") String tokenType) {

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}

package org.tipline.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reporter's follow-up session: a bearer token for one tip, kept in the page's memory only. */
@Schema(description = "A reporter token for one tip; send it as 'Authorization: Bearer <token>'")
public record ReporterToken(@Schema(required = true) String token,
        @Schema(required = true, description = "Seconds until the token expires") long expiresIn) {
}

package org.tipline.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tip a staff member took from a caller or a student in person, and how it came in. */
public record TakenTip(
        @NotNull @Pattern(regexp = "PHONE|WALK_IN|EMAIL|TEXT", message = "must be PHONE, WALK_IN, EMAIL or TEXT")
        @Schema(enumeration = { "PHONE", "WALK_IN", "EMAIL", "TEXT" }, required = true) String channel,
        @NotNull @Valid @Schema(required = true) TipSubmission tip) {
}

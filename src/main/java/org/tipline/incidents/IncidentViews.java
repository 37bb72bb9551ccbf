package org.tipline.incidents;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.directory.School;
import org.tipline.tip.Tip;

/** Requests and answers of the incident endpoints: metadata of tips only, never what a reporter wrote. */
final class IncidentViews {

    private IncidentViews() {
    }

    /** Link the tip of the path with this one. */
    @Schema(name = "IncidentLinkRequest")
    record Link(@Schema(required = true, description = "The other tip about the same event") @NotNull UUID tipId) {
    }

    /** A tip's incident: the other tips linked to it that the viewer may see. */
    @Schema(name = "IncidentView")
    record View(@Schema(description = "Null when the tip stands alone") UUID incidentId,
            @Schema(required = true, description = "The incident's other tips within my scope, oldest first") List<LinkedTip> tips) {
    }

    /** Metadata of a tip, as listed with an incident or a suggestion. */
    @Schema(name = "LinkedTip")
    record LinkedTip(@Schema(required = true) UUID id, @Schema(required = true) String reference, UUID schoolId,
            String schoolName, @Schema(required = true) String category, @Schema(required = true) String status,
            @Schema(required = true) Instant submittedAt) {

        static LinkedTip of(Tip tip) {
            School school = tip.schoolId() == null ? null : School.findById(tip.schoolId());
            return new LinkedTip(tip.id(), tip.reference(), tip.schoolId(), school == null ? null : school.name,
                    tip.category().name(), tip.status().name(), tip.submittedAt());
        }
    }

    /** A tip that may be about the same event, with how alike the two texts are. */
    @Schema(name = "SimilarTip")
    record Suggestion(@Schema(required = true) LinkedTip tip,
            @Schema(required = true, description = "Text similarity from 0 (nothing shared) to 1 (the same words)") double score) {
    }
}

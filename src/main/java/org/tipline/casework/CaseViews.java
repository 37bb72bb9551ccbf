package org.tipline.casework;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the console chooses from in case work (see {@link CaseChoices}). */
final class CaseViews {

    private CaseViews() {
    }

    /** A school the caller serves, or one of the same district where a tip may be moved. */
    @Schema(name = "SchoolChoice")
    record SchoolChoice(@Schema(required = true) UUID id, @Schema(required = true) String name,
            @Schema(required = true) String city, @Schema(required = true) UUID districtId,
            @Schema(required = true) String districtName,
            @Schema(required = true, description = "The district's IANA time zone") String timeZone,
            @Schema(required = true, description = "On the public list; tips are moved to active schools only") boolean active,
            @Schema(required = true, description = "The caller serves it: its tips are in the caller's queue") boolean served) {
    }

    /** A staff member who may lead a tip. */
    @Schema(name = "LeadChoice")
    record LeadChoice(@Schema(required = true) UUID staffId, @Schema(required = true) String displayName,
            @Schema(required = true) String email, @Schema(required = true) String role,
            @Schema(required = true, description = "The tip's lead now") boolean lead) {
    }
}

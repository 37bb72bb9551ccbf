package org.tipline.directory;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school as the public tip form shows it. */
@Schema(name = "School", description = "A school that tips can be about")
public record SchoolView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String name,
        @Schema(required = true, description = "Town or city of the school") String city,
        @Schema(required = true) SchoolLevel level,
        @Schema(required = true) DistrictRef district) {

    /** The district a school belongs to. */
    @Schema(name = "DistrictRef")
    public record DistrictRef(@Schema(required = true) UUID id, @Schema(required = true) String name) {
    }

    static SchoolView of(School school) {
        return new SchoolView(school.id, school.name, school.city, school.level,
                new DistrictRef(school.district.id, school.district.name));
    }
}

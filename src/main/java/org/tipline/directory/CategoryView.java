package org.tipline.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tip category with the labels the form shows. */
@Schema(name = "Category")
public record CategoryView(
        @Schema(required = true, description = "Stable code to send in a tip") Category code,
        @Schema(required = true, description = "English label") String label,
        @Schema(required = true, description = "Spanish label") String labelEs,
        @Schema(required = true, description = "Tips of this category are escalated at once") boolean lifeSafety) {

    static CategoryView of(Category category) {
        return new CategoryView(category, category.englishLabel(), category.spanishLabel(), category.lifeSafety());
    }
}

package org.tipline.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, with Tipline's stable error code and optional field errors. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(required = true, description = "URI that identifies the kind of problem") String type,
        @Schema(required = true) String title,
        @Schema(required = true) int status,
        @Schema(required = true, description = "What went wrong, for a person to read") String detail,
        @Schema(required = true, description = "Stable machine-readable error code") String code,
        @Schema(description = "The fields that were rejected, when the request body or parameters were invalid")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tipline:problem:";

    /** One rejected field. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, List.copyOf(fieldErrors));
    }
}

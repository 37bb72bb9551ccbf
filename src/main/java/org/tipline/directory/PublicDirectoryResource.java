package org.tipline.directory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** What the anonymous tip form needs: the schools and the categories. Public, no account. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public directory")
public class PublicDirectoryResource {

    private final SchoolDirectory schools;

    PublicDirectoryResource(SchoolDirectory schools) {
        this.schools = schools;
    }

    @GET
    @Path("/schools")
    @Operation(operationId = "listSchools", summary = "Active schools, by name")
    @APIResponse(responseCode = "200", description = "The schools")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest")
    public List<SchoolView> listSchools(
            @Parameter(description = "Only the schools of this district",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("district") String district) {
        return schools.activeSchools(Parameters.optionalUuid("district", district));
    }

    @GET
    @Path("/schools/{id}")
    @Operation(operationId = "getSchool", summary = "One active school")
    @APIResponse(responseCode = "200", description = "The school")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public SchoolView getSchool(@Parameter(description = "School id",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return schools.activeSchool(Parameters.uuid("id", id));
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Tip categories with English and Spanish labels")
    @APIResponse(responseCode = "200", description = "The categories")
    public List<CategoryView> listCategories() {
        return Arrays.stream(Category.values()).map(CategoryView::of).toList();
    }
}

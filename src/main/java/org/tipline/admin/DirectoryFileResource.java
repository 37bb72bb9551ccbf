package org.tipline.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** Directory import and export as CSV files (README: Importing the directory). */
@Path("/api/v1/admin")
@RolesAllowed({ "COORDINATOR", "ADMIN" })
@Tag(name = "Directory administration")
public class DirectoryFileResource {

    static final String CSV = "text/csv";
    private static final String KINDS = "schools, agencies, staff or assignments";

    private final CurrentStaff staff;
    private final DirectoryAdministration administration;
    private final DirectoryImport directoryImport;

    DirectoryFileResource(CurrentStaff staff, DirectoryAdministration administration, DirectoryImport directoryImport) {
        this.staff = staff;
        this.administration = administration;
        this.directoryImport = directoryImport;
    }

    @POST
    @Path("/import/{kind}")
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminImportDirectory", summary = "Import a CSV file of schools, agencies, staff or assignments: all rows in one "
            + "transaction, matched on their key, or nothing when any row is bad (errors lists every bad row and field); "
            + "with dryRun=true only answers what it would do")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
            description = "UTF-8, RFC 4180, a header row; schools: nces_id,name,district,city,level,agency; "
            + "agencies: name,kind,on_call_email,supervisor_email; staff: email,name,role,district,agency; "
            + "assignments: email,school_nces_id,kind")))
    @APIResponse(responseCode = "200", description = "Applied, or with dryRun what would be",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.Answer.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound TooLarge UnsupportedMediaType")
    public ImportViews.Answer importFile(@Parameter(description = KINDS) @PathParam("kind") String kind,
            @Parameter(description = "true: change nothing, answer what would change") @QueryParam("dryRun") String dryRun,
            byte[] body) {
        boolean onlyTry = Parameters.flag("dryRun", dryRun);
        return directoryImport.importFile(administration.scope(staff.id()), kind, body, onlyTry);
    }

    @GET
    @Path("/export/{kind}")
    @Produces(CSV + ";charset=UTF-8")
    @Operation(operationId = "adminExportDirectory", summary = "What I administer as a CSV file in the import format: "
            + "importing it again changes nothing")
    @APIResponse(responseCode = "200", description = "The file; cells a spreadsheet would run as a formula start with '",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public String export(@Parameter(description = KINDS) @PathParam("kind") String kind,
            @Parameter(description = "Only this district's schools, staff or assignments (by name), for files larger than "
                    + "the body limit")
            @QueryParam("district") String district) {
        return directoryImport.export(administration.scope(staff.id()), kind,
                Parameters.optionalText("district", district, 200).orElse(null));
    }
}

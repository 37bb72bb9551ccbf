package org.tipline.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.ProblemResponses;

/** Statistics for coordinators (their district) and analysts (all): counted over metadata, small cells suppressed. */
@Path("/api/v1/stats")
@RolesAllowed({ "COORDINATOR", "ANALYST" })
@Tag(name = "Statistics")
public class StatsResource {

    private final CurrentStaff staff;
    private final Statistics statistics;

    StatsResource(CurrentStaff staff, Statistics statistics) {
        this.staff = staff;
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStats", summary = "Counts, rates and response times of tips, broken down as asked")
    @APIResponse(responseCode = "200", description = "The figures; below district level small cells are withheld")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public StatsReport stats(
            @Parameter(description = "First day, YYYY-MM-DD (default: 1 August of the school year of 'to')") @QueryParam("from") String from,
            @Parameter(description = "Last day, included, YYYY-MM-DD (default: today); at most 400 days after 'from'") @QueryParam("to") String to,
            @Parameter(description = "District id (coordinators: their own, the default)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("district") String district,
            @Parameter(description = "School id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("school") String school,
            @Parameter(description = "Up to three of month, category, school, district, channel, outcome, urgency, comma-separated") @QueryParam("groupBy") String groupBy) {
        return statistics.report(staff.scope(), StatsQuery.parse(from, to, district, school, groupBy, statistics.today()));
    }
}

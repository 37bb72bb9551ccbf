package org.tipline.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** Statistics for coordinators (their district) and analysts (all): counted over metadata, small cells suppressed. */
@Path("/api/v1")
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
    @Path("/stats")
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

    @GET
    @Path("/stats.csv")
    @Produces(StatsCsv.MEDIA_TYPE)
    @Operation(operationId = "getStatsCsv", summary = "The same figures as CSV: one row per cell, then a TOTAL row")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV; a withheld count reads <5, a withheld rate or time 'suppressed'",
            content = @Content(mediaType = StatsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public Response csv(
            @Parameter(description = "As for /stats") @QueryParam("from") String from,
            @Parameter(description = "As for /stats") @QueryParam("to") String to,
            @Parameter(description = "As for /stats", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("district") String district,
            @Parameter(description = "As for /stats", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("school") String school,
            @Parameter(description = "As for /stats") @QueryParam("groupBy") String groupBy) {
        StatsReport report = statistics.report(staff.scope(), StatsQuery.parse(from, to, district, school, groupBy, statistics.today()));
        return Response.ok(StatsCsv.write(report), StatsCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tipline-stats.csv\"").build();
    }

    @GET
    @Path("/stats/annual-report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAnnualReport", summary = "The annual report of a school year (1 August to 31 July)")
    @APIResponse(responseCode = "200", description = "The statute's sections")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest NotFound")
    public AnnualReport annualReport(
            @Parameter(description = "The year the school year starts in: 2025 is 1 August 2025 to 31 July 2026 (default: the current one)") @QueryParam("year") String year,
            @Parameter(description = "District id (coordinators: their own, the default)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("district") String district) {
        int current = StatsQuery.schoolYearStart(statistics.today()).getYear();
        return statistics.annualReport(staff.scope(), Parameters.number("year", year, current, 2000, 9998),
                Parameters.optionalUuid("district", district));
    }
}

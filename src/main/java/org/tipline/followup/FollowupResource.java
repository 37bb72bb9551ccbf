package org.tipline.followup;

import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.abuse.ProofOfWork;
import org.tipline.platform.ClientAddress;
import org.tipline.platform.ProblemResponses;

/**
 * The reporter's way back to their tip (DESIGN 6): the case code buys a short reporter token, which reads
 * the conversation and adds to it. The client's address is used only to slow down guessing, never kept.
 */
@Path("/api/v1/followup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporter")
public class FollowupResource {

    /** Reporter tokens are not staff tokens, so they are described here rather than as the staff security scheme. */
    private static final String REPORTER_TOKEN = "Send the reporter token from POST /api/v1/followup/session as "
            + "'Authorization: Bearer <token>'. Staff tokens are refused.";

    private final ReporterSessions sessions;
    private final ReporterTokens tokens;
    private final ReporterConversation conversation;
    private final ClientAddress clients;

    FollowupResource(ReporterSessions sessions, ReporterTokens tokens, ReporterConversation conversation,
            ClientAddress clients) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.conversation = conversation;
        this.clients = clients;
    }

    @POST
    @Path("/session")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openFollowupSession", summary = "Exchange a case code for a reporter token")
    @APIResponse(responseCode = "200", description = "A reporter token for the tip of this code")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest CaseCodeNotRecognized ProofRequired TooManyRequests")
    public ReporterToken session(@Valid @NotNull SessionRequest request, @Context HttpServerRequest http,
            @Parameter(description = ProofOfWork.HEADER_DESCRIPTION) @HeaderParam(ProofOfWork.HEADER) String proof) {
        return sessions.open(request.caseCode(), proof, clients.resolve(http));
    }

    @GET
    @Operation(operationId = "getFollowup", summary = "The tip's coarse status, the conversation and the closing note",
            description = REPORTER_TOKEN)
    @APIResponse(responseCode = "200", description = "The reporter's view of the tip")
    @Extension(name = ProblemResponses.EXTENSION, value = "ReporterTokenMissing")
    public FollowupView view(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return conversation.view(tokens.tipOf(authorization));
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addFollowupMessage", summary = "Add a message for the staff (encrypted like the tip)",
            description = REPORTER_TOKEN)
    @APIResponse(responseCode = "201", description = "Added; the answer is the updated view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowupView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest ReporterTokenMissing ConversationClosed TooManyRequests")
    public Response message(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull ReporterMessage message) {
        FollowupView view = conversation.addMessage(tokens.tipOf(authorization), message.body());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }
}

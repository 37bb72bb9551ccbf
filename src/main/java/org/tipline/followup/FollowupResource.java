package org.tipline.followup;

import io.vertx.core.http.HttpServerRequest;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.io.IOException;
import org.tipline.abuse.ProofOfWork;
import org.tipline.crypto.IntakeEnvelope;
import org.tipline.crypto.SealedReply;
import org.tipline.intake.EncryptedTip;
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
    private static final String REPORTER_TOKEN = "Send the reporter token as 'Authorization: <tokenType> <token>'. A DPoP "
            + "token (a sealed session's) needs a DPoP proof (RFC 9449) of the page's key on every request, used once, "
            + "and its answers are SealedReply objects sealed to the page's response key. Staff tokens are refused.";

    private final ReporterSessions sessions;
    private final ReporterExchange exchange;
    private final ReporterConversation conversation;
    private final ClientAddress clients;

    FollowupResource(ReporterSessions sessions, ReporterExchange exchange, ReporterConversation conversation,
            ClientAddress clients) {
        this.sessions = sessions;
        this.exchange = exchange;
        this.conversation = conversation;
        this.clients = clients;
    }

    @POST
    @Path("/session")
    @Consumes({ MediaType.APPLICATION_JSON, EncryptedTip.MEDIA_TYPE })
    @Operation(operationId = "openFollowupSession", summary = "Exchange a case code, or its key in an envelope, for a reporter token",
            description = "Plain: a FollowupSessionRequest with the case code, answered with a bearer ReporterToken. Sealed: "
                    + "an envelope (as for tips) holding a SealedFollowupSessionRequest, answered with a SealedReply that "
                    + "holds a DPoP ReporterToken bound to the page's keys.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionRequest.class)),
            @Content(mediaType = EncryptedTip.MEDIA_TYPE, schema = @Schema(implementation = EncryptedTip.class)) })
    @APIResponse(responseCode = "200", description = "A reporter token for the tip of this code", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReporterToken.class)),
            @Content(mediaType = SealedReply.MEDIA_TYPE, schema = @Schema(implementation = SealedReply.class)) })
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest CaseCodeNotRecognized ProofRequired TooManyRequests UnsupportedMediaType")
    public Response session(@Context HttpHeaders headers, @Context HttpServerRequest http,
            @Parameter(description = ProofOfWork.HEADER_DESCRIPTION) @HeaderParam(ProofOfWork.HEADER) String proof,
            byte[] body) throws IOException {
        String client = clients.resolve(http);
        if (ReporterExchange.isEnvelope(headers.getMediaType())) {
            IntakeEnvelope.Opened opened = exchange.open(body);
            ReporterToken token = sessions.open(exchange.read(opened, SealedSessionRequest.class), proof, client);
            return Response.ok(opened.sealReply(exchange.bytes(token)), SealedReply.MEDIA_TYPE).build();
        }
        SessionRequest request = exchange.read(body, SessionRequest.class);
        return Response.ok(sessions.open(request.caseCode(), proof, client), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Operation(operationId = "getFollowup", summary = "The tip's coarse status, the conversation and the closing note",
            description = REPORTER_TOKEN)
    @APIResponse(responseCode = "200", description = "The reporter's view of the tip", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowupView.class)),
            @Content(mediaType = SealedReply.MEDIA_TYPE, schema = @Schema(implementation = SealedReply.class)) })
    @Extension(name = ProblemResponses.EXTENSION, value = "ReporterTokenMissing")
    public Response view(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = DPOP_DESCRIPTION) @HeaderParam(ReporterExchange.DPOP_HEADER) String dpop,
            @Context HttpServerRequest http) {
        ReporterCaller caller = exchange.caller(authorization, dpop, http);
        return exchange.answer(caller, Response.Status.OK, conversation.view(caller.tipId()));
    }

    @POST
    @Path("/messages")
    @Consumes({ MediaType.APPLICATION_JSON, EncryptedTip.MEDIA_TYPE })
    @Operation(operationId = "addFollowupMessage", summary = "Add a message for the staff (encrypted like the tip)",
            description = REPORTER_TOKEN + " A DPoP session sends the ReporterMessage in an envelope.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReporterMessage.class)),
            @Content(mediaType = EncryptedTip.MEDIA_TYPE, schema = @Schema(implementation = EncryptedTip.class)) })
    @APIResponse(responseCode = "201", description = "Added; the answer is the updated view", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowupView.class)),
            @Content(mediaType = SealedReply.MEDIA_TYPE, schema = @Schema(implementation = SealedReply.class)) })
    @Extension(name = ProblemResponses.EXTENSION,
            value = "InvalidRequest ReporterTokenMissing ConversationClosed UnsupportedMediaType TooManyRequests")
    public Response message(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = DPOP_DESCRIPTION) @HeaderParam(ReporterExchange.DPOP_HEADER) String dpop,
            @Context HttpServerRequest http, @Context HttpHeaders headers, byte[] body) throws IOException {
        ReporterCaller caller = exchange.caller(authorization, dpop, http);
        ReporterMessage message = exchange.body(caller, headers.getMediaType(), body, ReporterMessage.class);
        return exchange.answer(caller, Response.Status.CREATED, conversation.addMessage(caller.tipId(), message.body()));
    }

    static final String DPOP_DESCRIPTION = "For a DPoP token: a DPoP proof JWT (RFC 9449; typ dpop+jwt, ES256, the page's "
            + "public key as jwk; claims htm, htu, iat, jti, ath), new for every request";
}

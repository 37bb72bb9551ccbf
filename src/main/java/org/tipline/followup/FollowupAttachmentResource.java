package org.tipline.followup;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.attachment.AttachmentView;
import org.tipline.attachment.ImageUpload;
import org.tipline.crypto.SealedReply;
import org.tipline.intake.Envelopes;
import org.tipline.platform.ClientAddress;
import org.tipline.platform.ProblemResponses;

/** The reporter's images for their tip, with the reporter token of a follow-up session or of the tip's 201. */
// The root of FollowupResource: a root of its own would win every /api/v1/followup/... match.
@Path("/api/v1/followup")
@Tag(name = "Reporter")
public class FollowupAttachmentResource {

    private final ReporterExchange exchange;
    private final ReporterAttachments attachments;
    private final ClientAddress clients;

    FollowupAttachmentResource(ReporterExchange exchange, ReporterAttachments attachments, ClientAddress clients) {
        this.exchange = exchange;
        this.attachments = attachments;
        this.clients = clients;
    }

    @POST
    @Path("/attachments")
    @Consumes({ "image/*", MediaType.APPLICATION_OCTET_STREAM, Envelopes.IMAGE_MEDIA_TYPE })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addFollowupAttachment", summary = "Attach an image to my tip (up to 5; stripped of all "
            + "metadata, encrypted like the tip)", description = "Send the reporter token (from POST /api/v1/followup/session "
            + "or the tip's 201) as 'Authorization: <tokenType> <token>', with a DPoP proof for a DPoP token (whose answer is then "
            + "a SealedReply). The image itself is the body (JPEG, PNG or WebP; at "
            + "most 10 MiB), with an image Content-Type; its type is decided by its content. Only its pixels are kept.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Envelopes.IMAGE_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "The image sealed as an intake envelope's ciphertext (AES-GCM, tag appended), as bytes; "
                            + "the envelope's other fields in the Tipline-Envelope header. A DPoP session sends only this")) })
    @APIResponse(responseCode = "201", description = "Stored",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)),
                    @Content(mediaType = SealedReply.MEDIA_TYPE, schema = @Schema(implementation = SealedReply.class)) })
    @Extension(name = ProblemResponses.EXTENSION,
            value = "ReporterTokenMissing NoMoreAttachments ImageTooLarge UnsupportedImage ImageRefused TooManyRequests")
    public Response add(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = FollowupResource.DPOP_DESCRIPTION) @HeaderParam(ReporterExchange.DPOP_HEADER) String dpop,
            @Parameter(description = "For an image envelope: alg=…, kid=…, epk=… and iv=… of the intake envelope whose ciphertext "
                    + "(the image's bytes, sealed) is the body") @HeaderParam(Envelopes.IMAGE_HEADER) String envelope,
            @Context HttpServerRequest http, @Context HttpHeaders headers, InputStream body) throws IOException {
        ReporterCaller caller = exchange.caller(authorization, dpop, http);
        ImageUpload upload = exchange.image(caller, headers.getMediaType(), envelope, body, headers.getLength());
        AttachmentView created = attachments.add(caller.tipId(), clients.resolve(http), upload);
        return exchange.answer(caller, Response.Status.CREATED, created);
    }
}

package org.tipline.intake;

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
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.abuse.ProofOfWork;
import org.tipline.crypto.SealedReply;
import org.tipline.platform.ProblemResponses;

/** Anonymous tip intake: no account, no cookie, nothing about the reporter kept. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporter")
public class IntakeResource {

    private final TipIntake intake;

    IntakeResource(TipIntake intake) {
        this.intake = intake;
    }

    @GET
    @Path("/intake-key")
    @Operation(operationId = "getIntakeKey", summary = "The public key that browsers encrypt tips to")
    @APIResponse(responseCode = "200", description = "The current intake key")
    public IntakeKeyView intakeKey() {
        return intake.publishedKey();
    }

    @POST
    @Path("/tips")
    @Consumes({ MediaType.APPLICATION_JSON, EncryptedTip.MEDIA_TYPE })
    @Operation(operationId = "submitTip", summary = "Submit a tip, plain or encrypted")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TipSubmission.class)),
            @Content(mediaType = EncryptedTip.MEDIA_TYPE, schema = @Schema(implementation = EncryptedTip.class)) })
    @APIResponse(responseCode = "201", description = "Stored; the case code is shown only in this answer. The answer to an "
            + "envelope (and to the same envelope sent again) is a SealedReply only the sending page can open; it holds the "
            + "TipReceipt", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TipReceipt.class)),
                    @Content(mediaType = SealedReply.MEDIA_TYPE, schema = @Schema(implementation = SealedReply.class)) })
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest TooLarge UnsupportedMediaType IdempotencyConflict CaseCodeKeyTaken ProofRequired")
    public Response submit(@Context HttpHeaders headers,
            @Parameter(description = "Makes retries safe: the same key and tip within 24 h get the first answer")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = ProofOfWork.HEADER_DESCRIPTION) @HeaderParam(ProofOfWork.HEADER) String proof,
            byte[] body) throws IOException {
        Optional<String> key = Optional.ofNullable(idempotencyKey);
        // No Content-Type at all only reaches here with an empty body (platform.ContentTypeCheck): read as plain JSON.
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.valueOf(EncryptedTip.MEDIA_TYPE))) {
            return Response.status(Response.Status.CREATED).type(SealedReply.MEDIA_TYPE)
                    .entity(intake.submitEncrypted(body, key, proof)).build();
        }
        return Response.status(Response.Status.CREATED).entity(intake.submitPlain(body, key, proof)).build();
    }
}

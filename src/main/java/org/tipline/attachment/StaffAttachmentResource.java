package org.tipline.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.tipline.auth.CurrentStaff;
import org.tipline.platform.Parameters;
import org.tipline.platform.ProblemResponses;

/** Attachments of a case: staff add images, view them in the console and download them; every view is audited. */
// The root of the case-work resource: a root of its own would win every /api/v1/staff/tips/{id} match (see TakenTipResource).
@Path("/api/v1/staff")
@RolesAllowed({ "SRO", "COUNSELOR", "COORDINATOR", "ANALYST" })
@Tag(name = "Case work")
public class StaffAttachmentResource {

    static final String IMAGE_BODY = "The image itself as the body (JPEG, PNG or WebP; at most 10 MiB), with an image "
            + "Content-Type; its type is decided by its content. Only its pixels are kept: the service decodes it, turns "
            + "it upright and re-encodes it without any metadata.";

    private final CurrentStaff staff;
    private final Attachments attachments;

    StaffAttachmentResource(CurrentStaff staff, Attachments attachments) {
        this.staff = staff;
        this.attachments = attachments;
    }

    @POST
    @Path("/tips/{id}/attachments")
    @Consumes({ "image/*", MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTipAttachment", summary = "Attach an image to the case (stripped, encrypted like the tip)")
    @RequestBody(required = true, description = IMAGE_BODY,
            content = @Content(mediaType = "image/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @Extension(name = ProblemResponses.EXTENSION,
            value = "TipNotFound NoMoreAttachments ImageTooLarge UnsupportedImage ImageRefused")
    public Response add(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Context HttpHeaders headers, InputStream body) {
        AttachmentView created = attachments.addFromStaff(staff.scope(), Parameters.uuid("id", id),
                new ImageUpload(body, headers.getLength()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("/tips/{id}/attachments/{attachmentId}")
    @Produces({ "image/jpeg", "image/png" })
    @Operation(operationId = "getTipAttachment", summary = "The stored (stripped) image; every view and download is audited",
            description = "Served with Content-Disposition: attachment, so that a browser saves it and never renders it in "
                    + "the service's origin; inline=true (the console's own view, which fetches it) serves it inline. "
                    + "A sensitive attachment answers only to the roles its district allows.")
    @APIResponse(responseCode = "200", description = "The image",
            content = { @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest AttachmentNotFound")
    public Response image(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("attachmentId") String attachmentId,
            @Parameter(description = "true: the console's in-page view (Content-Disposition: inline, audited as a view)")
            @QueryParam("inline") String inline) {
        boolean inPage = Parameters.flag("inline", inline);
        return serve(attachments.image(staff.scope(), Parameters.uuid("id", id), Parameters.uuid("attachmentId", attachmentId),
                inPage), inPage);
    }

    @GET
    @Path("/tips/{id}/attachments/{attachmentId}/thumbnail")
    @Produces("image/jpeg")
    @Operation(operationId = "getTipAttachmentThumbnail", summary = "A small JPEG of the image (none for sensitive ones); audited")
    @APIResponse(responseCode = "200", description = "The thumbnail",
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest AttachmentNotFound")
    public Response thumbnail(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("attachmentId") String attachmentId) {
        return serve(attachments.thumbnail(staff.scope(), Parameters.uuid("id", id),
                Parameters.uuid("attachmentId", attachmentId)), true);
    }

    @POST
    @Path("/tips/{id}/attachments/{attachmentId}/sensitive")
    @Operation(operationId = "markTipAttachmentSensitive", summary = "Mark an attachment sensitive: only the roles the "
            + "district allows may view it from now on, and its thumbnail is deleted; cannot be undone")
    @APIResponse(responseCode = "204", description = "Marked")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest AttachmentNotFound")
    public void markSensitive(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("attachmentId") String attachmentId) {
        attachments.markSensitive(staff.scope(), Parameters.uuid("id", id), Parameters.uuid("attachmentId", attachmentId));
    }

    private static Response serve(StoredImage image, boolean inline) {
        return Response.ok(image.bytes(), image.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment") + "; filename=\""
                        + image.fileName() + "\"")
                .build();
    }
}

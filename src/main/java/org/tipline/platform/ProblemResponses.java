package org.tipline.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The API's problem responses, described once. Each shape below becomes a reusable response of the
 * OpenAPI document ({@code #/components/responses/<name>}); an operation lists the shapes it can answer
 * with in one annotation, {@code @Extension(name = ProblemResponses.EXTENSION, value = "TipNotFound IllegalTransition")},
 * every operation that needs a staff token gets {@link Shape#StaffTokenMissing} and {@link Shape#RoleNotAllowed}
 * without saying so, and every operation {@link Shape#ServiceUnavailable}. Registered as the OpenAPI filter
 * ({@code mp.openapi.filter}).
 */
public class ProblemResponses implements OASFilter {

    /** The operation extension that names an operation's problem shapes, separated by spaces. */
    public static final String EXTENSION = "x-problems";
    private static final String STAFF_SECURITY_SCHEME = "staffToken";

    /** The problem responses of the API: the HTTP status and what it means. */
    enum Shape {
        InvalidRequest(400, "Invalid request: malformed JSON, or a field or parameter missing or wrong (errors names each); nothing stored"),
        StaffTokenMissing(401, "No valid staff token"),
        ReporterTokenMissing(401, "Missing, expired or invalid reporter token (reporter-token-invalid), or a DPoP token "
                + "without a fresh, unused DPoP proof of its key for this request (dpop-proof-invalid); nothing changed"),
        SignInFailed(401, "Sign-in failed (the same answer whatever was wrong)"),
        CaseCodeNotRecognized(401, "No tip has this code (the same answer for any wrong code); for a key, while tips from "
                + "before case-code keys remain, case-code-needed: send the code itself in the envelope"),
        RoleNotAllowed(403, "Not allowed for this role (for a sensitive attachment: for this role in the tip's district)"),
        TipNotFound(404, "No such tip in my scope"),
        NotFound(404, "No such thing, or not in what I may see or administer"),
        AttachmentNotFound(404, "No such tip in my scope, or no such attachment of it (or, for a thumbnail, none: "
                + "sensitive attachments have none)"),
        IllegalTransition(409, "Not allowed from the tip's status (illegal-transition), or a tip closed as DUPLICATE would have no incident "
                + "link (duplicate-without-incident), or on a tip whose content was shredded (tip-shredded), or a legal hold "
                + "that is already placed or released"),
        CaseCodeKeyTaken(409, "A tip already has the caseCodeKey sent: make a new case code and send again; nothing stored"),
        AlreadyExists(409, "Already exists (a name or email is taken) or already done"),
        ExternalSignIn(409, "Staff sign in at their organisation's identity provider (tipline.auth.mode=external-oidc)"),
        ConversationClosed(409, "The tip was closed too long ago; send a new tip instead"),
        NoMoreAttachments(409, "The tip takes no more attachments: it has the most allowed (too-many-attachments) or, for "
                + "the reporter, was closed too long ago (conversation-closed); nothing stored"),
        TooLarge(413, "Body over 64 KiB; nothing stored"),
        ImageTooLarge(413, "Image over 10 MiB (quarkus.http.limits.max-body-size); nothing stored"),
        UnsupportedMediaType(415, "Not a content type this operation takes (JSON, an envelope, or CSV where it says so); "
                + "a DPoP session sends envelopes only (envelope-required)"),
        UnsupportedImage(415, "Not an image of an accepted type (JPEG, PNG, WebP), judged by its content; HEIC is named "
                + "(heic-not-supported); nothing stored"),
        ImageRefused(422, "An image that cannot be taken: damaged or truncated (image-unreadable), or more pixels than "
                + "allowed (image-too-many-pixels); nothing stored"),
        IdempotencyConflict(422, "Idempotency-Key already used for another tip"),
        ProofRequired(428, "No Tipline-Proof, or one that is malformed, forged, expired, already spent or too weak: solve a "
                + "new challenge of GET /api/v1/challenge and send again; nothing stored"),
        TooManyRequests(429, "Too many requests; retry after the Retry-After seconds; nothing stored"),
        ServiceUnavailable(503, "The database cannot be reached (database-unavailable), the server is saturated (busy), or "
                + "another request changed the same thing at the same moment (concurrent-change); nothing stored; send "
                + "again after the Retry-After seconds");

        final int status;
        final String description;

        Shape(int status, String description) {
            this.status = status;
            this.description = description;
        }

        APIResponse response() {
            return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                    .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem"))));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Shape shape : Shape.values()) {
            openAPI.getComponents().addResponse(shape.name(), shape.response());
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(ProblemResponses::addShapes));
    }

    private static void addShapes(Operation operation) {
        List<Shape> shapes = new ArrayList<>();
        // Any operation can meet a lost database (platform.DatabaseOutage).
        shapes.add(Shape.ServiceUnavailable);
        if (needsStaffToken(operation)) {
            shapes.add(Shape.StaffTokenMissing);
            shapes.add(Shape.RoleNotAllowed);
        }
        Object listed = operation.getExtensions() == null ? null : operation.getExtensions().get(EXTENSION);
        if (listed != null) {
            Arrays.stream(listed.toString().trim().split("\\s+")).map(Shape::valueOf).forEach(shapes::add);
            operation.removeExtension(EXTENSION);
            // The scanner copies a method's extensions to its request body, its responses and each response as well.
            operation.getResponses().removeExtension(EXTENSION);
            operation.getResponses().getAPIResponses().values().forEach(response -> response.removeExtension(EXTENSION));
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().removeExtension(EXTENSION);
            }
        }
        Set<Integer> statuses = new HashSet<>();
        for (Shape shape : shapes) {
            if (!statuses.add(shape.status)) {
                throw new IllegalStateException(operation.getOperationId() + " has two problem responses " + shape.status);
            }
            // Replaces what Quarkus adds by itself to secured and validated operations ("Not Authorized", "Bad Request").
            operation.getResponses().addAPIResponse(String.valueOf(shape.status), OASFactory.createAPIResponse().ref(shape.name()));
        }
    }

    private static boolean needsStaffToken(Operation operation) {
        List<org.eclipse.microprofile.openapi.models.security.SecurityRequirement> security = operation.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> requirement.hasScheme(STAFF_SECURITY_SCHEME));
    }
}

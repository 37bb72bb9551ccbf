package org.tipline.abuse;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tipline.platform.ClientAddress;
import org.tipline.platform.InvalidParameterException;
import org.tipline.platform.ProblemResponses;

/** Challenges for the proof of work that tips and case-code sessions need. */
@Path("/api/v1/challenge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporter")
public class ChallengeResource {

    private final ProofOfWork proofOfWork;
    private final ClientAddress clients;

    ChallengeResource(ProofOfWork proofOfWork, ClientAddress clients) {
        this.proofOfWork = proofOfWork;
        this.clients = clients;
    }

    @GET
    @Operation(operationId = "getChallenge", summary = "A proof-of-work challenge for one tip or one case-code session")
    @APIResponse(responseCode = "200", description = "Solve it and send the Tipline-Proof header with the request")
    @Extension(name = ProblemResponses.EXTENSION, value = "InvalidRequest")
    public Challenge challenge(@Parameter(required = true, schema = @Schema(type = SchemaType.STRING,
            enumeration = { "tip", "followup" })) @QueryParam("purpose") String purpose,
            @Context HttpServerRequest http) {
        Purpose known = Purpose.ofLabel(purpose == null ? "" : purpose)
                .orElseThrow(() -> new InvalidParameterException("purpose", "tip or followup"));
        return proofOfWork.challenge(known, clients.resolve(http));
    }
}

package org.tipline.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become {@code application/problem+json} answers (RFC 9457).
 *
 * <p>No body ever carries a stack trace, class name, SQL or a value the client sent: error messages of
 * parsers and drivers can quote request content, which on this service may be a tip.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Problem problem = Problem.of(e.status(), e.code(), e.title(), e.detail());
        Response.ResponseBuilder builder = builder(e.fieldErrors().isEmpty() ? problem : problem.withErrors(e.fieldErrors()));
        e.retryAfterSeconds().ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, seconds));
        if (e.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps syntax errors in a bare 400; answer them like the other JSON errors.
            return json(json);
        }
        Response original = e.getResponse();
        Response.ResponseBuilder builder = builder(HttpProblems.forStatus(original.getStatus()));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated() {
        return builder(HttpProblems.forStatus(401)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(HttpProblems.forStatus(403));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        return respond(Problem.of(400, "validation-failed", "Invalid request", "Invalid value of " + fields + ".")
                .withErrors(errors));
    }

    /** Declared for its own type because Quarkus ships a more specific mapper that would win otherwise. */
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return json(e);
    }

    /**
     * A type Jackson cannot build is a bug on our side, not the client's: a 500 problem like any other,
     * declared for its own type because Quarkus ships a mapper for it that answers with an empty body.
     */
    @ServerExceptionMapper
    public Response jsonDefinition(InvalidDefinitionException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnstorableTextException text) {
            return domain(new InvalidFieldException(JsonPaths.of(text.getPath()), StorableText.REASON));
        }
        Optional<String> duplicate = JsonPaths.duplicateField(e);
        if (duplicate.isPresent()) {
            String field = duplicate.get();
            return respond(Problem.of(400, "duplicate-field", "Duplicate field", "The field '" + field + "' appears more than once.")
                    .withErrors(List.of(new Problem.FieldError(field, "appears more than once"))));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = JsonPaths.of(unknown.getPath());
            return respond(Problem.of(400, "unknown-field", "Unknown field", "The field '" + field + "' is not accepted.")
                    .withErrors(List.of(new Problem.FieldError(field, "unknown field"))));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = JsonPaths.of(mismatch.getPath());
            return respond(Problem.of(400, "wrong-type", "Wrong type", "The field '" + field + "' has the wrong type.")
                    .withErrors(List.of(new Problem.FieldError(field, "wrong type"))));
        }
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        // Messages are left out on purpose: they may quote request content. Types and frames suffice.
        if (DatabaseOutage.causedBy(e)) {
            LOG.errorf("Database unavailable, incident %s: %s", incident, SafeThrowableDescription.of(e));
            return domain(DatabaseOutage.answer(incident));
        }
        if (ConcurrentChange.causedBy(e)) {
            LOG.warnf("Refused as it met another request, incident %s: %s", incident, SafeThrowableDescription.of(e));
            return domain(ConcurrentChange.answer(incident));
        }
        LOG.errorf("Unexpected failure, incident %s: %s", incident, SafeThrowableDescription.of(e));
        return respond(HttpProblems.internalError(incident));
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // A violation of the parameter itself is a missing (null) body: resources constrain no other parameter.
        Path.Node leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            leaf = node;
        }
        if (leaf != null && leaf.getKind() == ElementKind.PARAMETER) {
            return "(body)";
        }
        // "method.argument.field" for resource parameters: the client knows only the last part.
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }

    static Response respond(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}

package org.tipline.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.tipline.attachment.ImageUpload;
import org.tipline.crypto.IntakeEnvelope;
import org.tipline.crypto.ResponseSeal;
import org.tipline.intake.EncryptedTip;
import org.tipline.intake.Envelopes;
import org.tipline.platform.InvalidFieldException;

/**
 * The follow-up's two wire forms. Sealed (the pages): requests are envelopes to the intake key, the token is bound to
 * the page's keys (DPoP), and every answer is sealed to the page's ECDH key. Plain (API clients): JSON in, JSON out,
 * a bearer token — protected by TLS only, so not against a network that logs decrypted traffic.
 */
@ApplicationScoped
class ReporterExchange {

    static final String DPOP_HEADER = "DPoP";

    private final ReporterTokens tokens;
    private final Envelopes envelopes;
    private final ObjectMapper json;

    ReporterExchange(ReporterTokens tokens, Envelopes envelopes, ObjectMapper json) {
        this.tokens = tokens;
        this.envelopes = envelopes;
        this.json = json;
    }

    /** The caller of this request, its DPoP proof checked when its token is bound. */
    ReporterCaller caller(String authorization, String dpopProof, HttpServerRequest http) {
        return tokens.caller(authorization, dpopProof, http.method().name(), http.getHeader("Host"), http.path());
    }

    /** Whether a body of this type is an envelope. */
    static boolean isEnvelope(MediaType type) {
        return type != null && type.isCompatible(MediaType.valueOf(EncryptedTip.MEDIA_TYPE));
    }

    /** Reads an opened envelope's JSON as {@code type}, validated. */
    <T> T read(IntakeEnvelope.Opened opened, Class<T> type) throws IOException {
        return envelopes.read(opened.plaintext(), type);
    }

    /** Reads a plain JSON body as {@code type}, validated; no body at all is a missing field, as it always was here. */
    <T> T read(byte[] body, Class<T> type) throws IOException {
        if (body == null || body.length == 0) {
            throw new InvalidFieldException("(body)", "must be a JSON object");
        }
        return envelopes.read(body, type);
    }

    /** Opens an envelope body. */
    IntakeEnvelope.Opened open(byte[] body) throws IOException {
        return envelopes.open(body);
    }

    /**
     * A request body as {@code type}: from an envelope, or plain JSON. A bound session sends only envelopes: its plain
     * body would be what a logging network reads.
     */
    <T> T body(ReporterCaller caller, MediaType mediaType, byte[] body, Class<T> type) throws IOException {
        if (isEnvelope(mediaType)) {
            return envelopes.read(open(body).plaintext(), type);
        }
        if (caller.responseKey().isPresent()) {
            throw new EnvelopeRequiredException();
        }
        return envelopes.read(body, type);
    }

    /**
     * An uploaded image: from an image envelope, or as sent. A bound session sends only envelopes. The envelope is read
     * whole, which the body limit bounds (10 MiB), and opened in memory: the image must never touch a disk.
     */
    ImageUpload image(ReporterCaller caller, MediaType mediaType, String envelopeHeader, InputStream body, long length)
            throws IOException {
        if (mediaType != null && mediaType.isCompatible(MediaType.valueOf(Envelopes.IMAGE_MEDIA_TYPE))) {
            byte[] image = envelopes.openImage(envelopeHeader, body.readAllBytes()).plaintext();
            return new ImageUpload(new ByteArrayInputStream(image), image.length);
        }
        if (caller.responseKey().isPresent()) {
            throw new EnvelopeRequiredException();
        }
        return new ImageUpload(body, length);
    }

    /** The answer, sealed to the page's key for a bound session. */
    Response answer(ReporterCaller caller, Response.Status status, Object entity) {
        if (caller.responseKey().isEmpty()) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
        }
        return Response.status(status).type(org.tipline.crypto.SealedReply.MEDIA_TYPE)
                .entity(ResponseSeal.to(caller.responseKey().get(), bytes(entity))).build();
    }

    byte[] bytes(Object entity) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + entity.getClass().getSimpleName(), e);
        }
    }
}

package org.tipline.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.tipline.crypto.EnvelopeException;
import org.tipline.crypto.IntakeEnvelope;
import org.tipline.crypto.IntakeKeyring;
import org.tipline.platform.ClientJson;
import org.tipline.platform.InvalidFieldException;

/**
 * Reads what a reporter's page sends: an envelope sealed to the intake key (a tip, a follow-up session, a follow-up
 * message) opened and its JSON read exactly like a plain body — strict, storable text, validated.
 */
@ApplicationScoped
public class Envelopes {

    /** An image sealed to the intake key, sent as bytes: see {@link #openImage}. */
    public static final String IMAGE_MEDIA_TYPE = "application/vnd.tipline.image-envelope";
    public static final String IMAGE_HEADER = "Tipline-Envelope";

    private final ClientJson json;
    private final Validator validator;
    private final IntakeKeyring intakeKeys;
    private final Clock clock;

    Envelopes(ClientJson json, Validator validator, IntakeKeyring intakeKeys, Clock clock) {
        this.json = json;
        this.validator = validator;
        this.intakeKeys = intakeKeys;
        this.clock = clock;
    }

    /** Opens an envelope body ({@link EncryptedTip#MEDIA_TYPE}); {@link EnvelopeException} says what is wrong. */
    public IntakeEnvelope.Opened open(byte[] body) throws IOException {
        EncryptedTip envelope = read(body, EncryptedTip.class);
        if (!IntakeEnvelope.ALGORITHM.equals(envelope.alg())) {
            throw EnvelopeException.malformed("alg", "must be " + IntakeEnvelope.ALGORITHM);
        }
        IntakeKeyring.IntakeKey key = intakeKeys.accepting(envelope.kid(), clock.instant())
                .orElseThrow(EnvelopeException::unknownKey);
        return IntakeEnvelope.open(key, envelope.epk(), envelope.iv(), envelope.ciphertext());
    }

    /**
     * Opens an image envelope: the body is the AES-GCM ciphertext of the image itself (no base64, no JSON), and the
     * header {@value #IMAGE_HEADER} carries the rest as {@code alg=…, kid=…, epk=…, iv=…}.
     */
    public IntakeEnvelope.Opened openImage(String header, byte[] ciphertext) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        for (String part : header == null ? new String[0] : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        if (!IntakeEnvelope.ALGORITHM.equals(fields.get("alg"))) {
            throw EnvelopeException.malformed(IMAGE_HEADER, "must name alg=" + IntakeEnvelope.ALGORITHM + ", kid, epk and iv");
        }
        IntakeKeyring.IntakeKey key = intakeKeys.accepting(fields.getOrDefault("kid", ""), clock.instant())
                .orElseThrow(EnvelopeException::unknownKey);
        return IntakeEnvelope.open(key, fields.get("epk"), fields.get("iv"), ciphertext);
    }

    /** Reads a JSON body (plain, or an envelope's plaintext) as {@code type}, validated. */
    public <T> T read(byte[] body, Class<T> type) throws IOException {
        // The same reader as every other request body: strict JSON, storable text.
        T value = json.read(body, type);
        if (value == null) {
            throw new InvalidFieldException("(body)", "must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}

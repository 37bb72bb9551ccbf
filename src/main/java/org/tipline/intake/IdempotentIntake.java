package org.tipline.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.SecretBytes;
import org.tipline.crypto.ServerSecrets;
import org.tipline.crypto.TipEncryption;
import org.tipline.platform.InvalidFieldException;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * Lets a client retry a submission safely: the same Idempotency-Key with the same tip within the window
 * gets the first answer back and stores nothing; with a different tip it is refused.
 */
@ApplicationScoped
class IdempotentIntake {

    /**
     * A submission's idempotency fingerprint: keyed hashes of the key and of the tip. Neither reveals the key
     * or the tip, but the key hash names the stored first answer and so leads to the tip: both stay out of print.
     */
    record Request(@Redacted String keyHash, @Redacted byte[] requestHash) {

        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ServerSecrets secrets;
    private final TipEncryption encryption;
    private final ObjectMapper json;
    private final IntakeSettings settings;
    private final Clock clock;
    private final ReporterAccess reporterAccess;

    IdempotentIntake(ServerSecrets secrets, TipEncryption encryption, ObjectMapper json, IntakeSettings settings,
            Clock clock, ReporterAccess reporterAccess) {
        this.reporterAccess = reporterAccess;
        this.secrets = secrets;
        this.encryption = encryption;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The names a submission's first answer is kept under: its Idempotency-Key, if it has one, and for an envelope its
     * ciphertext. An envelope names itself: the same ciphertext again (a logged request replayed, with or without its
     * Idempotency-Key) is the same tip, answered from the first answer and never stored twice. Envelope first, as it is
     * the one always present.
     */
    List<Request> requests(Optional<String> idempotencyKey, Optional<byte[]> envelopeCiphertext, TipSubmission submission) {
        idempotencyKey.filter(key -> !KEY_FORM.matcher(key).matches()).ifPresent(key -> {
            throw new InvalidFieldException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        });
        byte[] requestHash = secrets.keyedHash("idempotency-request", serialize(submission));
        List<Request> requests = new ArrayList<>();
        envelopeCiphertext.ifPresent(ciphertext -> requests.add(request("idempotency-envelope", ciphertext, requestHash)));
        idempotencyKey.ifPresent(key -> requests.add(request("idempotency-key", key.getBytes(StandardCharsets.US_ASCII), requestHash)));
        return requests;
    }

    private Request request(String purpose, byte[] name, byte[] requestHash) {
        return new Request(HexFormat.of().formatHex(secrets.keyedHash(purpose, name)), requestHash);
    }

    /**
     * The first answer, if this key was used within the window, with a fresh reporter token; refused if the key was
     * used for another tip.
     */
    @Transactional
    Optional<TipReceipt> replay(Request request, Optional<ReporterKeys> keys) {
        IdempotencyRecord previous = IdempotencyRecord.findById(request.keyHash());
        if (previous == null) {
            return Optional.empty();
        }
        if (previous.createdAt.isBefore(windowStart())) {
            // Not yet deleted by forgetExpired: gone now, before this answer is remembered under the same name.
            previous.delete();
            IdempotencyRecord.flush();
            return Optional.empty();
        }
        if (!ServerSecrets.sameHash(previous.requestHash, request.requestHash())) {
            throw new IdempotencyConflictException();
        }
        try {
            TipReceipt first = json.readValue(encryption.openForTip(ref(previous.tipId, request), previous.receipt),
                    TipReceipt.class);
            return Optional.of(first.withReporterToken(reporterAccess.reporterToken(previous.tipId, keys)));
        } catch (IOException e) {
            throw new IllegalStateException("stored receipt unreadable", e);
        }
    }

    /** Stores the answer in the tip's transaction, which has looked for it first ({@link #replay}). */
    void remember(Request request, UUID tipId, SecretBytes dataKey, TipReceipt receipt, Instant now) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.keyHash = request.keyHash();
        record.requestHash = request.requestHash();
        record.tipId = tipId;
        record.receipt = encryption.seal(dataKey, ref(tipId, request), serialize(receipt));
        record.createdAt = now;
        record.persist();
    }

    /** Expired first answers, deleted in one statement now and then rather than by every tip's transaction. */
    @Scheduled(every = "${tipline.intake.idempotency-cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.delete("createdAt < ?1", windowStart()));
    }

    private Instant windowStart() {
        return clock.instant().minus(settings.idempotencyWindow());
    }

    private static RecordRef ref(UUID tipId, Request request) {
        return new RecordRef(tipId, RecordKind.IDEMPOTENT_RECEIPT, request.keyHash());
    }

    private byte[] serialize(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}

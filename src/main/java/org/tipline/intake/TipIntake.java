package org.tipline.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tipline.abuse.ProofOfWork;
import org.tipline.abuse.Purpose;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.CaseCodeHasher;
import org.tipline.crypto.EnvelopeException;
import org.tipline.crypto.IntakeEnvelope;
import org.tipline.crypto.IntakeKeyring;
import org.tipline.directory.Category;
import org.tipline.directory.School;
import org.tipline.platform.ClientJson;
import org.tipline.platform.InvalidFieldException;
import org.tipline.tip.Channel;

/**
 * Takes a tip from a reporter, plain or encrypted: decodes, validates exactly the same way, answers an
 * idempotent retry with the first answer, and otherwise stores it under a new case code.
 */
@ApplicationScoped
public class TipIntake {

    private final ClientJson json;
    private final Validator validator;
    private final IntakeKeyring intakeKeys;
    private final CaseCodeHasher caseCodes;
    private final IdempotentIntake idempotency;
    private final TipRecorder recorder;
    private final ProofOfWork proofOfWork;
    private final Clock clock;

    TipIntake(ClientJson json, Validator validator, IntakeKeyring intakeKeys, CaseCodeHasher caseCodes,
            IdempotentIntake idempotency, TipRecorder recorder, ProofOfWork proofOfWork, Clock clock) {
        this.json = json;
        this.validator = validator;
        this.intakeKeys = intakeKeys;
        this.caseCodes = caseCodes;
        this.idempotency = idempotency;
        this.recorder = recorder;
        this.proofOfWork = proofOfWork;
        this.clock = clock;
    }

    /** {@code proof} is the request's Tipline-Proof header (null when absent). */
    public TipReceipt submitPlain(byte[] body, Optional<String> idempotencyKey, String proof) throws IOException {
        return submit(parse(body, TipSubmission.class), idempotencyKey, proof);
    }

    public TipReceipt submitEncrypted(byte[] body, Optional<String> idempotencyKey, String proof) throws IOException {
        EncryptedTip envelope = parse(body, EncryptedTip.class);
        if (!IntakeEnvelope.ALGORITHM.equals(envelope.alg())) {
            throw EnvelopeException.malformed("alg", "must be " + IntakeEnvelope.ALGORITHM);
        }
        IntakeKeyring.IntakeKey key = intakeKeys.accepting(envelope.kid(), clock.instant())
                .orElseThrow(EnvelopeException::unknownKey);
        byte[] plaintext = IntakeEnvelope.open(key, envelope.epk(), envelope.iv(), envelope.ciphertext());
        return submit(parse(plaintext, TipSubmission.class), idempotencyKey, proof);
    }

    /**
     * A tip a staff member took on the phone, in person, by mail or text: validated and routed exactly like a web tip,
     * with no proof of work (the staff member signed in), and a case code to read to the caller, who can then follow
     * up on the web. {@code staffId} is recorded as who entered it.
     */
    public TipReceipt submitTakenByStaff(TakenTip taken, UUID staffId) {
        TipSubmission submission = taken.tip();
        QuarkusTransaction.requiringNew().run(() -> checkReferences(submission));
        CaseCode code = CaseCode.generate();
        byte[] codeHash = caseCodes.hash(code);
        return recorder.record(submission, code, codeHash, Optional.empty(), Channel.valueOf(taken.channel()),
                staffId.toString());
    }

    public IntakeKeyView publishedKey() {
        IntakeKeyring.IntakeKey key = intakeKeys.current();
        return new IntakeKeyView(key.kid(), IntakeEnvelope.ALGORITHM, key.publicKeySpki());
    }

    private TipReceipt submit(TipSubmission submission, Optional<String> idempotencyKey, String proof) {
        // In a transaction of its own, so that no database connection is held while the case code is
        // hashed: requests queued at the hashing gate would otherwise drain the pool for everyone.
        QuarkusTransaction.requiringNew().run(() -> checkReferences(submission));
        // Checked only for a well-formed tip, and spent only for a new one: a malformed request costs nobody anything,
        // and a retry answered from its first answer (a lost 201) is not paid for twice.
        ProofOfWork.VerifiedProof payment = proofOfWork.verify(Purpose.TIP, proof);
        Optional<IdempotentIntake.Request> request = idempotencyKey.map(key -> idempotency.request(key, submission));
        if (request.isPresent()) {
            Optional<TipReceipt> first = idempotency.replay(request.get());
            if (first.isPresent()) {
                return first.get();
            }
        }
        // Spent before the case code is hashed: one proof buys at most one Argon2id.
        payment.spend();
        CaseCode code = CaseCode.generate();
        byte[] codeHash = caseCodes.hash(code);
        try {
            return recorder.record(submission, code, codeHash, request);
        } catch (PersistenceException e) {
            // A concurrent retry with the same Idempotency-Key committed first: answer as it was answered.
            return request.flatMap(idempotency::replay).orElseThrow(() -> e);
        }
    }

    private <T> T parse(byte[] body, Class<T> type) throws IOException {
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

    private static void checkReferences(TipSubmission submission) {
        if (!Category.isKnown(submission.category())) {
            throw new InvalidFieldException("category", "unknown category; see GET /api/v1/categories");
        }
        if (submission.schoolId() != null && School.count("id = ?1 and active = true", submission.schoolId()) == 0) {
            throw new InvalidFieldException("schoolId", "no active school has this id; see GET /api/v1/schools");
        }
    }
}

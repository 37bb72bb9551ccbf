package org.tipline.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.tipline.abuse.ProofOfWork;
import org.tipline.abuse.Purpose;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.CaseCodeHasher;
import org.tipline.crypto.CaseCodeKey;
import org.tipline.crypto.IntakeEnvelope;
import org.tipline.crypto.IntakeKeyring;
import org.tipline.crypto.SealedReply;
import org.tipline.directory.Category;
import org.tipline.directory.School;
import org.tipline.platform.DomainException;
import org.tipline.platform.InvalidFieldException;
import org.tipline.tip.Channel;
import org.tipline.tip.Tip;

/**
 * Takes a tip from a reporter, plain or encrypted: decodes, validates exactly the same way, answers an
 * idempotent retry with the first answer, and otherwise stores it under a new case code.
 */
@ApplicationScoped
public class TipIntake {

    private final Envelopes envelopes;
    private final IntakeKeyring intakeKeys;
    private final CaseCodeHasher caseCodes;
    private final IdempotentIntake idempotency;
    private final TipRecorder recorder;
    private final ProofOfWork proofOfWork;
    private final ObjectMapper answerJson;

    TipIntake(Envelopes envelopes, IntakeKeyring intakeKeys, CaseCodeHasher caseCodes,
            IdempotentIntake idempotency, TipRecorder recorder, ProofOfWork proofOfWork, ObjectMapper answerJson) {
        this.envelopes = envelopes;
        this.answerJson = answerJson;
        this.intakeKeys = intakeKeys;
        this.caseCodes = caseCodes;
        this.idempotency = idempotency;
        this.recorder = recorder;
        this.proofOfWork = proofOfWork;
    }

    /** {@code proof} is the request's Tipline-Proof header (null when absent). */
    public TipReceipt submitPlain(byte[] body, Optional<String> idempotencyKey, String proof) throws IOException {
        TipSubmission submission = envelopes.read(body, TipSubmission.class);
        return submit(submission, idempotency.requests(idempotencyKey, Optional.empty(), submission), proof);
    }

    /**
     * A tip in an envelope: its answer is sealed to the envelope's ephemeral key, and the same envelope again is
     * answered from its first answer, so a logged request replayed gives nothing away and stores nothing.
     */
    public SealedReply submitEncrypted(byte[] body, Optional<String> idempotencyKey, String proof) throws IOException {
        IntakeEnvelope.Opened opened = envelopes.open(body);
        TipSubmission submission = envelopes.read(opened.plaintext(), TipSubmission.class);
        TipReceipt receipt = submit(submission, idempotency.requests(idempotencyKey, Optional.of(opened.ciphertext()), submission),
                proof);
        return opened.sealReply(answerJson.writeValueAsBytes(receipt));
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
        return recorder.record(submission, Optional.of(code), codeHash, List.of(), Channel.valueOf(taken.channel()),
                staffId.toString());
    }

    public IntakeKeyView publishedKey() {
        IntakeKeyring.IntakeKey key = intakeKeys.current();
        CaseCodeHasher.Parameters caseCode = caseCodes.parameters();
        return new IntakeKeyView(key.kid(), IntakeEnvelope.ALGORITHM, key.publicKeySpki(), new IntakeKeyView.CaseCodeParameters(
                "argon2id", Base64.getUrlEncoder().withoutPadding().encodeToString(caseCode.salt()),
                caseCode.cost().memoryKib(), caseCode.cost().iterations(), caseCode.cost().parallelism()));
    }

    private TipReceipt submit(TipSubmission submission, List<IdempotentIntake.Request> requests, String proof) {
        Optional<ReporterKeys> keys = Optional.ofNullable(submission.reporterKeys());
        // Checked before anything is spent or stored: a key that is no point of P-256 is a malformed request.
        keys.ifPresent(ReporterKeys::validResponseKey);
        Optional<byte[]> clientKeyHash = Optional.ofNullable(submission.caseCodeKey()).flatMap(CaseCodeKey::fromBase64Url)
                .map(caseCodes::lookup);
        AtomicReference<ProofOfWork.VerifiedProof> payment = new AtomicReference<>();
        try {
            return clientKeyHash.isPresent()
                    ? inOneTransaction(submission, requests, keys, proof, clientKeyHash.get(), payment)
                    : withServerCode(submission, requests, keys, proof);
        } catch (DomainException e) {
            throw e; // refused as it should be (a malformed tip, a bad proof): nothing to recover
        } catch (RuntimeException e) {
            // The unique indexes refused the tip at its commit, which surfaces as a rollback rather than a
            // PersistenceException: a concurrent repeat (same Idempotency-Key or envelope) committed first, so answer as
            // it was answered; or the client's key is one some tip already has. Anything else is what it was.
            Optional<TipReceipt> first = firstAnswer(requests, keys);
            if (first.isPresent()) {
                return first.get();
            }
            if (clientKeyHash.isPresent() && caseCodeTaken(clientKeyHash.get())) {
                // The rollback took the payment back: spent now, or the same proof could send the same key for ever.
                Optional.ofNullable(payment.get()).ifPresent(ProofOfWork.VerifiedProof::spend);
                throw new CaseCodeKeyTakenException();
            }
            throw e;
        }
    }

    /**
     * A key the page derived: nothing is hashed here, so one transaction checks the references, answers a repeat from
     * its first answer, pays with the proof and stores the tip. Checked in that order: a malformed tip costs nobody
     * anything, and a retry answered from its first answer (a lost 201) is not paid for twice.
     */
    private TipReceipt inOneTransaction(TipSubmission submission, List<IdempotentIntake.Request> requests,
            Optional<ReporterKeys> keys, String proof, byte[] codeHash, AtomicReference<ProofOfWork.VerifiedProof> payment) {
        return QuarkusTransaction.requiringNew().call(() -> {
            checkReferences(submission);
            payment.set(proofOfWork.verify(Purpose.TIP, proof));
            Optional<TipReceipt> first = firstAnswer(requests, keys);
            if (first.isPresent()) {
                return first.get();
            }
            payment.get().spendWithin();
            return recorder.record(submission, Optional.empty(), codeHash, requests);
        });
    }

    /**
     * A case code made and hashed here (Argon2id): the checks, the repeat lookup and the payment each in a transaction
     * of their own, so that no database connection is held while the code is hashed: requests queued at the hashing
     * gate would otherwise drain the pool for everyone. The proof is spent before the hash: one proof buys at most one
     * Argon2id.
     */
    private TipReceipt withServerCode(TipSubmission submission, List<IdempotentIntake.Request> requests,
            Optional<ReporterKeys> keys, String proof) {
        QuarkusTransaction.requiringNew().run(() -> checkReferences(submission));
        ProofOfWork.VerifiedProof payment = proofOfWork.verify(Purpose.TIP, proof);
        Optional<TipReceipt> first = firstAnswer(requests, keys);
        if (first.isPresent()) {
            return first.get();
        }
        payment.spend();
        CaseCode code = CaseCode.generate();
        return recorder.record(submission, Optional.of(code), caseCodes.hash(code), requests);
    }

    private Optional<TipReceipt> firstAnswer(List<IdempotentIntake.Request> requests, Optional<ReporterKeys> keys) {
        for (IdempotentIntake.Request request : requests) {
            Optional<TipReceipt> first = idempotency.replay(request, keys);
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    private static boolean caseCodeTaken(byte[] codeHash) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.idByCaseCodeHash(codeHash)).isPresent();
    }

    private static void checkReferences(TipSubmission submission) {
        if (!Category.isKnown(submission.category())) {
            throw new InvalidFieldException("category", "unknown category; see GET /api/v1/categories");
        }
        // By primary key: the routing that follows in the tip's transaction finds the school already loaded.
        if (submission.schoolId() != null && !School.<School>findByIdOptional(submission.schoolId()).map(s -> s.active).orElse(false)) {
            throw new InvalidFieldException("schoolId", "no active school has this id; see GET /api/v1/schools");
        }
    }
}

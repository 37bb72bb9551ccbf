package org.tipline.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tipline.abuse.ProofOfWork;
import org.tipline.abuse.Purpose;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.CaseCodeHasher;
import org.tipline.tip.Tip;

/**
 * Exchanges a case code for a reporter token. Wrong, unknown and malformed codes take the same path and
 * get the same answer: the Argon2id hash runs for every attempt (a malformed code is replaced by a random
 * one), and only then is the database asked, through the unique index on the hash.
 */
@ApplicationScoped
class ReporterSessions {

    private final CaseCodeHasher hasher;
    private final SessionThrottle throttle;
    private final ReporterTokens tokens;
    private final ProofOfWork proofOfWork;

    ReporterSessions(CaseCodeHasher hasher, SessionThrottle throttle, ReporterTokens tokens, ProofOfWork proofOfWork) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.proofOfWork = proofOfWork;
    }

    /**
     * {@code clientAddress} only picks the client's in-memory wait and is not kept. The client's own wait is checked
     * before its proof is spent, so that a proof is not wasted on an answer the client could have known.
     */
    ReporterToken open(String caseCode, String proof, String clientAddress) {
        throttle.begin(clientAddress);
        Optional<UUID> tipId = Optional.empty();
        SessionThrottle.Outcome outcome = SessionThrottle.Outcome.UNCHECKED;
        try {
            proofOfWork.spend(Purpose.FOLLOWUP, proof);
            // Hashed outside any transaction: no database connection is held while Argon2id runs.
            byte[] hash = hasher.hash(CaseCode.parse(caseCode).orElseGet(CaseCode::generate));
            tipId = QuarkusTransaction.requiringNew().call(() -> Tip.idByCaseCodeHash(hash));
            outcome = tipId.isPresent() ? SessionThrottle.Outcome.RECOGNIZED : SessionThrottle.Outcome.WRONG;
            if (tipId.isEmpty()) {
                proofOfWork.wrongCaseCode();
            }
        } finally {
            throttle.finish(clientAddress, outcome);
        }
        return tipId.map(tokens::issue).orElseThrow(CaseCodeNotRecognizedException::new);
    }
}

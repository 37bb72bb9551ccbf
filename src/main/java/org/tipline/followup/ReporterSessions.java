package org.tipline.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tipline.abuse.ProofOfWork;
import org.tipline.abuse.Purpose;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.CaseCodeHasher;
import org.tipline.crypto.CaseCodeKey;
import org.tipline.platform.InvalidFieldException;
import org.tipline.tip.Tip;

/**
 * Exchanges a case code, or its key K, for a reporter token. Wrong, unknown and malformed codes take the same path
 * and get the same answer: the Argon2id runs for every code (a malformed code is replaced by a random one), and only
 * then is the database asked, through the unique index. A key from the browser costs one HMAC: its Argon2id was paid
 * by the browser, and guessing keys directly is guessing 80 bits.
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

    /** A plain session: the case code in the clear (inside TLS), a bearer token back. */
    ReporterToken open(String caseCode, String proof, String clientAddress) {
        return open(Optional.empty(), Optional.of(caseCode), Optional.empty(), proof, clientAddress);
    }

    /** A sealed session: K (or, for an old tip, the code) from an envelope, a token bound to the page's keys. */
    ReporterToken open(SealedSessionRequest request, String proof, String clientAddress) {
        if ((request.caseCodeKey() == null) == (request.caseCode() == null)) {
            throw new InvalidFieldException("caseCodeKey", "send exactly one of caseCodeKey and caseCode");
        }
        ReporterTokens.BoundKeys keys = ReporterTokens.BoundKeys.of(request.keys());
        return open(Optional.ofNullable(request.caseCodeKey()), Optional.ofNullable(request.caseCode()), Optional.of(keys),
                proof, clientAddress);
    }

    /**
     * {@code clientAddress} only picks the client's in-memory wait and is not kept. The client's own wait is checked
     * before its proof is spent, so that a proof is not wasted on an answer the client could have known.
     */
    private ReporterToken open(Optional<String> caseCodeKey, Optional<String> caseCode, Optional<ReporterTokens.BoundKeys> keys,
            String proof, String clientAddress) {
        throttle.begin(clientAddress);
        Found found = Found.NOTHING;
        try {
            proofOfWork.spend(Purpose.FOLLOWUP, proof);
            found = caseCodeKey.isPresent() ? byKey(caseCodeKey.get()) : byCode(caseCode.orElseThrow());
            if (found.tipId().isEmpty()) {
                proofOfWork.wrongCaseCode();
            }
        } finally {
            throttle.finish(clientAddress, found.tipId().isPresent() ? SessionThrottle.Outcome.RECOGNIZED
                    : found == Found.NOTHING ? SessionThrottle.Outcome.UNCHECKED : SessionThrottle.Outcome.WRONG);
        }
        if (found.codeNeeded()) {
            throw new CaseCodeNeededException();
        }
        return found.tipId().map(tipId -> tokens.issue(tipId, keys)).orElseThrow(CaseCodeNotRecognizedException::new);
    }

    private record Found(Optional<UUID> tipId, boolean codeNeeded) {
        static final Found NOTHING = new Found(Optional.empty(), false);
    }

    private Found byKey(String encodedKey) {
        // A malformed key is refused by the request's validation; one that is not K of any code finds nothing.
        Optional<CaseCodeKey> key = CaseCodeKey.fromBase64Url(encodedKey);
        Optional<UUID> tipId = key.flatMap(k -> find(hasher.lookup(k)));
        return new Found(tipId, tipId.isEmpty() && olderSchemeRemains());
    }

    private Found byCode(String typed) {
        // Hashed outside any transaction: no database connection is held while Argon2id runs.
        CaseCode code = CaseCode.parse(typed).orElseGet(CaseCode::generate);
        byte[] lookup = hasher.hash(code);
        Optional<UUID> tipId = find(lookup);
        if (tipId.isEmpty() && olderSchemeRemains()) {
            byte[] legacy = hasher.legacyLookup(code);
            tipId = find(legacy);
            // Moved to the current scheme, so that from now on the page's key finds it without the code.
            tipId.ifPresent(id -> QuarkusTransaction.requiringNew().run(() -> Tip.replaceCaseCodeHash(id, legacy, lookup)));
        }
        return new Found(tipId, false);
    }

    private static Optional<UUID> find(byte[] lookup) {
        return QuarkusTransaction.requiringNew().call(() -> Tip.idByCaseCodeHash(lookup));
    }

    private static boolean olderSchemeRemains() {
        return QuarkusTransaction.requiringNew().call(() -> Tip.anyCaseCodeHashBelow(CaseCodeHasher.firstOfCurrentScheme()));
    }
}

package org.tipline.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.tipline.abuse.ChallengeTokens.Claims;
import org.tipline.platform.Sha256;

/**
 * Proof of work instead of refusal (DESIGN 5): before a tip or a case-code session, a client solves a challenge
 * whose difficulty grows with how much it and everyone are sending. A well-formed request with a good proof is
 * never refused because of who sent it; a flood costs its sender CPU instead of costing reporters their tips.
 */
@ApplicationScoped
public class ProofOfWork {

    /** The header that carries {@code <token>:<nonce>}. */
    public static final String HEADER = "Tipline-Proof";
    public static final String HEADER_DESCRIPTION = "<token>:<nonce>, solving a challenge of GET /api/v1/challenge for "
            + "this purpose; each proof is good once";

    private final ChallengeTokens tokens;
    private final Difficulty difficulty;
    private final SpentProofs spent;
    private final AbuseSettings settings;
    private final Clock clock;

    ProofOfWork(ChallengeTokens tokens, Difficulty difficulty, SpentProofs spent, AbuseSettings settings, Clock clock) {
        this.tokens = tokens;
        this.difficulty = difficulty;
        this.spent = spent;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new challenge; {@code client} (an address) only picks an in-memory rate and is not kept. */
    public Challenge challenge(Purpose purpose, String client) {
        int bits = difficulty.next(purpose, client);
        Instant expiresAt = clock.instant().plus(settings.challengeLifetime());
        return new Challenge(tokens.issue(purpose, bits, expiresAt), bits, expiresAt);
    }

    /** Accepts the proof once, for this purpose, or refuses it with {@link ProofRefusedException}. */
    public void spend(Purpose purpose, String proof) {
        verify(purpose, proof).spend();
    }

    /**
     * Checks the proof without spending it, or refuses it with {@link ProofRefusedException}: for a request that may
     * turn out to need no payment (an idempotent retry answered from its first answer).
     */
    public VerifiedProof verify(Purpose purpose, String proof) {
        if (proof == null || proof.isBlank()) {
            throw ProofRefusedException.missing(purpose);
        }
        int colon = proof.lastIndexOf(':');
        String token = colon < 0 ? proof : proof.substring(0, colon);
        String nonce = colon < 0 ? "" : proof.substring(colon + 1);
        Claims claims = tokens.read(token).filter(read -> read.purpose() == purpose)
                .orElseThrow(() -> ProofRefusedException.invalid(purpose));
        if (!ProofCheck.isNonce(nonce) || !ProofCheck.solves(token, nonce, claims.difficulty())) {
            throw ProofRefusedException.invalid(purpose);
        }
        if (!claims.expiresAt().isAfter(clock.instant())) {
            throw ProofRefusedException.expired(purpose);
        }
        return new VerifiedProof(purpose, Sha256.of(token), claims.expiresAt());
    }

    /** A proof that solves a challenge of ours and has not expired; {@link #spend()} it to pay with it. */
    public final class VerifiedProof {

        private final Purpose purpose;
        private final byte[] tokenHash;
        private final Instant expiresAt;

        private VerifiedProof(Purpose purpose, byte[] tokenHash, Instant expiresAt) {
            this.purpose = purpose;
            this.tokenHash = tokenHash;
            this.expiresAt = expiresAt;
        }

        /** Pays with the proof, on every replica at once, or refuses it when it already paid for something. */
        public void spend() {
            if (!spent.spend(tokenHash, expiresAt)) {
                throw ProofRefusedException.spent(purpose);
            }
        }

        /** The same as part of the caller's transaction: paid only for what that transaction stores. */
        public void spendWithin() {
            if (!spent.spendWithin(tokenHash, expiresAt)) {
                throw ProofRefusedException.spent(purpose);
            }
        }
    }

    /** Tells the follow-up difficulty that a case code matched nothing. */
    public void wrongCaseCode() {
        difficulty.wrongCaseCode();
    }
}

package org.tipline.abuse;

import org.tipline.platform.DomainException;

/** A request that needs a proof of work came without a good one: nothing was done or stored (428). */
public class ProofRefusedException extends DomainException {

    private static final String HOW = " Get a challenge from GET /api/v1/challenge?purpose=%s, find its nonce and send "
            + "'Tipline-Proof: <token>:<nonce>' with the request. Nothing was saved.";

    private ProofRefusedException(String code, String title, String why, Purpose purpose) {
        super(428, code, title, why + HOW.formatted(purpose.label()));
    }

    static ProofRefusedException missing(Purpose purpose) {
        return new ProofRefusedException("proof-required", "Proof of work required", "This request needs a proof of work.",
                purpose);
    }

    static ProofRefusedException invalid(Purpose purpose) {
        return new ProofRefusedException("proof-invalid", "Proof of work not valid",
                "The Tipline-Proof header is malformed, was not issued by this service for this purpose, or its nonce "
                        + "does not solve the challenge.", purpose);
    }

    static ProofRefusedException expired(Purpose purpose) {
        return new ProofRefusedException("proof-expired", "Proof of work expired", "The challenge has expired.", purpose);
    }

    static ProofRefusedException spent(Purpose purpose) {
        return new ProofRefusedException("proof-spent", "Proof of work already used",
                "This proof was already used; each one pays for one request.", purpose);
    }
}

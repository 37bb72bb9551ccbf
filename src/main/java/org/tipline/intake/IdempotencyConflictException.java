package org.tipline.intake;

import org.tipline.platform.DomainException;

/** The Idempotency-Key was used before with a different tip. */
public class IdempotencyConflictException extends DomainException {

    public IdempotencyConflictException() {
        super(422, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different tip. Use a new key for a new tip. Nothing was saved.");
    }
}

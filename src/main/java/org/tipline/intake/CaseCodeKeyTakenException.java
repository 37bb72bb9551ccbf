package org.tipline.intake;

import org.tipline.platform.DomainException;

/**
 * A client-made case code whose key a tip already has. With 80 random bits that is a client that sent the same key
 * twice, not chance: it must make a new code. Only the holder of K can cause this, and K already opens the tip.
 */
class CaseCodeKeyTakenException extends DomainException {

    CaseCodeKeyTakenException() {
        super(409, "case-code-key-taken", "Case code already in use",
                "A tip already has this case code. Make a new case code and its key, and send the tip again. Nothing was saved.");
    }
}

package org.tipline.stats;

import org.tipline.platform.DomainException;

/** A district or school the caller may not count (a coordinator's is their own district), or none with this id. */
class OutOfScopeException extends DomainException {

    OutOfScopeException() {
        super(404, "not-found", "Not found", "There is no district or school with this id whose statistics you may see.");
    }
}

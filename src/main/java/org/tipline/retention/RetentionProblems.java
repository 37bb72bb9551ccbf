package org.tipline.retention;

import org.tipline.platform.DomainException;

/** Errors of retention and legal holds. */
final class RetentionProblems {

    private RetentionProblems() {
    }

    /** No such district, or not the caller's: the same answer. */
    static class DistrictNotFound extends DomainException {
        DistrictNotFound() {
            super(404, "not-found", "Not found", "There is no district with this id whose tips you may see.");
        }
    }

    /** A hold placed on a held tip, or released from one that has none. */
    static class HoldConflict extends DomainException {
        HoldConflict(String code, String detail) {
            super(409, code, "Legal hold unchanged", detail);
        }
    }
}

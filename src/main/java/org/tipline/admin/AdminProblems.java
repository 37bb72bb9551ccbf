package org.tipline.admin;

import org.tipline.platform.DomainException;

/** Errors of directory administration. */
final class AdminProblems {

    private AdminProblems() {
    }

    /** Not found, or outside what the caller administers: the same answer. */
    static class NotInScope extends DomainException {
        NotInScope(String what) {
            super(404, "not-found", "Not found", "There is no " + what + " with this id that you administer.");
        }
    }

    /** A name or email that is already taken. */
    static class Duplicate extends DomainException {
        Duplicate(String what) {
            super(409, "duplicate", "Already exists", "A " + what + " with this name or email already exists.");
        }
    }
}

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

    /** An account the caller may not manage (DESIGN 5: who may manage whom). */
    static class NotManageable extends DomainException {
        NotManageable(String why) {
            super(403, "account-not-manageable", "Not yours to manage", why);
        }
    }

    /** An approval that is not pending, or that its own requester tries to approve. */
    static class ApprovalRefused extends DomainException {
        ApprovalRefused(String why) {
            super(409, "approval-refused", "Approval refused", why);
        }
    }

    /** A directory file kind that does not exist. */
    static class UnknownFileKind extends DomainException {
        UnknownFileKind(String kinds) {
            super(404, "not-found", "Not found", "There is no directory file of this kind; the kinds are " + kinds + ".");
        }
    }
}

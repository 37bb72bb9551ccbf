package org.tipline.attachment;

import org.tipline.platform.DomainException;

/** The refusals of attachment requests that are about the tip or the attachment, not the image itself. */
final class AttachmentProblems {

    private AttachmentProblems() {
    }

    /** The tip has as many attachments of this author as it may have (409). */
    static class NoMoreAttachmentsException extends DomainException {

        NoMoreAttachmentsException(int max) {
            super(409, "too-many-attachments", "No more attachments",
                    "This tip already has " + max + " images, the most it can take. Nothing was saved.");
        }
    }

    /** No such attachment of this tip (404): the same answer as for a tip out of scope. */
    static class AttachmentNotFoundException extends DomainException {

        AttachmentNotFoundException() {
            super(404, "attachment-not-found", "Attachment not found", "There is no such attachment that you may see.");
        }
    }

    /** A sensitive attachment, and the district does not let this role view those (403). */
    static class SensitiveAttachmentException extends DomainException {

        SensitiveAttachmentException() {
            super(403, "sensitive-attachment", "Sensitive attachment",
                    "This attachment is marked sensitive; only the roles the district allows may view it.");
        }
    }
}

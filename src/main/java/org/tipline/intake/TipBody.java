package org.tipline.intake;

/** What the reporter wrote: the part of a tip that is only ever stored encrypted. */
public record TipBody(String description, String location, String when, String peopleInvolved,
        String reporterContact, String language) {

    static TipBody of(TipSubmission submission) {
        return new TipBody(submission.description(), submission.location(), submission.when(),
                submission.peopleInvolved(), submission.reporterContact(), submission.language());
    }
}

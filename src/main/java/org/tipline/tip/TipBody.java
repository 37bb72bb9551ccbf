package org.tipline.tip;

/** What the reporter wrote: the part of a tip that is only ever stored encrypted. */
public record TipBody(String description, String location, String when, String peopleInvolved,
        String reporterContact, String language) {
}

package org.tipline.followup;

import org.tipline.platform.DomainException;

/** A key-bound session sent a plain body: its requests are envelopes, so that nothing it writes crosses in the clear. */
class EnvelopeRequiredException extends DomainException {

    EnvelopeRequiredException() {
        super(415, "envelope-required", "Envelope required",
                "This follow-up session is bound to its page: send request bodies as envelopes "
                        + "(application/vnd.tipline.envelope+json). Nothing was saved.");
    }
}

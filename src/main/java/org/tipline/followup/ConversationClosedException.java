package org.tipline.followup;

import org.tipline.platform.DomainException;

/** The tip was closed longer ago than the reply window: new information belongs in a new tip. */
class ConversationClosedException extends DomainException {

    ConversationClosedException() {
        super(409, "conversation-closed", "This conversation is closed",
                "This tip was closed a while ago, so it no longer takes messages. If you have something new to tell, "
                        + "please send a new tip. If someone is in danger now, call 911.");
    }
}

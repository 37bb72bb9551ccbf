package org.tipline.tip;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.TipEncryption;

/**
 * The messages between staff and the anonymous reporter of a tip, whichever side writes or reads them:
 * each is sealed under the tip's data key, with its own id in the associated data.
 */
@ApplicationScoped
public class TipConversation {

    private final TipEncryption encryption;

    TipConversation(TipEncryption encryption) {
        this.encryption = encryption;
    }

    /** Adds a message; {@code authorStaffId} is null for the reporter's own. */
    public TipMessage add(Tip tip, MessageDirection direction, UUID authorStaffId, Instant at, String text) {
        TipMessage message = new TipMessage();
        message.id = UUID.randomUUID();
        message.tipId = tip.id();
        message.direction = direction;
        message.authorStaffId = authorStaffId;
        message.createdAt = at;
        message.body = encryption.sealText(tip.id(), RecordKind.MESSAGE, message.id, text);
        message.persist();
        return message;
    }

    /** The tip's messages, oldest first. */
    public List<TipMessage> of(UUID tipId) {
        return TipMessage.ofTip(tipId);
    }

    public String text(TipMessage message) {
        return encryption.openText(message.tipId, RecordKind.MESSAGE, message.id, message.body);
    }
}

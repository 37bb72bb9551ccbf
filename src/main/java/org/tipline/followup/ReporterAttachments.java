package org.tipline.followup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.tipline.attachment.AttachmentView;
import org.tipline.attachment.Attachments;
import org.tipline.attachment.ImageUpload;
import org.tipline.tip.Tip;

/** The reporter's images: taken while the tip takes the reporter's messages, as those are (ReporterConversation). */
@ApplicationScoped
class ReporterAttachments {

    private final Attachments attachments;
    private final FollowupSettings settings;
    private final Clock clock;

    ReporterAttachments(Attachments attachments, FollowupSettings settings, Clock clock) {
        this.attachments = attachments;
        this.settings = settings;
        this.clock = clock;
    }

    AttachmentView add(UUID tipId, String clientAddress, ImageUpload body) {
        QuarkusTransaction.requiringNew()
                .run(() -> takesMessages(Tip.byId(tipId).orElseThrow(ReporterTokenInvalidException::new)));
        return attachments.addFromReporter(tipId, clientAddress, body, this::takesMessages);
    }

    /** Open, or closed less than the reply window ago, and not shredded; 409 otherwise. */
    private void takesMessages(Tip tip) {
        if (!tip.acceptsReporterMessages(clock.instant(), settings.replyWindowAfterClose())) {
            throw new ConversationClosedException();
        }
    }
}

package org.tipline.notify;

import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * A mail about a staff account, to its owner (or to the analyst desk): an invitation to set a password, or a
 * notice of a change made to the account. Nothing about any tip.
 *
 * @param kind ACCOUNT_INVITATION or ACCOUNT_NOTICE
 * @param displayName whom the mail greets
 * @param text what happened, one sentence (a notice), or who invites (an invitation)
 * @param sealedLink the invitation link, sealed under a key the database does not hold ({@code ServerSecrets.seal});
 *        null for a notice
 */
public record AccountMail(NotificationKind kind, String displayName, String text, @Redacted byte[] sealedLink) {

    /** What {@code sealedLink} is sealed for: only the mail sender opens it. */
    public static final String LINK_PURPOSE = "invitation-link";

    public static AccountMail invitation(String displayName, String text, byte[] sealedLink) {
        return new AccountMail(NotificationKind.ACCOUNT_INVITATION, displayName, text, sealedLink);
    }

    public static AccountMail notice(String displayName, String text) {
        return new AccountMail(NotificationKind.ACCOUNT_NOTICE, displayName, text, null);
    }

    @Override
    public String toString() {
        return Redaction.toString(this);
    }
}

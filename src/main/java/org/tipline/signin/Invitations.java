package org.tipline.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.crypto.PasswordHasher;
import org.tipline.crypto.ServerSecrets;
import org.tipline.directory.Staff;
import org.tipline.notify.AccountMail;
import org.tipline.notify.NotifySettings;
import org.tipline.notify.Outbox;
import org.tipline.platform.Redaction;
import org.tipline.platform.Redaction.Redacted;

/**
 * Invitations to set a password (DESIGN 5: no administrator or coordinator ever learns another person's working
 * credential). The link goes to the account's own mail address through the outbox, sealed while it waits there;
 * its token travels in the link's fragment ({@code /console/invitation#<token>}), which browsers never send to a
 * server, and is stored only as a keyed hash. It works once, for 24 hours; a newer invitation replaces older ones.
 */
@ApplicationScoped
public class Invitations {

    static final Duration VALIDITY = Duration.ofHours(24);
    private static final String TOKEN_PURPOSE = "invitation-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSecrets secrets;
    private final Outbox outbox;
    private final NotifySettings notify;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Clock clock;

    Invitations(ServerSecrets secrets, Outbox outbox, NotifySettings notify, PasswordHasher passwords, AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.outbox = outbox;
        this.notify = notify;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Mails the account's owner a new invitation, in the caller's transaction; earlier ones stop working.
     * {@code why} is the mail's first sentence. Returns when the invitation expires.
     */
    public Instant invite(Staff staff, String why) {
        Issued issued = issue(staff);
        outbox.enqueue(staff.email, AccountMail.invitation(staff.displayName, why,
                secrets.seal(AccountMail.LINK_PURPOSE, issued.link().getBytes(StandardCharsets.UTF_8))));
        return issued.expiresAt();
    }

    /**
     * A new invitation whose link is handed to the caller instead of the outbox, in the caller's transaction: only for
     * the first administrator, whose link {@code bootstrap} prints on the operator's terminal (there is nobody yet
     * to mail it for, and the mail server may not be set up). Earlier invitations of the account stop working.
     */
    public Issued issueForTerminal(Staff staff) {
        return issue(staff);
    }

    /** An invitation's link, which holds its token, and when it expires. */
    public record Issued(@Redacted String link, Instant expiresAt) {
        @Override
        public String toString() {
            return Redaction.toString(this);
        }
    }

    private Issued issue(Staff staff) {
        Instant now = clock.instant();
        StaffInvitation.update("usedAt = ?1 where staffId = ?2 and usedAt is null", now, staff.id);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        StaffInvitation invitation = new StaffInvitation();
        invitation.id = UUID.randomUUID();
        invitation.staffId = staff.id;
        invitation.tokenHash = hash(token);
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(VALIDITY);
        invitation.persist();
        return new Issued(notify.consoleBaseUrl() + "/invitation#" + token, invitation.expiresAt);
    }

    /** Sets the password of the invited account and uses the invitation up. */
    @Transactional
    public void accept(String token, char[] password) {
        Instant now = clock.instant();
        StaffInvitation invitation = StaffInvitation.<StaffInvitation>find("tokenHash = ?1", (Object) hash(token))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(found -> found.usedAt == null && now.isBefore(found.expiresAt))
                .orElseThrow(InvitationInvalidException::new);
        invitation.usedAt = now;
        Staff staff = Staff.findById(invitation.staffId);
        // No token to revoke here: the account had no password since its creation, reset or new address, and
        // those revoked every earlier token. (Revoking again would refuse the token of a sign-in in the same second.)
        staff.passwordHash = passwords.hash(password);
        audit.append(staff.id.toString(), "INVITATION_ACCEPTED", null, staff.id.toString());
    }

    private byte[] hash(String token) {
        return secrets.keyedHash(TOKEN_PURPOSE, token.getBytes(StandardCharsets.UTF_8));
    }
}

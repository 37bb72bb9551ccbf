package org.tipline.admin;

import io.quarkus.arc.Unremovable;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.tipline.audit.AuditLog;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.platform.DomainException;
import org.tipline.signin.Invitations;

/**
 * The first administrator of an empty deployment ({@code java -jar quarkus-run.jar bootstrap --admin-email …}): an
 * account without a password and an invitation whose link the command prints on the operator's terminal, the one
 * place a credential link appears outside mail. Refused as soon as any administrator is enabled, so the command cannot
 * hand out a second way in; whoever can run it holds the database and the keys anyway.
 */
// Only the bootstrap command looks it up, programmatically: without this the build would remove it as unused.
@Unremovable
@ApplicationScoped
public class FirstAdministrator {

    /** The audit actor of the command: no staff member exists yet to be the actor. */
    public static final String ACTOR = "system:bootstrap";
    private static final long BOOTSTRAP_LOCK = 0x626f6f7473747261L; // "bootstra"

    private final Invitations invitations;
    private final AuditLog audit;
    private final Clock clock;

    FirstAdministrator(Invitations invitations, AuditLog audit, Clock clock) {
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the administrator and its invitation, or refuses; both commands run at once create at most one. */
    @Transactional
    public Invitations.Issued create(String email) {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 320) {
            throw new Refused("--admin-email needs a mail address, such as ops@example.org.");
        }
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, BOOTSTRAP_LOCK)
                .getSingleResult();
        if (Staff.count("role = ?1 and enabled = true", StaffRole.ADMIN) > 0) {
            throw new Refused("An administrator exists already: ask them to invite you (POST /api/v1/admin/staff).");
        }
        if (Staff.count("lower(email) = ?1", Staff.normalizedEmail(email)) > 0) {
            throw new Refused("An account with this mail address exists already; bootstrap creates a new one.");
        }
        Staff admin = new Staff();
        admin.id = UUID.randomUUID();
        admin.email = Staff.normalizedEmail(email);
        admin.displayName = "Administrator";
        admin.role = StaffRole.ADMIN;
        admin.enabled = true;
        admin.tokensNotBefore = clock.instant();
        admin.persist();
        Invitations.Issued invitation = invitations.issueForTerminal(admin);
        audit.append(ACTOR, "STAFF_CREATED", null, admin.id + " " + admin.role + " invitation printed on the terminal");
        return invitation;
    }

    /** Why the command did nothing; its message is for the operator's terminal. */
    public static class Refused extends DomainException {
        Refused(String why) {
            super(409, "bootstrap-refused", "Bootstrap refused", why);
        }
    }
}

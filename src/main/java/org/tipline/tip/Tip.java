package org.tipline.tip;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tipline.auth.StaffScope;
import org.tipline.directory.Category;

/**
 * A tip and the rules of its life (DESIGN 3): routing metadata in the clear, everything the reporter wrote
 * sealed in {@code body} under the tip's own data key ({@link org.tipline.crypto.TipKey}). State changes
 * only through the transition methods, which refuse illegal steps with a 409 problem.
 */
@Entity
public class Tip extends PanacheEntityBase {

    private static final Set<TipStatus> CLOSABLE = Set.of(TipStatus.ACKNOWLEDGED, TipStatus.IN_PROGRESS);

    @Id
    private UUID id;

    /** Public reference {@code T-YYYY-NNNNNN}, for staff and mail; says nothing about the content. */
    private String reference;

    /** Null when the reporter did not know the school. */
    @Column(name = "school_id")
    private UUID schoolId;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Column(name = "happening_now")
    private boolean happeningNow;

    @Enumerated(EnumType.STRING)
    private TipStatus status;

    /** Set by routing before the tip is first stored. */
    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    /** When someone must have acknowledged the tip; escalation starts after it. */
    @Column(name = "ack_deadline")
    private Instant ackDeadline;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    /** The next step of a life-safety tip's call-down ladder. */
    @Column(name = "call_down_step")
    private int callDownStep;

    /** When that step is due; null once acknowledged, closed or past the last step. */
    @Column(name = "next_call_down_at")
    private Instant nextCallDownAt;

    /** When the escalation job looks at the tip next; null once acknowledged or closed. */
    @Column(name = "next_escalation_at")
    private Instant nextEscalationAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "case_code_hash")
    private byte[] caseCodeHash;

    /** Required to close; null while open. */
    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The closing message the reporter sees, from a fixed safe set. */
    @Enumerated(EnumType.STRING)
    @Column(name = "closing_note")
    private ClosingNote closingNote;

    /** The staff member leading the case, once someone is assigned. */
    @Column(name = "lead_staff_id")
    private UUID leadStaffId;

    /** The incident the tip is linked to with other tips about the same event; null when it stands alone. */
    @Column(name = "incident_id")
    private UUID incidentId;

    /** {@link TipBody} as JSON, sealed with AES-256-GCM under the tip's data key; null once shredded. */
    private byte[] body;

    /** When retention shredded the tip's content (key, body, messages, notes); its metadata stays. */
    @Column(name = "shredded_at")
    private Instant shreddedAt;

    protected Tip() {
        // for Hibernate
    }

    /** A new tip as the reporter sent it, status NEW; routing sets its urgency and deadline before it is stored. */
    public static Tip submitted(UUID id, String reference, UUID schoolId, Category category, boolean happeningNow,
            Instant submittedAt, byte[] caseCodeHash, byte[] sealedBody, Channel channel) {
        Tip tip = new Tip();
        tip.channel = channel;
        tip.id = id;
        tip.reference = reference;
        tip.schoolId = schoolId;
        tip.category = category;
        tip.happeningNow = happeningNow;
        tip.status = TipStatus.NEW;
        tip.submittedAt = submittedAt;
        tip.caseCodeHash = caseCodeHash;
        tip.body = sealedBody;
        return tip;
    }

    // --- finders: every query about tips that is not the queue's (casework.TipQueue) lives here ----------

    /**
     * The tip to work on, if the scope covers it; {@link TipNotFoundException} otherwise (the same answer either way),
     * and {@link TipShreddedException} once its content is shredded: nothing can be done to it any more. The row is
     * locked for the step, so a step waits for a shredding in progress and then finds the tip shredded, rather than
     * sealing a note or message under a key that is being deleted.
     */
    public static Tip inScope(StaffScope scope, UUID tipId) {
        Tip tip = findById(tipId, LockModeType.PESSIMISTIC_WRITE);
        if (tip == null || !scope.covers(tip.schoolId)) {
            throw new TipNotFoundException();
        }
        if (tip.shredded()) {
            throw new TipShreddedException();
        }
        return tip;
    }

    /** The tip to look at, shredded or not, if the scope covers it; {@link TipNotFoundException} otherwise. */
    public static Tip readableInScope(StaffScope scope, UUID tipId) {
        return covered(scope, findById(tipId));
    }

    /**
     * The tip whose content is to be read (the case file), shredded or not, if the scope covers it, its row locked
     * for the read as by {@link #lockedForRead}; {@link TipNotFoundException} otherwise.
     */
    public static Tip readLockedInScope(StaffScope scope, UUID tipId) {
        return covered(scope, findById(tipId, LockModeType.PESSIMISTIC_READ));
    }

    private static Tip covered(StaffScope scope, Tip tip) {
        if (tip == null || !scope.covers(tip.schoolId)) {
            throw new TipNotFoundException();
        }
        return tip;
    }

    public static Optional<Tip> byId(UUID tipId) {
        return findByIdOptional(tipId);
    }

    /**
     * The tip, its row locked for a write of its content ({@code FOR NO KEY UPDATE}, as {@link #inScope} locks it):
     * a write that meets a shredding in progress waits for it and then finds the tip shredded, so that nothing is
     * sealed under a key that is being deleted. Retention's shredding locks the row {@code FOR UPDATE}.
     */
    public static Optional<Tip> lockedForWrite(UUID tipId) {
        return Optional.ofNullable(findById(tipId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The tip, its row locked for a read of its content ({@code FOR SHARE}): a shredding in progress finishes first and
     * the read finds the tip shredded, and a shredding that comes later passes the tip over until the read is done. The
     * read thus finds the key and every ciphertext, or none of them, never a key gone under ciphertexts it still sees.
     */
    public static Optional<Tip> lockedForRead(UUID tipId) {
        return Optional.ofNullable(findById(tipId, LockModeType.PESSIMISTIC_READ));
    }

    /** The id of the tip whose case-code hash this is (a unique column). */
    public static Optional<UUID> idByCaseCodeHash(byte[] caseCodeHash) {
        return getEntityManager().createQuery("select t.id from Tip t where t.caseCodeHash = :hash", UUID.class)
                .setParameter("hash", caseCodeHash)
                .getResultStream()
                .findFirst();
    }

    /**
     * Whether any tip still has a lookup value that sorts below {@code firstOfScheme}: those stored by an older case-code
     * scheme. A range of the unique index, so it costs one index probe.
     */
    public static boolean anyCaseCodeHashBelow(byte[] firstOfScheme) {
        return !getEntityManager().createQuery("select t.id from Tip t where t.caseCodeHash < :first", UUID.class)
                .setParameter("first", firstOfScheme).setMaxResults(1).getResultList().isEmpty();
    }

    /** Moves a tip found by an older scheme's value to the current one, so it is found by the browser's key from now on. */
    public static void replaceCaseCodeHash(UUID tipId, byte[] oldHash, byte[] newHash) {
        getEntityManager().createQuery("update Tip t set t.caseCodeHash = :new where t.id = :id and t.caseCodeHash = :old")
                .setParameter("new", newHash).setParameter("id", tipId).setParameter("old", oldHash).executeUpdate();
    }

    /** Timed work on an unacknowledged tip, each due at a column of the tip's own. */
    public enum Timer {
        ESCALATION("nextEscalationAt"),
        CALL_DOWN("nextCallDownAt");

        private final String field;

        Timer(String field) {
            this.field = field;
        }
    }

    /** The tips of an incident, oldest first. */
    public static List<Tip> ofIncident(UUID incidentId) {
        return Tip.<Tip>list("incidentId = ?1 order by submittedAt, id", incidentId);
    }

    /**
     * Tips submitted from {@code from} (inclusive) to {@code to} (exclusive) whose school the scope covers (tips
     * without a school too, for those who see everything), oldest first.
     */
    public static List<Tip> submittedBetween(StaffScope scope, Instant from, Instant to) {
        if (scope.seesEverything()) {
            return Tip.list("submittedAt >= ?1 and submittedAt < ?2 order by submittedAt, id", from, to);
        }
        if (scope.schoolIds().isEmpty()) {
            return List.of();
        }
        return Tip.list("submittedAt >= ?1 and submittedAt < ?2 and schoolId in ?3 order by submittedAt, id", from, to,
                scope.schoolIds());
    }

    /** The ids of up to {@code limit} unacknowledged tips whose {@code timer} is due, the longest due first. */
    public static List<UUID> dueIds(Timer timer, Instant now, int limit) {
        return getEntityManager().createQuery("select id from Tip where " + timer.field + " <= ?1 and acknowledgedAt is null"
                + " order by " + timer.field, UUID.class).setParameter(1, now).setMaxResults(limit).getResultList();
    }

    /**
     * The tip, locked {@code FOR UPDATE SKIP LOCKED}, if its {@code timer} is still due: empty when another replica
     * holds it or has done the work already, so that replicas share the work without doing any twice.
     */
    public static Optional<Tip> lockIfDue(Timer timer, UUID id, Instant now) {
        return Tip.<Tip>find("id = ?1 and " + timer.field + " <= ?2 and acknowledgedAt is null", id, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .firstResultOptional();
    }

    /** Moves a timer that could not be served to {@code until}, leaving whatever else is due to go first. */
    public void postpone(Timer timer, Instant until) {
        switch (timer) {
            case ESCALATION -> nextEscalationAt = until;
            case CALL_DOWN -> nextCallDownAt = until;
        }
    }

    // --- transitions ----------------------------------------------------------------------------------

    /** Routing's verdict at intake: the urgency, and the deadline from which escalation starts. */
    public void route(Urgency urgency, Instant ackDeadline) {
        this.urgency = urgency;
        this.ackDeadline = ackDeadline;
        this.nextEscalationAt = ackDeadline;
    }

    /** NEW → ACKNOWLEDGED; stops escalation. */
    public void acknowledge(Instant at) {
        moveFrom(Set.of(TipStatus.NEW), TipStatus.ACKNOWLEDGED);
        acknowledgedAt = at;
        nextEscalationAt = null;
        nextCallDownAt = null;
    }

    /** ACKNOWLEDGED → IN_PROGRESS. */
    public void startWork() {
        moveFrom(Set.of(TipStatus.ACKNOWLEDGED), TipStatus.IN_PROGRESS);
    }

    /** ACKNOWLEDGED or IN_PROGRESS → CLOSED with an outcome and the note the reporter will see (a default by outcome). */
    public void close(Outcome outcome, ClosingNote note, Instant at) {
        if (outcome == Outcome.DUPLICATE && incidentId == null) {
            throw new DuplicateWithoutIncidentException();
        }
        moveFrom(CLOSABLE, TipStatus.CLOSED);
        this.outcome = outcome;
        this.closingNote = note != null ? note : ClosingNote.defaultFor(outcome);
        this.closedAt = at;
        this.nextEscalationAt = null;
        this.nextCallDownAt = null;
    }

    /** CLOSED → IN_PROGRESS; the outcome and closing note are withdrawn. */
    public void reopen() {
        moveFrom(Set.of(TipStatus.CLOSED), TipStatus.IN_PROGRESS);
        outcome = null;
        closingNote = null;
        closedAt = null;
    }

    /** Moves the tip to another school (or to none); the lead, who served the old one, no longer leads. */
    public void moveTo(UUID newSchoolId) {
        schoolId = newSchoolId;
        leadStaffId = null;
    }

    /** Links the tip to an incident (or moves it to another, when two incidents are merged). */
    public void joinIncident(UUID incident) {
        incidentId = incident;
    }

    /** Takes the tip out of its incident; a tip closed as a duplicate must keep its link (reopen it first). */
    public void leaveIncident() {
        if (closedAsDuplicate()) {
            throw new DuplicateWithoutIncidentException();
        }
        incidentId = null;
    }

    public boolean closedAsDuplicate() {
        return status == TipStatus.CLOSED && outcome == Outcome.DUPLICATE;
    }

    public void assignLead(UUID staffId) {
        leadStaffId = staffId;
    }

    /** The call-down ladder's next step is {@code step}, due at {@code at}; null ends the ladder. */
    public void callDownNext(int step, Instant at) {
        callDownStep = step;
        nextCallDownAt = at;
    }

    public Channel channel() {
        return channel;
    }

    public int callDownStep() {
        return callDownStep;
    }

    public Instant nextCallDownAt() {
        return nextCallDownAt;
    }

    /** The escalation job notified again; the next round is due at {@code next}. */
    public void escalated(Instant next) {
        nextEscalationAt = next;
    }

    /** Whether the reporter may still write: not shredded, and open or closed less than {@code window} ago. */
    public boolean acceptsReporterMessages(Instant now, Duration window) {
        return !shredded() && (closedAt == null || now.isBefore(closedAt.plus(window)));
    }

    /** Retention's step: the body goes (the caller deletes the key and the other ciphertexts); metadata stays. */
    public void shred(Instant at) {
        body = null;
        shreddedAt = at;
    }

    public boolean shredded() {
        return shreddedAt != null;
    }

    public Instant shreddedAt() {
        return shreddedAt;
    }

    private void moveFrom(Set<TipStatus> allowed, TipStatus next) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(status, next);
        }
        status = next;
    }

    // --- reading --------------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public UUID schoolId() {
        return schoolId;
    }

    public Category category() {
        return category;
    }

    public boolean happeningNow() {
        return happeningNow;
    }

    public TipStatus status() {
        return status;
    }

    public Urgency urgency() {
        return urgency;
    }

    public Instant ackDeadline() {
        return ackDeadline;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public ClosingNote closingNote() {
        return closingNote;
    }

    public UUID leadStaffId() {
        return leadStaffId;
    }

    public UUID incidentId() {
        return incidentId;
    }

    /** The sealed body; only {@link org.tipline.crypto.TipEncryption} with the tip's data key opens it. */
    public byte[] sealedBody() {
        return body;
    }
}

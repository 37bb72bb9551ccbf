package org.tipline.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A tip as stored: routing metadata in the clear, everything the reporter wrote sealed in {@code body}
 * under the tip's own data key ({@link org.tipline.crypto.TipKey}).
 */
@Entity
public class Tip extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Public reference {@code T-YYYY-NNNNNN}, for staff and mail; says nothing about the content. */
    public String reference;

    /** Null when the reporter did not know the school. */
    @Column(name = "school_id")
    public UUID schoolId;

    public String category;

    @Column(name = "happening_now")
    public boolean happeningNow;

    public String status;

    /** LIFE_SAFETY or STANDARD (routing.Urgency); set at intake. */
    public String urgency;

    /** When someone must have acknowledged the tip; escalation starts after it. */
    @Column(name = "ack_deadline")
    public Instant ackDeadline;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** When the escalation job looks at the tip next; null once acknowledged. */
    @Column(name = "next_escalation_at")
    public Instant nextEscalationAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "case_code_hash")
    public byte[] caseCodeHash;

    /** Required to close: INTERVENTION, REFERRED, UNFOUNDED, DUPLICATE, FALSE_REPORT, INSUFFICIENT_INFO. */
    public String outcome;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Key of the closing message the reporter sees, from a fixed safe set. */
    @Column(name = "closing_note")
    public String closingNote;

    /** The staff member leading the case, once someone is assigned. */
    @Column(name = "lead_staff_id")
    public UUID leadStaffId;

    /** {@link TipBody} as JSON, sealed with AES-256-GCM under the tip's data key. */
    public byte[] body;
}

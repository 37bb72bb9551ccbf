package org.tipline.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message of the conversation between staff and the anonymous reporter, sealed under the tip's data key. */
@Entity
@Table(name = "tip_message")
public class TipMessage extends PanacheEntityBase {

    /** Written by staff for the reporter. */
    public static final String TO_REPORTER = "TO_REPORTER";
    /** Written by the reporter. */
    public static final String FROM_REPORTER = "FROM_REPORTER";

    /** {@link #TO_REPORTER} or {@link #FROM_REPORTER}. */
    public String direction;

    @Id
    public UUID id;

    @Column(name = "tip_id")
    public UUID tipId;

    /** The staff author of a message to the reporter; null for the reporter's own. */
    @Column(name = "author_staff_id")
    public UUID authorStaffId;

    @Column(name = "created_at")
    public Instant createdAt;

    public byte[] body;

    @Column(name = "read_at")
    public Instant readAt;
}

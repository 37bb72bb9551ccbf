package org.tipline.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account change that waits for a second administrator (an analyst reads every tip of the state). */
@Entity
@Table(name = "admin_approval")
class AdminApproval extends PanacheEntityBase {

    enum Action {
        CREATE_ANALYST,
        RESET_ANALYST,
        CHANGE_ANALYST_EMAIL
    }

    enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    UUID id;

    @Enumerated(EnumType.STRING)
    Action action;

    /** The account concerned; null until an analyst account to create exists. */
    @Column(name = "staff_id")
    UUID staffId;

    /** The mail address of the analyst to create, or the new address. */
    String email;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "requested_by")
    UUID requestedBy;

    @Column(name = "requested_at")
    Instant requestedAt;

    @Enumerated(EnumType.STRING)
    Status status;

    @Column(name = "decided_by")
    UUID decidedBy;

    @Column(name = "decided_at")
    Instant decidedAt;
}

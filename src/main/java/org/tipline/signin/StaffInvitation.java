package org.tipline.signin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use invitation to set a password; only a keyed hash of its token is stored. */
@Entity
@Table(name = "staff_invitation")
class StaffInvitation extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "staff_id")
    UUID staffId;

    @Column(name = "token_hash")
    byte[] tokenHash;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    /** When it was used, or replaced by a newer invitation: from then on it opens nothing. */
    @Column(name = "used_at")
    Instant usedAt;
}

package org.tipline.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The first answer to a submission with an Idempotency-Key, kept (sealed) for the replay window. */
@Entity
@Table(name = "intake_idempotency")
public class IdempotencyRecord extends PanacheEntityBase {

    /** Hex of a keyed hash of the client's key: the key itself is never stored. */
    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "request_hash")
    public byte[] requestHash;

    @Column(name = "tip_id")
    public UUID tipId;

    /** The {@link TipReceipt} as JSON, sealed under the tip's data key. */
    public byte[] receipt;

    @Column(name = "created_at")
    public Instant createdAt;
}

package org.tipline.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audit event; its hash covers its fields, its position and the previous event's hash. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public Instant at;

    /** The staff member's id, or "system". */
    public String actor;

    public String action;

    @Column(name = "tip_id")
    public UUID tipId;

    public String detail;

    /** The school of the event's tip when it was written; null for events without a tip. */
    @Column(name = "school_id")
    public UUID schoolId;

    /** 1, 2, 3 ... counting every event; null on events of chain version 0. */
    public Long position;

    /** 0: unkeyed SHA-256 link (events before the keyed chain); 1: HMAC-SHA-256 under the server's audit key. */
    @Column(name = "chain_version")
    public short chainVersion;

    @Column(name = "prev_hash")
    public byte[] prevHash;

    public byte[] hash;
}

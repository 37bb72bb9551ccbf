package org.tipline.crypto;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tip's data key, wrapped by a KEK. Deleting the row makes the tip unreadable for good. */
@Entity
@Table(name = "tip_key")
public class TipKey extends PanacheEntityBase {

    @Id
    @Column(name = "tip_id")
    public UUID tipId;

    @Column(name = "kek_id")
    public String kekId;

    @Column(name = "wrapped_dek")
    public byte[] wrappedDek;

    @Column(name = "wrapped_at")
    public Instant wrappedAt;

    public static TipKey of(UUID tipId, WrappedDek wrapped, Instant now) {
        TipKey key = new TipKey();
        key.tipId = tipId;
        key.store(wrapped, now);
        return key;
    }

    public WrappedDek wrapped() {
        return new WrappedDek(kekId, wrappedDek);
    }

    void store(WrappedDek wrapped, Instant now) {
        kekId = wrapped.kekId();
        wrappedDek = wrapped.sealed();
        wrappedAt = now;
    }
}

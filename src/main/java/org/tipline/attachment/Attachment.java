package org.tipline.attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An image attached to a tip: only its re-encoded pixels, sealed under the tip's data key (the image and, unless it is
 * sensitive, a thumbnail). Lists read {@link AttachmentSummary} rows, which leave the sealed bytes in the database.
 */
@Entity
@Table(name = "attachment")
class Attachment extends PanacheEntityBase {

    /** Who added it: the reporter (through the follow-up token) or a staff member in scope. */
    enum AddedBy {
        REPORTER,
        STAFF
    }

    @Id
    UUID id;

    @Column(name = "tip_id")
    UUID tipId;

    @Enumerated(EnumType.STRING)
    @Column(name = "added_by")
    AddedBy addedBy;

    @Column(name = "author_staff_id")
    UUID authorStaffId;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "media_type")
    String mediaType;

    @Column(name = "size_bytes")
    int sizeBytes;

    int width;

    int height;

    boolean sensitive;

    @Column(name = "marked_sensitive_by")
    UUID markedSensitiveBy;

    byte[] image;

    byte[] thumbnail;

    /** The tip's attachments, oldest first, without their bytes. */
    static List<AttachmentSummary> summariesOf(UUID tipId) {
        return getEntityManager().createQuery("select new org.tipline.attachment.AttachmentSummary(a.id, a.addedBy, "
                + "a.authorStaffId, a.createdAt, a.mediaType, a.sizeBytes, a.width, a.height, a.sensitive, "
                + "case when a.thumbnail is null then false else true end) from Attachment a where a.tipId = ?1 order by a.createdAt, a.id", AttachmentSummary.class)
                .setParameter(1, tipId)
                .getResultList();
    }

    /** Attachments of the tip added by this kind of author. */
    static long countOf(UUID tipId, AddedBy addedBy) {
        return count("tipId = ?1 and addedBy = ?2", tipId, addedBy);
    }
}

package org.tipline.attachment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tipline.attachment.AttachmentProblems.AttachmentNotFoundException;
import org.tipline.attachment.AttachmentProblems.NoMoreAttachmentsException;
import org.tipline.attachment.AttachmentProblems.SensitiveAttachmentException;
import org.tipline.auth.StaffScope;
import org.tipline.crypto.RecordKind;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.Category;
import org.tipline.directory.School;
import org.tipline.directory.StaffRole;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;
import org.tipline.tip.TipNotFoundException;

/**
 * Attachments of tips (DESIGN 10): taking an image from the reporter or from staff (checked, stripped, sealed under the
 * tip's data key), listing them in the case file, and handing one out to staff in scope, with every view audited.
 * An upload runs in three steps so that no database connection waits while a body arrives or an image is decoded:
 * a short transaction checks the tip has room, the image is read and re-encoded under the {@link UploadGate}, and a
 * second transaction locks the tip, checks again and stores it.
 */
@ApplicationScoped
public class Attachments {

    /** Categories whose attachments are sensitive from the start: explicit images of minors reach these. */
    private static final Set<Category> SENSITIVE_CATEGORIES = EnumSet.of(Category.SEXTING, Category.SEXUAL_ABUSE);

    private final ImageScrubber scrubber;
    private final UploadGate gate;
    private final ReporterUploadRate reporterRate;
    private final TipEncryption encryption;
    private final TipHistory history;
    private final Clock clock;
    private final AttachmentSettings settings;
    private final long maxBytes;

    Attachments(ImageScrubber scrubber, UploadGate gate, ReporterUploadRate reporterRate, TipEncryption encryption,
            TipHistory history, Clock clock, AttachmentSettings settings,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.scrubber = scrubber;
        this.gate = gate;
        this.reporterRate = reporterRate;
        this.encryption = encryption;
        this.history = history;
        this.clock = clock;
        this.settings = settings;
        this.maxBytes = maxBody.asLongValue();
    }

    /**
     * The reporter's image for their tip (the caller checked the reporter token). {@code mayWrite} refuses a tip that
     * takes no more from the reporter; it runs before the body is read and again under the tip's row lock, where the
     * image is sealed, so that a tip shredded meanwhile is refused rather than written to without its key.
     */
    public AttachmentView addFromReporter(UUID tipId, String clientAddress, ImageUpload body, Consumer<Tip> mayWrite) {
        reporterRate.count(clientAddress);
        return add(tipId, body, Attachment.AddedBy.REPORTER, null, TipHistory.REPORTER, () -> {
            Tip tip = Tip.<Tip>findByIdOptional(tipId).orElseThrow(TipNotFoundException::new);
            mayWrite.accept(tip);
            return tip;
        });
    }

    /** A staff member's image for a tip of their scope. */
    public AttachmentView addFromStaff(StaffScope scope, UUID tipId, ImageUpload body) {
        return add(tipId, body, Attachment.AddedBy.STAFF, scope.staffId(), scope.staffId().toString(),
                () -> Tip.inScope(scope, tipId));
    }

    private AttachmentView add(UUID tipId, ImageUpload body, Attachment.AddedBy by, UUID staffId, String actor,
            Supplier<Tip> tip) {
        // Refused before the body is read: a full tip or one out of scope costs no upload.
        boolean sensitive = QuarkusTransaction.requiringNew().call(() -> roomFor(tip.get(), by));
        CleanImage clean = gate.run(() -> {
            ImageBody image = ImageBody.read(body.body(), body.declaredLength(), maxBytes);
            return scrubber.scrub(image.data, image.length, !sensitive);
        });
        return QuarkusTransaction.requiringNew().call(() -> {
            // Serialises uploads to one tip, so that the count holds, and waits for a shredding in progress.
            Tip.lockedForWrite(tipId);
            Tip locked = tip.get();
            roomFor(locked, by);
            Attachment attachment = new Attachment();
            attachment.id = UUID.randomUUID();
            attachment.tipId = locked.id();
            attachment.addedBy = by;
            attachment.authorStaffId = staffId;
            attachment.createdAt = clock.instant();
            attachment.mediaType = clean.mediaType();
            attachment.sizeBytes = clean.image().length;
            attachment.width = clean.width();
            attachment.height = clean.height();
            attachment.sensitive = sensitive;
            attachment.image = encryption.sealForTip(imageRef(attachment), clean.image());
            attachment.thumbnail = clean.thumbnail() == null ? null
                    : encryption.sealForTip(thumbnailRef(attachment), clean.thumbnail());
            attachment.persist();
            history.step(locked, "ATTACHMENT_ADDED", actor, attachment.id.toString());
            return new AttachmentView(attachment.id, attachment.mediaType, attachment.sizeBytes, attachment.width,
                    attachment.height);
        });
    }

    /** Refuses when the tip is full for this author; answers whether its attachments are sensitive from the start. */
    private boolean roomFor(Tip tip, Attachment.AddedBy by) {
        int max = by == Attachment.AddedBy.REPORTER ? settings.maxPerTip() : settings.maxStaffPerTip();
        if (Attachment.countOf(tip.id(), by) >= max) {
            throw new NoMoreAttachmentsException(max);
        }
        return SENSITIVE_CATEGORIES.contains(tip.category());
    }

    /** The tip's attachments for its case file, in the caller's transaction (the case file's read is audited there). */
    public List<CaseAttachment> listFor(StaffScope scope, Tip tip) {
        boolean sensitiveAllowed = maySeeSensitive(scope, tip);
        return Attachment.summariesOf(tip.id()).stream()
                .map(summary -> CaseAttachment.of(summary, !summary.sensitive() || sensitiveAllowed))
                .toList();
    }

    /** The stored image; audited as a view in the console ({@code inline}) or as a download. */
    @Transactional
    public StoredImage image(StaffScope scope, UUID tipId, UUID attachmentId, boolean inline) {
        Tip tip = Tip.inScope(scope, tipId);
        Attachment attachment = viewable(scope, tip, attachmentId);
        history.audit(tip, inline ? "ATTACHMENT_VIEWED" : "ATTACHMENT_DOWNLOADED", scope.staffId().toString(),
                attachmentId.toString());
        return new StoredImage(encryption.openForTip(imageRef(attachment), attachment.image), attachment.mediaType,
                fileName(tip, attachment, attachment.mediaType.equals(ImageScrubber.PNG) ? "png" : "jpg"));
    }

    /** The thumbnail (a small JPEG); sensitive attachments have none. Audited. */
    @Transactional
    public StoredImage thumbnail(StaffScope scope, UUID tipId, UUID attachmentId) {
        Tip tip = Tip.inScope(scope, tipId);
        Attachment attachment = viewable(scope, tip, attachmentId);
        if (attachment.thumbnail == null) {
            throw new AttachmentNotFoundException();
        }
        history.audit(tip, "ATTACHMENT_THUMBNAIL_VIEWED", scope.staffId().toString(), attachmentId.toString());
        return new StoredImage(encryption.openForTip(thumbnailRef(attachment), attachment.thumbnail), ImageScrubber.JPEG,
                fileName(tip, attachment, "thumbnail.jpg"));
    }

    /**
     * Marks an attachment sensitive: from now on only the roles the district allows may view it, and its thumbnail is
     * deleted. Any staff member in scope may, since it only ever narrows who sees it; it cannot be undone.
     */
    @Transactional
    public void markSensitive(StaffScope scope, UUID tipId, UUID attachmentId) {
        Tip tip = Tip.inScope(scope, tipId);
        Attachment attachment = ofTip(tip, attachmentId);
        if (attachment.sensitive) {
            return;
        }
        attachment.sensitive = true;
        attachment.markedSensitiveBy = scope.staffId();
        attachment.thumbnail = null;
        history.step(tip, "ATTACHMENT_MARKED_SENSITIVE", scope.staffId().toString(), attachmentId.toString());
    }

    private Attachment viewable(StaffScope scope, Tip tip, UUID attachmentId) {
        Attachment attachment = ofTip(tip, attachmentId);
        if (attachment.sensitive && !maySeeSensitive(scope, tip)) {
            throw new SensitiveAttachmentException();
        }
        return attachment;
    }

    private static Attachment ofTip(Tip tip, UUID attachmentId) {
        Attachment attachment = Attachment.findById(attachmentId);
        if (attachment == null || !attachment.tipId.equals(tip.id())) {
            throw new AttachmentNotFoundException();
        }
        return attachment;
    }

    /** The district of the tip's school decides; a tip without a school is the analysts' alone. */
    private static boolean maySeeSensitive(StaffScope scope, Tip tip) {
        if (tip.schoolId() == null) {
            return scope.role() == StaffRole.ANALYST;
        }
        School school = School.findById(tip.schoolId());
        return school.district.sensitiveAttachmentRoleSet().contains(scope.role());
    }

    private static String fileName(Tip tip, Attachment attachment, String suffix) {
        return tip.reference() + "-" + attachment.id.toString().substring(0, 8) + "." + suffix;
    }

    /** Associated data of the sealed image: the tip, the kind and the attachment's id. */
    private static RecordRef imageRef(Attachment attachment) {
        return new RecordRef(attachment.tipId, RecordKind.ATTACHMENT, attachment.id.toString());
    }

    private static RecordRef thumbnailRef(Attachment attachment) {
        return new RecordRef(attachment.tipId, RecordKind.ATTACHMENT, attachment.id + "/thumbnail");
    }
}

package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tipline.auth.StaffScope;
import org.tipline.directory.District;
import org.tipline.directory.Staff;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;
import org.tipline.tip.TipShreddedException;

/**
 * Legal holds (coordinators and analysts, on tips of their scope) and the per-district lists of held tips and of
 * tips flagged for review. Every change is in the tip's history and the audit log.
 */
@ApplicationScoped
public class LegalHolds {

    private final TipHistory history;
    private final RetentionPolicies policies;
    private final Clock clock;

    LegalHolds(TipHistory history, RetentionPolicies policies, Clock clock) {
        this.history = history;
        this.policies = policies;
        this.clock = clock;
    }

    /** A held tip of a district. */
    @Schema(name = "HeldTip")
    public record HeldTip(@Schema(required = true) UUID tipId, @Schema(required = true) String reference,
            @Schema(required = true) String reason, @Schema(required = true) UUID placedBy,
            @Schema(required = true) Instant placedAt) {
    }

    /** A tip of a district flagged because it stayed open past the review period. */
    @Schema(name = "FlaggedTip")
    public record FlaggedTip(@Schema(required = true) UUID tipId, @Schema(required = true) String reference,
            @Schema(required = true) String status, @Schema(required = true) Instant submittedAt,
            @Schema(required = true) Instant flaggedAt) {
    }

    /** Places a hold; the tip's row is locked first, so a shredding in progress finishes (and the hold is refused). */
    @Transactional
    public TipRetention place(StaffScope scope, UUID tipId, String reason) {
        Tip tip = lockedInScope(scope, tipId);
        if (tip.shredded()) {
            throw new TipShreddedException();
        }
        if (LegalHold.findById(tipId) != null) {
            throw new RetentionProblems.HoldConflict("legal-hold-exists", "This tip is already on legal hold.");
        }
        LegalHold hold = new LegalHold();
        hold.tipId = tipId;
        hold.reason = reason.strip();
        hold.placedBy = scope.staffId();
        hold.placedAt = clock.instant();
        hold.persist();
        history.step(tip, "LEGAL_HOLD_PLACED", scope.staffId().toString(), hold.reason);
        return policies.viewOf(tip);
    }

    /** Releases a hold; from the next run of the job on, the tip is shredded if its period has passed. */
    @Transactional
    public TipRetention release(StaffScope scope, UUID tipId, String reason) {
        Tip tip = lockedInScope(scope, tipId);
        LegalHold hold = LegalHold.findById(tipId);
        if (hold == null) {
            throw new RetentionProblems.HoldConflict("no-legal-hold", "This tip is not on legal hold.");
        }
        hold.delete();
        history.step(tip, "LEGAL_HOLD_RELEASED", scope.staffId().toString(), reason.strip());
        return policies.viewOf(tip);
    }

    @Transactional
    public List<HeldTip> heldIn(StaffScope scope, UUID districtId) {
        requireDistrict(scope, districtId);
        return Panache.getEntityManager().createQuery("""
                select new org.tipline.retention.LegalHolds$HeldTip(t.id, t.reference, h.reason, h.placedBy, h.placedAt)
                from LegalHold h, Tip t, School s where t.id = h.tipId and s.id = t.schoolId and s.district.id = :district
                order by h.placedAt""", HeldTip.class).setParameter("district", districtId).getResultList();
    }

    @Transactional
    public List<FlaggedTip> flaggedIn(StaffScope scope, UUID districtId) {
        requireDistrict(scope, districtId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select t.id, t.reference, t.status, t.submitted_at, t.retention_flagged_at from tip t
                join school s on s.id = t.school_id
                where s.district_id = :district and t.retention_flagged_at is not null and t.status <> 'CLOSED'
                order by t.submitted_at""").setParameter("district", districtId).getResultList();
        return rows.stream().map(row -> new FlaggedTip((UUID) row[0], (String) row[1], (String) row[2],
                instant(row[3]), instant(row[4]))).toList();
    }

    /** A timestamptz of a native query, whichever Java type the driver chose for it. */
    static Instant instant(Object value) {
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static Tip lockedInScope(StaffScope scope, UUID tipId) {
        Tip tip = Tip.readableInScope(scope, tipId);
        Panache.getEntityManager().refresh(tip, LockModeType.PESSIMISTIC_WRITE);
        return tip;
    }

    /** Analysts see every district; coordinators their own; anything else looks like an unknown district. */
    private static void requireDistrict(StaffScope scope, UUID districtId) {
        District district = District.findById(districtId);
        District home = homeOf(scope);
        boolean mine = district != null && (scope.seesEverything() || (home != null && district.id.equals(home.id)));
        if (!mine) {
            throw new RetentionProblems.DistrictNotFound();
        }
    }

    private static District homeOf(StaffScope scope) {
        Staff staff = Staff.findById(scope.staffId());
        return staff == null ? null : staff.district;
    }
}

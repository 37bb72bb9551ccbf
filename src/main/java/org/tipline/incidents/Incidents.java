package org.tipline.incidents;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tipline.auth.StaffScope;
import org.tipline.platform.InvalidFieldException;
import org.tipline.tip.Tip;
import org.tipline.tip.TipHistory;

/**
 * Links tips about one event into an incident (DESIGN 3), merges two incidents when both tips already have one, and
 * takes a tip out again. Both tips must be in the caller's scope; a merge moves every tip of the other incident,
 * also those the caller cannot see, because the event is one. Every change is in the history and the audit log of
 * each tip it moves. Links and unlinks that share a tip or an incident run one after the other ({@link #lock}).
 */
@ApplicationScoped
public class Incidents {

    /** The tips given and every tip of their incidents, locked in the order of their ids. */
    private static final String LOCK = "select id from tip where id in (:tips) "
            + "or incident_id in (select incident_id from tip where id in (:tips)) order by id for update";

    private final Clock clock;
    private final TipHistory history;

    Incidents(Clock clock, TipHistory history) {
        this.clock = clock;
        this.history = history;
    }

    /** The incident of a tip and its other tips that the scope covers. */
    @Transactional
    public IncidentViews.View of(StaffScope scope, UUID tipId) {
        Tip tip = Tip.inScope(scope, tipId);
        if (tip.incidentId() == null) {
            return new IncidentViews.View(null, List.of());
        }
        return new IncidentViews.View(tip.incidentId(), Tip.ofIncident(tip.incidentId()).stream()
                .filter(other -> !other.id().equals(tip.id()) && scope.covers(other.schoolId()))
                .map(IncidentViews.LinkedTip::of).toList());
    }

    /** Joins two tips into one incident; when both have one already, the second's tips move to the first's. */
    @Transactional
    public void link(StaffScope scope, UUID tipId, UUID otherId) {
        if (tipId.equals(otherId)) {
            throw new InvalidFieldException("tipId", "must be another tip than the one of the path");
        }
        lock(tipId, otherId);
        Tip tip = Tip.inScope(scope, tipId);
        Tip other = Tip.inScope(scope, otherId);
        if (tip.incidentId() != null && tip.incidentId().equals(other.incidentId())) {
            return;
        }
        String actor = scope.staffId().toString();
        UUID incident = tip.incidentId() != null ? tip.incidentId() : other.incidentId();
        if (incident == null) {
            Incident started = Incident.started(clock.instant());
            started.persist();
            incident = started.id;
        }
        if (tip.incidentId() != null && other.incidentId() != null) {
            UUID merged = other.incidentId();
            for (Tip moved : Tip.ofIncident(merged)) {
                moved.joinIncident(incident);
                if (!moved.id().equals(other.id())) {
                    history.step(moved, "INCIDENT_MERGED", actor, tip.reference());
                }
            }
            Tip.flush();
            Incident.deleteById(merged);
        }
        tip.joinIncident(incident);
        other.joinIncident(incident);
        history.step(tip, "INCIDENT_LINKED", actor, other.reference());
        history.step(other, "INCIDENT_LINKED", actor, tip.reference());
    }

    /**
     * Takes a tip out of its incident. An incident left with one tip is dissolved, so "linked" always means "linked
     * to another tip"; refused (409) when that would leave a tip closed as DUPLICATE without its link.
     */
    @Transactional
    public void unlink(StaffScope scope, UUID tipId) {
        lock(tipId);
        Tip tip = Tip.inScope(scope, tipId);
        UUID incident = tip.incidentId();
        if (incident == null) {
            return;
        }
        String actor = scope.staffId().toString();
        tip.leaveIncident();
        history.step(tip, "INCIDENT_UNLINKED", actor, null);
        List<Tip> rest = Tip.ofIncident(incident).stream().filter(other -> !other.id().equals(tip.id())).toList();
        if (rest.size() == 1) {
            Tip alone = rest.get(0);
            alone.leaveIncident();
            history.step(alone, "INCIDENT_UNLINKED", actor, tip.reference());
            Tip.flush();
            Incident.deleteById(incident);
        }
    }

    /**
     * Locks the tips and every tip now in their incidents, in the order of their ids, before any of them is read: two
     * links or unlinks that share a tip or an incident then run one after the other, the second seeing what the first
     * committed, and two that lock the same tips cannot each hold one the other waits for. A statement sees the
     * incidents as they were when it started, so it is repeated until no tip joined them while it waited.
     */
    private static void lock(UUID... tipIds) {
        Set<UUID> locked = new HashSet<>();
        while (true) {
            @SuppressWarnings("unchecked")
            List<UUID> now = Panache.getEntityManager().createNativeQuery(LOCK, UUID.class)
                    .setParameter("tips", List.of(tipIds)).getResultList();
            if (!locked.addAll(now)) {
                return;
            }
        }
    }
}

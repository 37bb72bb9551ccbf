package org.tipline.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tipline.platform.Where;

/**
 * Appends to the audit log and lists it. Appends are serialised with a transaction-level advisory lock, so the
 * chain ({@link AuditChain}) stays linear with any number of replicas.
 */
@ApplicationScoped
public class AuditLog {

    private static final long CHAIN_LOCK = 0x7469706c696e65L; // "tipline"

    private final Clock clock;
    private final AuditChain chain;

    AuditLog(Clock clock, AuditChain chain) {
        this.clock = clock;
        this.chain = chain;
    }

    /** Appends an event without a school (directory changes, sign-in) in the caller's transaction (or a new one). */
    @Transactional
    public void append(String actor, String action, UUID tipId, String detail) {
        append(actor, action, tipId, null, detail);
    }

    /**
     * Appends an event about a tip, stamped with the school the tip belongs to now: the coordinators of that
     * school's district keep seeing the tip's audit trail after the tip moves on.
     */
    @Transactional
    public void append(String actor, String action, UUID tipId, UUID schoolId, String detail) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK)
                .getSingleResult();
        AuditEvent last = AuditEvent.<AuditEvent>find("order by seq desc").firstResult();
        AuditEvent event = new AuditEvent();
        // Microseconds, as PostgreSQL stores them, so that the stored value hashes the same later.
        event.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.actor = actor;
        event.action = action;
        event.tipId = tipId;
        event.schoolId = schoolId;
        event.detail = detail;
        chain.link(event, last, nextPosition(last));
        event.persist();
    }

    /** Walks the chain from the start; see {@link AuditChain}. */
    public AuditChain.Verification verify() {
        return chain.verify();
    }

    /**
     * Events, newest first, filtered; limited to the tips of {@code schoolIds} unless {@code everything}: the
     * tips in those schools now, and the tips that had an event while in one of them. A coordinator thus sees
     * what happened to their district's tips, also after a tip moved to another district; an analyst everything.
     */
    @Transactional
    public AuditEntry.Page list(boolean everything, Set<UUID> schoolIds, Optional<UUID> tipId,
            Optional<String> actor, Optional<String> action, Optional<Instant> from, Optional<Instant> to, int page,
            int size) {
        Where where = new Where();
        if (!everything) {
            if (schoolIds.isEmpty()) {
                return new AuditEntry.Page(List.of(), page, size, 0);
            }
            where.and("(tipId in (select t.id from Tip t where t.schoolId in :schools) "
                    + "or tipId in (select e.tipId from AuditEvent e where e.schoolId in :schools))", "schools", schoolIds);
        }
        where.andIf(tipId, "tipId = :tip", "tip")
                .andIf(actor, "actor = :actor", "actor")
                .andIf(action, "action = :action", "action")
                .andIf(from, "at >= :from", "from")
                .andIf(to, "at < :to", "to");
        var query = AuditEvent.<AuditEvent>find(where.clause() + " order by seq desc", where.parameters());
        return new AuditEntry.Page(query.page(page, size).list().stream().map(AuditEntry::of).toList(), page, size,
                query.count());
    }

    /** 1 for the first event; after events of chain version 0, which carry no position, one more than their number. */
    private static long nextPosition(AuditEvent last) {
        if (last == null) {
            return 1;
        }
        return last.position != null ? last.position + 1 : AuditEvent.count() + 1;
    }
}

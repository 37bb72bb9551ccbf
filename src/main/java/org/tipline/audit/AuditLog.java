package org.tipline.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tipline.platform.Where;

/**
 * Appends to the hash-chained audit log and verifies the chain. Each event's hash is SHA-256 over the
 * previous hash, the time and the other fields (length-prefixed); appends are serialised with a transaction-level
 * advisory lock, so the chain stays linear with any number of replicas.
 */
@ApplicationScoped
public class AuditLog {

    private static final long CHAIN_LOCK = 0x7469706c696e65L; // "tipline"
    private static final byte[] GENESIS = new byte[32];

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends an event in the caller's transaction (or a new one). */
    @Transactional
    public void append(String actor, String action, UUID tipId, String detail) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK)
                .getSingleResult();
        AuditEvent last = AuditEvent.<AuditEvent>find("order by seq desc").firstResult();
        AuditEvent event = new AuditEvent();
        // Microseconds, as PostgreSQL stores them, so that the stored value hashes the same later.
        event.at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.actor = actor;
        event.action = action;
        event.tipId = tipId;
        event.detail = detail;
        event.prevHash = last == null ? GENESIS : last.hash;
        event.hash = hash(event);
        event.persist();
    }

    /** The first event whose link is broken, walking the chain from the start; empty when it is intact. */
    @Transactional
    public Optional<Long> firstBrokenLink() {
        byte[] expectedPrevious = GENESIS;
        try (var events = AuditEvent.<AuditEvent>find("order by seq").stream()) {
            for (AuditEvent event : (Iterable<AuditEvent>) events::iterator) {
                if (!MessageDigest.isEqual(event.prevHash, expectedPrevious) || !MessageDigest.isEqual(event.hash, hash(event))) {
                    return Optional.of(event.seq);
                }
                expectedPrevious = event.hash;
            }
        }
        return Optional.empty();
    }

    /**
     * Events, newest first, filtered; limited to the tips of {@code schoolIds} unless {@code everything}.
     * A coordinator thus sees what happened to their district's tips, an analyst everything.
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
            where.and("tipId in (select t.id from Tip t where t.schoolId in :schools)", "schools", schoolIds);
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

    static byte[] hash(AuditEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // The sequence number is left out (the database assigns it on insert); the chain of previous
            // hashes already fixes the order.
            sha256.update(event.prevHash);
            Instant at = event.at;
            sha256.update(ByteBuffer.allocate(12).putLong(at.getEpochSecond()).putInt(at.getNano()).array());
            for (String field : new String[] { event.actor, event.action, String.valueOf(event.tipId), String.valueOf(event.detail) }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

package org.tipline.abuse;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Proofs already used, in PostgreSQL so that a proof pays for one request on every replica, not one per replica.
 * Only a hash of the challenge token and its expiry are kept: the token says nothing about the client, and the
 * row goes once the challenge has expired (after that the token is refused as expired anyway).
 */
@ApplicationScoped
public class SpentProofs {

    private final Clock clock;

    SpentProofs(Clock clock) {
        this.clock = clock;
    }

    /**
     * Marks the proof spent, in a transaction of its own; false when it already was. Also holds other single-use
     * proofs (a DPoP proof's id): the caller hashes them under a purpose of its own.
     */
    public boolean spend(byte[] tokenHash, Instant expiresAt) {
        return QuarkusTransaction.requiringNew().call(() -> spendWithin(tokenHash, expiresAt));
    }

    /**
     * The same in the caller's transaction: spent only if it commits. A second request with the proof waits at the
     * unique index until the first one's transaction ends, and is then refused, or takes the proof if it rolled back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean spendWithin(byte[] tokenHash, Instant expiresAt) {
        return Panache.getEntityManager()
                .createNativeQuery("insert into spent_proof (token_hash, expires_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, tokenHash)
                .setParameter(2, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    @Scheduled(every = "${tipline.abuse.spent-proof-cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from spent_proof where expires_at < ?1").setParameter(1, now).executeUpdate());
    }
}

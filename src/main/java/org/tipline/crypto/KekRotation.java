package org.tipline.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Re-wraps every tip's data key under the active KEK, without touching any tip body, so that an old KEK
 * can then leave the keyring. Works in small transactions with {@code SKIP LOCKED}, so it can run
 * beside live traffic and on several replicas at once.
 */
@ApplicationScoped
public class KekRotation {

    private static final Logger LOG = Logger.getLogger(KekRotation.class);
    private static final int BATCH = 200;

    private final KekRing keyring;
    private final Clock clock;

    KekRotation(KekRing keyring, Clock clock) {
        this.keyring = keyring;
        this.clock = clock;
    }

    /** What a rotation did: keys re-wrapped, and keys it could not open (their KEK is missing). */
    public record Result(long rewrapped, long failed) {
    }

    public Result rewrapAll() {
        return rewrapAll(keyring);
    }

    /** Re-wraps under {@code ring}'s active KEK every data key that is under another one. */
    public Result rewrapAll(KekRing ring) {
        long rewrapped = 0;
        long failed = 0;
        UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's (unsigned, bytewise) order
        while (true) {
            UUID from = after;
            BatchResult batch = QuarkusTransaction.requiringNew().call(() -> rewrapBatch(ring, from));
            rewrapped += batch.rewrapped;
            failed += batch.failed;
            if (batch.last == null) {
                break;
            }
            after = batch.last;
        }
        LOG.infof("KEK rotation to '%s': %d data keys re-wrapped, %d could not be opened", ring.activeId(), rewrapped,
                failed);
        return new Result(rewrapped, failed);
    }

    private record BatchResult(long rewrapped, long failed, UUID last) {
    }

    private BatchResult rewrapBatch(KekRing ring, UUID after) {
        List<TipKey> keys = TipKey.<TipKey>find("kekId <> ?1 and tipId > ?2 order by tipId", ring.activeId(), after)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .page(0, BATCH)
                .list();
        long rewrapped = 0;
        long failed = 0;
        for (TipKey key : keys) {
            try {
                SecretBytes dataKey = ring.unwrap(key.tipId, key.wrapped());
                key.store(ring.wrap(key.tipId, dataKey), clock.instant());
                dataKey.destroy();
                rewrapped++;
            } catch (DecryptionFailedException e) {
                failed++;
                LOG.errorf("Data key of tip %s does not open with KEK '%s'", key.tipId, key.kekId);
            }
        }
        return new BatchResult(rewrapped, failed, keys.isEmpty() ? null : keys.get(keys.size() - 1).tipId);
    }
}

package org.tipline.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The order in which the outbox hands out messages, which is what priority promises. The order of arrival is not:
 * parallel senders on two busy cores reach the SMTP server or the gateway in any order.
 */
final class ClaimOrder {

    private ClaimOrder() {
    }

    /**
     * Claims due messages one after another in a transaction that is rolled back, so the rows stay as they were, and
     * answers the first recipient among {@code ours}; rows of other tests that come first or in between are skipped.
     */
    static String firstClaimedAmong(Collection<String> ours, Instant now) {
        QuarkusTransaction.begin();
        try {
            for (int claims = 0; claims < 100_000; claims++) {
                Optional<OutboxMessage> claimed = OutboxMessage.claimNext(now, now.plus(Duration.ofHours(1)), EnumSet.allOf(OutboxMessage.Channel.class));
                if (claimed.isEmpty()) {
                    return null;
                }
                if (ours.contains(claimed.get().recipient)) {
                    return claimed.get().recipient;
                }
            }
            return null;
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}

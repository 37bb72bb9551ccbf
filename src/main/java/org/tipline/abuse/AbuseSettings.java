package org.tipline.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The proof of work asked of anonymous clients before a tip or a case-code session (DESIGN 5). Rates are counted
 * in memory on each replica, by design (a database of client keys and minutes would let its reader tie an address
 * to a tip); {@link #replicas()} divides the free budgets so that a deployment as a whole keeps them.
 */
@ConfigMapping(prefix = "tipline.abuse")
public interface AbuseSettings {

    /** Replicas of the service behind one load balancer: each one's share of the free budgets is 1/replicas. */
    @WithDefault("1")
    int replicas();

    /**
     * Leading zero bits asked when nothing is unusual: 4,096 hashes on average, about 0.1 s in a browser on one core
     * of a laptop, well under a second on a phone.
     */
    @WithDefault("12")
    int restDifficulty();

    /**
     * The most ever asked, whatever the rates, so that a reporter behind a flooder's address still gets through
     * (minutes of a phone's work): 2^26 hashes are seconds of a native core.
     */
    @WithDefault("26")
    int maxDifficulty();

    /** Bits added each time a rate doubles beyond its free budget (each bit doubles the work). */
    @WithDefault("2")
    int bitsPerDoubling();

    /** How long a challenge may be solved and spent. */
    @WithDefault("10m")
    Duration challengeLifetime();

    /** Challenges one client (a daily-salted key of its address) may take per ten minutes at rest difficulty. */
    @WithDefault("20")
    int freePerClient();

    /** Challenges of one purpose everyone together may take per minute at rest difficulty. */
    @WithDefault("600")
    int freePerMinute();

    /** Wrong case codes per minute from everyone before the follow-up difficulty rises (a guessing wave). */
    @WithDefault("300")
    int freeWrongCodesPerMinute();

    /** Clients remembered at once; beyond it, those with nothing in their window are forgotten first. */
    @WithDefault("100000")
    int maxTrackedClients();

    /** How often spent proofs past their expiry are deleted. */
    @WithDefault("5m")
    Duration spentProofCleanupInterval();
}

package org.tipline.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The reporter's side of the conversation: token lifetime, how long after closing it stays open, abuse limits. */
@ConfigMapping(prefix = "tipline.followup")
public interface FollowupSettings {

    /** How long a reporter token is valid; the reporter enters the case code again after it. */
    @WithDefault("30m")
    Duration tokenLifetime();

    /** How long a DPoP proof is accepted after its {@code iat}; each is accepted once within it. */
    @WithDefault("60s")
    Duration dpopProofLifetime();

    /** How long after a tip is closed the reporter may still write; after it they are asked for a new tip. */
    @WithDefault("30d")
    Duration replyWindowAfterClose();

    /** Most messages a reporter may add to one tip per hour, so that a flood cannot bury staff in mail. */
    @WithDefault("20")
    int maxMessagesPerHour();

    /** Case-code guessing limits. */
    Throttle throttle();

    interface Throttle {

        /** Wrong codes a client may try before it has to wait. */
        @WithDefault("5")
        int freeFailures();

        /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
        @WithDefault("2s")
        Duration firstDelay();

        /** The longest wait. */
        @WithDefault("15m")
        Duration maxDelay();

        /** Clients remembered at once; beyond it, those not waiting are forgotten first. */
        @WithDefault("100000")
        int maxTrackedClients();
    }
}

package org.tipline.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Routing fallbacks and acknowledgement deadlines. */
@ConfigMapping(prefix = "tipline.routing")
public interface RoutingSettings {

    /**
     * Mailbox of the state analyst desk (24/7): receives tips with no school, every life-safety tip,
     * and any tip that would otherwise reach nobody. Required: no tip may be routed to nobody.
     */
    String analystDeskEmail();

    /** The analyst desk's mobile number (E.164), texted at its call-down step; none by default. */
    java.util.Optional<String> analystDeskMobile();

    /** Time to acknowledge a life-safety tip before it escalates. */
    @WithDefault("15m")
    Duration lifeSafetyAckWindow();

    /** Time the analyst desk has to acknowledge a standard tip with no school. */
    @WithDefault("4h")
    Duration deskAckWindow();

    /** An unacknowledged tip past its deadline escalates again after this long, until acknowledged. */
    @WithDefault("15m")
    Duration escalationRepeat();

    /**
     * The call-down ladder of life-safety tips where no school, agency or district has its own: steps of
     * {@code CONTACT@wait after submission}, contacts SRO, AGENCY_ON_CALL, SUPERVISOR, COORDINATOR, ANALYST_DESK.
     */
    @WithDefault("SRO@0m,AGENCY_ON_CALL@5m,SUPERVISOR@10m,COORDINATOR@15m,ANALYST_DESK@20m")
    java.util.List<String> callDown();

    /** How often due call-down steps are looked for: the {@code @Scheduled} of the call-down job reads this key. */
    @WithDefault("15s")
    Duration callDownCheckInterval();

    /** How often the escalation job looks for overdue tips: its {@code @Scheduled} reads this setting's key. */
    @WithDefault("30s")
    Duration escalationCheckInterval();
}

package org.tipline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tipline.abuse.AbuseSettings;
import org.tipline.auth.AuthSettings;
import org.tipline.notify.NotifySettings;
import org.tipline.retention.RetentionSettings;
import org.tipline.routing.RoutingSettings;

/**
 * The scheduled jobs read their intervals by key ({@code @Scheduled(every = "${…}")}), while each default lives only
 * in its settings interface: the keys must resolve to the settings' values, or a job would not start.
 */
@QuarkusTest
class ScheduledSettingsTest {

    @Inject
    NotifySettings notify;

    @Inject
    RoutingSettings routing;

    @Inject
    AbuseSettings abuse;

    @Inject
    AuthSettings auth;

    @Inject
    RetentionSettings retention;

    @Test
    void shouldResolveTheScheduledIntervalsFromTheirSettings() {
        var config = ConfigProvider.getConfig();

        assertThat(config.getValue("tipline.notify.poll-interval", Duration.class)).isEqualTo(notify.pollInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(config.getValue("tipline.routing.escalation-check-interval", Duration.class))
                .isEqualTo(routing.escalationCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.getValue("tipline.routing.call-down-check-interval", Duration.class))
                .isEqualTo(routing.callDownCheckInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.getValue("tipline.abuse.spent-proof-cleanup-interval", Duration.class))
                .isEqualTo(abuse.spentProofCleanupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.getValue("tipline.auth.failure-cleanup-interval", Duration.class))
                .isEqualTo(auth.failureCleanupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.getValue("tipline.retention.check-interval", Duration.class))
                .isEqualTo(retention.checkInterval()).isEqualTo(Duration.ofHours(1));
    }
}

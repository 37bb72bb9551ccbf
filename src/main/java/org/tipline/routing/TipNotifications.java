package org.tipline.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import org.tipline.directory.DirectorySettings;
import org.tipline.directory.School;
import org.tipline.notify.Notification;
import org.tipline.notify.NotificationKind;
import org.tipline.notify.NotifySettings;
import org.tipline.tip.Tip;

/** What a mail about a tip says: its reference, school, category, urgency, deadline in the district's zone, a link. */
@ApplicationScoped
class TipNotifications {

    private final NotifySettings notifySettings;
    private final ZoneId deskZone;

    TipNotifications(NotifySettings notifySettings, DirectorySettings directory) {
        this.notifySettings = notifySettings;
        this.deskZone = directory.timeZone();
    }

    Notification of(Tip tip, School school, NotificationKind kind) {
        ZoneId zone = school == null ? deskZone : ZoneId.of(school.district.timeZone);
        return new Notification(kind, tip.reference(), school == null ? "no school given" : school.name,
                tip.category().englishLabel(), tip.urgency().name(), tip.ackDeadline(), zone.getId(),
                notifySettings.consoleBaseUrl() + "/tips/" + tip.id());
    }
}

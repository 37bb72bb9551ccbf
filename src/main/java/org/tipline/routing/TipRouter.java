package org.tipline.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tipline.directory.Agency;
import org.tipline.directory.Assignment;
import org.tipline.directory.AssignmentKind;
import org.tipline.directory.Category;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.tip.Urgency;

/**
 * Decides who receives a tip (DESIGN 4): the school's SROs and counselors, with fallbacks for vacancies
 * (agency on-call for a missing SRO, the district coordinator for a missing counselor), the analyst desk
 * for tips without a school, and for life-safety tips the agency on-call and the analyst desk at once.
 * The answer is never empty: when nobody else can be found, the analyst desk gets the tip.
 */
@ApplicationScoped
public class TipRouter {

    private final RoutingSettings settings;

    TipRouter(RoutingSettings settings) {
        this.settings = settings;
    }

    Duration escalationRepeat() {
        return settings.escalationRepeat();
    }

    public List<Recipient> recipients(School school, Category category, Urgency urgency) {
        Recipients recipients = new Recipients();
        if (school == null) {
            analysts().forEach(recipients::add);
            recipients.add(desk("no school given").asLead());
        } else {
            routeToSchool(recipients, school, category);
            if (urgency == Urgency.LIFE_SAFETY) {
                recipients.add(onCall(school.agency, "life-safety tip"));
                recipients.add(desk("life-safety tip"));
            }
        }
        if (recipients.isEmpty()) {
            recipients.add(desk("nobody else could be found").asLead());
        }
        return recipients.list;
    }

    /**
     * Who hears of a tip that is past its deadline without acknowledgement: the district coordinators and
     * the agency's supervisor and on-call; the analyst desk for a tip without a school, or if nobody else.
     */
    public List<Recipient> escalationTargets(School school) {
        Recipients targets = new Recipients();
        if (school != null) {
            coordinators(school, "coordinator of " + school.district.name).forEach(targets::add);
            targets.add(new Recipient(null, school.agency.id, school.agency.supervisorEmail, RecipientRole.AGENCY_ON_CALL,
                    "supervisor, " + school.agency.name, false));
            targets.add(onCall(school.agency, "escalation"));
        } else {
            analysts().forEach(targets::add);
        }
        targets.add(desk("escalation"));
        return targets.list;
    }

    /** The people a call-down step reaches at this school (the analyst desk alone for a tip without a school). */
    List<Recipient> callDownContacts(School school, CallDownContact contact) {
        String reason = "call-down of a life-safety tip";
        if (contact == CallDownContact.ANALYST_DESK) {
            return List.of(desk(reason));
        }
        if (school == null) {
            return List.of();
        }
        return switch (contact) {
            case SRO -> {
                List<Recipient> sros = Assignment.<Assignment>list("school.id = ?1 and kind = ?2 and staff.enabled = true "
                        + "order by staff.email", school.id, AssignmentKind.SRO).stream()
                        .map(assignment -> staff(assignment.staff, RecipientRole.SRO, reason)).toList();
                yield sros.isEmpty() ? List.of(onCall(school.agency, reason)) : sros;
            }
            case AGENCY_ON_CALL -> List.of(onCall(school.agency, reason));
            case SUPERVISOR -> List.of(new Recipient(null, school.agency.id, school.agency.supervisorEmail,
                    RecipientRole.AGENCY_ON_CALL, "supervisor, " + school.agency.name, false));
            case COORDINATOR -> coordinators(school, reason);
            case ANALYST_DESK -> List.of(desk(reason));
        };
    }

    private void routeToSchool(Recipients recipients, School school, Category category) {
        List<Assignment> assignments = Assignment.list("school.id = ?1 and staff.enabled = true order by staff.email", school.id);
        List<Recipient> sros = new ArrayList<>();
        List<Recipient> counselors = new ArrayList<>();
        for (Assignment assignment : assignments) {
            if (assignment.kind == AssignmentKind.SRO) {
                sros.add(staff(assignment.staff, RecipientRole.SRO, "SRO of " + school.name));
            } else {
                counselors.add(staff(assignment.staff, RecipientRole.COUNSELOR, "counselor of " + school.name));
            }
        }
        if (sros.isEmpty()) {
            sros.add(onCall(school.agency, "no SRO assigned to " + school.name));
        }
        if (counselors.isEmpty()) {
            counselors.addAll(coordinators(school, "no counselor assigned to " + school.name));
        }
        boolean counselorLeads = category.lead() == AssignmentKind.COUNSELOR && !counselors.isEmpty();
        sros.forEach(sro -> recipients.add(counselorLeads ? sro : sro.asLead()));
        counselors.forEach(counselor -> recipients.add(counselorLeads ? counselor.asLead() : counselor));
    }

    private static List<Recipient> coordinators(School school, String reason) {
        return Staff.<Staff>list("role = ?1 and district.id = ?2 and enabled = true order by email", StaffRole.COORDINATOR,
                school.district.id).stream().map(coordinator -> staff(coordinator, RecipientRole.COORDINATOR, reason)).toList();
    }

    private static List<Recipient> analysts() {
        return Staff.<Staff>list("role = ?1 and enabled = true order by email", StaffRole.ANALYST).stream()
                .map(analyst -> staff(analyst, RecipientRole.ANALYST, "no school given")).toList();
    }

    private static Recipient staff(Staff staff, RecipientRole role, String reason) {
        return new Recipient(staff.id, null, staff.email, role, reason, false);
    }

    private static Recipient onCall(Agency agency, String reason) {
        return new Recipient(null, agency.id, agency.onCallEmail, RecipientRole.AGENCY_ON_CALL,
                reason + " (on-call, " + agency.name + ")", false);
    }

    private Recipient desk(String reason) {
        return new Recipient(null, null, settings.analystDeskEmail(), RecipientRole.ANALYST_DESK, reason, false);
    }

    /** Keeps the first entry per mailbox, so nobody gets the same tip twice. */
    private static final class Recipients {
        final List<Recipient> list = new ArrayList<>();

        void add(Recipient recipient) {
            if (list.stream().noneMatch(existing -> existing.email().equalsIgnoreCase(recipient.email()))) {
                list.add(recipient);
            }
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }
}

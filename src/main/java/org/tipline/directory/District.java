package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A school district: the tenant whose time zone, business hours, business days and holidays set the deadlines of
 * standard tips.
 */
@Entity
public class District extends PanacheEntityBase {

    /** Business days unless a district says otherwise. */
    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Id
    public UUID id;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "business_day_start")
    public LocalTime businessDayStart;

    @Column(name = "business_day_end")
    public LocalTime businessDayEnd;

    /** ISO day names, comma-separated (migration V14 checks the form); read and set through the methods below. */
    @Column(name = "business_days")
    public String businessDays = names(WEEKDAYS);

    /** Days on which no business day falls, whatever their day of the week. */
    @ElementCollection
    @CollectionTable(name = "district_holiday", joinColumns = @JoinColumn(name = "district_id"))
    @Column(name = "day")
    public Set<LocalDate> holidays = new HashSet<>();

    /** Roles that may view a sensitive attachment of this district's tips, comma-separated (migration V21). */
    @Column(name = "sensitive_attachment_roles")
    public String sensitiveAttachmentRoles = "COORDINATOR,ANALYST";

    public Set<StaffRole> sensitiveAttachmentRoleSet() {
        return sensitiveAttachmentRoles.isBlank() ? EnumSet.noneOf(StaffRole.class)
                : Arrays.stream(sensitiveAttachmentRoles.split(",")).map(StaffRole::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
    }

    public Set<DayOfWeek> businessDaySet() {
        return Arrays.stream(businessDays.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    public void businessDaySet(Set<DayOfWeek> days) {
        businessDays = names(days);
    }

    private static String names(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }
}

package org.tipline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalTime;
import java.util.UUID;

/** A school district: the tenant whose time zone and business hours set non-urgent deadlines. */
@Entity
public class District extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "business_day_start")
    public LocalTime businessDayStart;

    @Column(name = "business_day_end")
    public LocalTime businessDayEnd;
}

package org.tipline.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.tipline.directory.Category;

/** A district's own retention policy; districts without one follow {@link RetentionSettings}. */
@Entity
@Table(name = "retention_policy")
public class RetentionPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "district_id")
    public UUID districtId;

    /** Days after closing before the content is shredded. */
    @Column(name = "days_after_close")
    public int daysAfterClose;

    /** Days after submission after which a tip still not closed is flagged for review. */
    @Column(name = "review_after_days")
    public int reviewAfterDays;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** Longer periods of some categories. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "retention_category_period", joinColumns = @JoinColumn(name = "district_id"))
    @MapKeyColumn(name = "category")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "days_after_close")
    public Map<Category, Integer> categoryDays = new EnumMap<>(Category.class);
}

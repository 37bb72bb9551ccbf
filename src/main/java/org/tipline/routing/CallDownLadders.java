package org.tipline.routing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tipline.directory.School;

/**
 * The call-down ladders: a school's own, else its agency's, else its district's, else the configured default. Stored
 * as rows of {@code call_down_step} keyed by the owner's id.
 */
@ApplicationScoped
public class CallDownLadders {

    private final List<CallDownStep> defaults;

    CallDownLadders(RoutingSettings settings) {
        this.defaults = settings.callDown().stream().map(CallDownStep::parse).toList();
    }

    /** Where a ladder came from, for the administrators who change it. */
    public enum LadderSource {
        OWN,
        AGENCY,
        DISTRICT,
        DEFAULT
    }

    /** The ladder in force and where it came from. */
    public record Effective(LadderSource source, List<CallDownStep> steps) {
    }

    /** The ladder of a tip at this school; the default for a tip without one. */
    List<CallDownStep> of(School school) {
        return effective(school).steps();
    }

    public Effective effective(School school) {
        if (school == null) {
            return new Effective(LadderSource.DEFAULT, defaults);
        }
        return own(school.id).map(steps -> new Effective(LadderSource.OWN, steps))
                .or(() -> own(school.agency.id).map(steps -> new Effective(LadderSource.AGENCY, steps)))
                .or(() -> own(school.district.id).map(steps -> new Effective(LadderSource.DISTRICT, steps)))
                .orElse(new Effective(LadderSource.DEFAULT, defaults));
    }

    /** The ladder set on this school, agency or district itself, if any. */
    public Optional<List<CallDownStep>> own(UUID ownerId) {
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select contact, wait_seconds from call_down_step where owner_id = ?1 order by position")
                .setParameter(1, ownerId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().map(row -> (Object[]) row).map(row -> new CallDownStep(
                CallDownContact.valueOf((String) row[0]), Duration.ofSeconds(((Number) row[1]).longValue()))).toList());
    }

    /** Replaces the owner's ladder (in the caller's transaction); an empty list removes it. */
    public void replace(UUID ownerId, List<CallDownStep> steps) {
        Panache.getEntityManager().createNativeQuery("delete from call_down_step where owner_id = ?1")
                .setParameter(1, ownerId).executeUpdate();
        for (int position = 0; position < steps.size(); position++) {
            Panache.getEntityManager().createNativeQuery(
                    "insert into call_down_step (owner_id, position, contact, wait_seconds) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, ownerId).setParameter(2, position).setParameter(3, steps.get(position).contact().name())
                    .setParameter(4, (int) steps.get(position).after().toSeconds()).executeUpdate();
        }
    }

    public List<CallDownStep> defaults() {
        return defaults;
    }
}

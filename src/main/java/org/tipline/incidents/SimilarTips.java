package org.tipline.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tipline.auth.StaffScope;
import org.tipline.crypto.DecryptionFailedException;
import org.tipline.crypto.RecordRef;
import org.tipline.crypto.TipEncryption;
import org.tipline.directory.Category;
import org.tipline.directory.School;
import org.tipline.tip.Tip;
import org.tipline.tip.TipBody;
import org.tipline.tip.TipHistory;

/**
 * Suggests tips that may be about the same event as a given one: submitted within 72 hours of it, of the same school
 * (or another school of its district), of an overlapping category, not yet in its incident, and in the caller's
 * scope; ranked by how alike the descriptions are ({@link TextSimilarity}). The descriptions are decrypted in memory
 * for the comparison only: nothing derived from them is stored or returned. The look-up is audited on the tip.
 */
@ApplicationScoped
public class SimilarTips {

    static final Duration WINDOW = Duration.ofHours(72);
    /** At most this many candidates are decrypted for one suggestion list, the nearest in time first. */
    static final int MAX_CANDIDATES = 200;
    static final int MAX_SUGGESTIONS = 10;

    /**
     * Categories that the same event is often filed under. OTHER overlaps every category: a reporter who could not
     * choose may describe anything.
     */
    private static final List<List<Category>> FAMILIES = List.of(
            List.of(Category.PLANNED_SCHOOL_ATTACK, Category.WEAPON, Category.THREAT_OF_VIOLENCE, Category.FIGHTING,
                    Category.GANG_ACTIVITY),
            List.of(Category.SUICIDE_THREAT, Category.SELF_HARM, Category.DEPRESSION_ANXIETY, Category.EATING_DISORDER),
            List.of(Category.SEXUAL_ABUSE, Category.CHILD_ABUSE, Category.DATING_VIOLENCE, Category.SEXTING),
            List.of(Category.DRUGS, Category.ALCOHOL),
            List.of(Category.BULLYING, Category.THREAT_OF_VIOLENCE, Category.SEXTING));

    private final TipEncryption encryption;
    private final ObjectMapper json;
    private final TipHistory history;

    SimilarTips(TipEncryption encryption, ObjectMapper json, TipHistory history) {
        this.encryption = encryption;
        this.json = json;
        this.history = history;
    }

    @Transactional
    public List<IncidentViews.Suggestion> of(StaffScope scope, UUID tipId) {
        Tip tip = Tip.inScope(scope, tipId);
        history.audit(tip, "SIMILAR_LISTED", scope.staffId().toString(), null);
        List<Tip> candidates = Tip.submittedBetween(scope, tip.submittedAt().minus(WINDOW), tip.submittedAt().plus(WINDOW)).stream()
                .filter(other -> !other.id().equals(tip.id()))
                .filter(other -> tip.incidentId() == null || !tip.incidentId().equals(other.incidentId()))
                .filter(other -> overlaps(tip.category(), other.category()))
                .filter(other -> samePlace(tip.schoolId(), other.schoolId()))
                .sorted(Comparator.comparing(other -> Duration.between(tip.submittedAt(), other.submittedAt()).abs()))
                .limit(MAX_CANDIDATES)
                .toList();
        List<Tip> readable = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        texts.add(description(tip));
        for (Tip candidate : candidates) {
            String text = description(candidate);
            if (text != null) {
                readable.add(candidate);
                texts.add(text);
            }
        }
        if (texts.get(0) == null) {
            return List.of(); // the tip itself was shredded: nothing to compare with
        }
        TextSimilarity similarity = new TextSimilarity(texts);
        List<IncidentViews.Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < readable.size(); i++) {
            double score = Math.round(similarity.score(0, i + 1) * 1000) / 1000.0;
            suggestions.add(new IncidentViews.Suggestion(IncidentViews.LinkedTip.of(readable.get(i)), score));
        }
        suggestions.sort(Comparator.comparingDouble(IncidentViews.Suggestion::score).reversed());
        return suggestions.stream().limit(MAX_SUGGESTIONS).toList();
    }

    static boolean overlaps(Category a, Category b) {
        return a == b || a == Category.OTHER || b == Category.OTHER
                || FAMILIES.stream().anyMatch(family -> family.contains(a) && family.contains(b));
    }

    /** The same school, another school of the same district, or, for a tip without a school, any tip. */
    private static boolean samePlace(UUID schoolId, UUID otherSchoolId) {
        if (schoolId == null || otherSchoolId == null || schoolId.equals(otherSchoolId)) {
            return true;
        }
        School school = School.findById(schoolId);
        School other = School.findById(otherSchoolId);
        return other != null && Objects.equals(school.district.id, other.district.id);
    }

    /** The description with the location and the people involved, or null when the tip's key was shredded. */
    private String description(Tip tip) {
        try {
            TipBody body = json.readValue(encryption.openForTip(RecordRef.tipBody(tip.id()), tip.sealedBody()), TipBody.class);
            return String.join(" ", body.description(), Objects.toString(body.location(), ""),
                    Objects.toString(body.peopleInvolved(), ""));
        } catch (DecryptionFailedException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("a stored tip body does not parse", e);
        }
    }
}

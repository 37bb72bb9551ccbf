package org.tipline.incidents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.StaffTokens;

@QuarkusTest
class SimilarTipsTest {

    private static final String KELLY_WALSH = school("Kelly Walsh High School");
    private static final String NATRONA = school("Natrona County High School");
    private static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");

    private static String school(String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:school:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonPath similar(String token, String tipId) {
        return given().auth().oauth2(token).get("/api/v1/staff/tips/" + tipId + "/similar").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void shouldRankAParaphraseAboveUnrelatedTipsAndNeverShowTipsOutOfScope() {
        String name = "Quillon" + UUID.randomUUID().toString().substring(0, 4);
        String tip = IncidentTest.tip(KELLY_WALSH, "WEAPON", name + " showed a handgun in his backpack and said he will shoot "
                + "people at the football game on Friday night.");
        String paraphrase = IncidentTest.tip(KELLY_WALSH, "PLANNED_SCHOOL_ATTACK", "At Friday's football game " + name
                + " is going to shoot people, he has a handgun hidden in his backpack.");
        String unrelated = IncidentTest.tip(KELLY_WALSH, "FIGHTING", "Two girls in tenth grade keep pushing each other in "
                + "the hallway near the library.");
        String otherCategory = IncidentTest.tip(KELLY_WALSH, "EATING_DISORDER", name + " showed a handgun in his backpack and "
                + "said he will shoot people at the football game on Friday night.");
        String otherSchool = IncidentTest.tip(NATRONA, "WEAPON", name + " has a handgun in his backpack and will shoot people at "
                + "the football game on Friday.");

        Map<String, Long> before = Database.rowCounts();
        JsonPath suggestions = similar(SRO, tip);
        Map<String, Long> after = Database.rowCounts();

        List<String> ids = suggestions.getList("tip.id");
        assertThat(ids).first().isEqualTo(paraphrase);
        assertThat(ids).doesNotContain(tip, otherCategory, otherSchool);
        assertThat(suggestions.getList("tip.schoolId")).containsOnly(KELLY_WALSH);
        if (ids.contains(unrelated)) {
            assertThat(suggestions.getDouble("find { it.tip.id == '" + unrelated + "' }.score"))
                    .isLessThan(suggestions.getDouble("[0].score"));
        }
        // Nothing derived from the content is stored: the look-up adds one audit entry and nothing else.
        Map<String, Long> expected = new HashMap<>(before);
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(after).isEqualTo(expected);

        // The coordinator sees the whole district: the other school's paraphrase is suggested too, above the unrelated tip.
        List<String> forCoordinator = similar(COORDINATOR, tip).getList("tip.id");
        assertThat(forCoordinator.subList(0, 2)).containsExactlyInAnyOrder(paraphrase, otherSchool);

        // Once linked, the paraphrase is no longer suggested.
        given().auth().oauth2(SRO).contentType("application/json").body(Map.of("tipId", paraphrase))
                .post("/api/v1/staff/tips/" + tip + "/incident").then().statusCode(204);
        assertThat(similar(SRO, tip).getList("tip.id", String.class)).doesNotContain(paraphrase);
    }

    @Test
    void shouldScoreTextsByTheWordsTheyShare() {
        TextSimilarity similarity = new TextSimilarity(List.of("Jordan brings a knife to school tomorrow",
                "Tomorrow Jordan is bringing a knife to the school", "The bus driver was rude on the way home", ""));

        assertThat(similarity.score(0, 1)).isGreaterThan(0.7);
        assertThat(similarity.score(0, 2)).isLessThan(0.2);
        assertThat(similarity.score(0, 3)).isZero();
        assertThat(SimilarTips.overlaps(org.tipline.directory.Category.WEAPON, org.tipline.directory.Category.FIGHTING)).isTrue();
        assertThat(SimilarTips.overlaps(org.tipline.directory.Category.WEAPON, org.tipline.directory.Category.BULLYING)).isFalse();
        assertThat(SimilarTips.overlaps(org.tipline.directory.Category.OTHER, org.tipline.directory.Category.BULLYING)).isTrue();
    }
}

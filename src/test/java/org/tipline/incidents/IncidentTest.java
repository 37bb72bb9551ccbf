package org.tipline.incidents;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.support.Proofs;
import org.tipline.support.SeededTips;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;

@QuarkusTest
class IncidentTest {

    private static final String KELLY_WALSH = school("Kelly Walsh High School");
    private static final String NATRONA = school("Natrona County High School");
    private static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");
    private static final String OTHER_SRO = StaffTokens.forDemo("sro.nchs", "SRO");
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");

    private static String school(String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:school:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Submits a tip through the public form; returns its id. */
    static String tip(String schoolId, String category, String description) {
        String reference = given().contentType("application/json")
                .body(Map.of("schoolId", schoolId, "category", category, "description", description, "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("reference");
        return QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
    }

    private static String fight(String schoolId) {
        return tip(schoolId, "FIGHTING", "A fight is planned behind the gym after school.");
    }

    private static ValidatableResponse link(String token, String tipId, String otherId) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("tipId", otherId))
                .post("/api/v1/staff/tips/" + tipId + "/incident").then();
    }

    private static ValidatableResponse unlink(String token, String tipId) {
        return given().auth().oauth2(token).delete("/api/v1/staff/tips/" + tipId + "/incident").then();
    }

    private static ValidatableResponse incident(String token, String tipId) {
        return given().auth().oauth2(token).get("/api/v1/staff/tips/" + tipId + "/incident").then();
    }

    private static List<String> linked(String token, String tipId) {
        return incident(token, tipId).statusCode(200).extract().jsonPath().getList("tips.id");
    }

    private static String incidentId(String tipId) {
        return incident(COORDINATOR, tipId).extract().path("incidentId");
    }

    private static void post(String token, String tipId, String action, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        request.post("/api/v1/staff/tips/" + tipId + "/" + action).then().statusCode(204);
    }

    @Test
    void shouldLinkTwoTipsThenAThirdAndMergeTwoIncidents() {
        String a = fight(KELLY_WALSH);
        String b = fight(KELLY_WALSH);
        String c = fight(KELLY_WALSH);
        String d = fight(KELLY_WALSH);
        incident(SRO, a).statusCode(200).body("incidentId", nullValue()).body("tips", empty());

        link(SRO, a, b).statusCode(204);
        assertThat(linked(SRO, a)).containsExactly(b);
        assertThat(linked(SRO, b)).containsExactly(a);
        link(SRO, b, a).statusCode(204);
        assertThat(linked(SRO, a)).containsExactly(b);

        link(SRO, c, a).statusCode(204);
        assertThat(linked(SRO, c)).containsExactly(a, b);
        String first = incidentId(a);

        String e = fight(KELLY_WALSH);
        link(SRO, d, e).statusCode(204);
        String second = incidentId(d);
        assertThat(second).isNotEqualTo(first);
        link(SRO, a, d).statusCode(204);

        assertThat(linked(SRO, e)).containsExactly(a, b, c, d);
        assertThat(List.of(incidentId(b), incidentId(d), incidentId(e))).containsOnly(first);
        long left = QuarkusTransaction.requiringNew().call(() -> Incident.count("id", UUID.fromString(second)));
        assertThat(left).isZero();
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + e).then()
                .body("history.kind", hasItem("INCIDENT_LINKED")).body("history.kind", hasItem("INCIDENT_MERGED"));
        assertThat(auditActions(a)).contains("TIP_INCIDENT_LINKED");
    }

    @Test
    void shouldTakeATipOutAndDissolveAnIncidentLeftWithOneTip() {
        String a = fight(KELLY_WALSH);
        String b = fight(KELLY_WALSH);
        String c = fight(KELLY_WALSH);
        link(SRO, a, b).statusCode(204);
        link(SRO, a, c).statusCode(204);
        String incident = incidentId(a);

        unlink(SRO, c).statusCode(204);
        assertThat(linked(SRO, a)).containsExactly(b);
        incident(SRO, c).body("incidentId", nullValue());
        unlink(SRO, c).statusCode(204);

        unlink(SRO, a).statusCode(204);
        incident(SRO, b).body("incidentId", nullValue()).body("tips", empty());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Incident.count("id", UUID.fromString(incident)))).isZero();
        assertThat(auditActions(b)).contains("TIP_INCIDENT_UNLINKED");
    }

    @Test
    void shouldCloseAsDuplicateOnlyWhileLinked() {
        String original = fight(KELLY_WALSH);
        String duplicate = fight(KELLY_WALSH);
        post(SRO, duplicate, "acknowledge", null);

        given().auth().oauth2(SRO).contentType("application/json").body(Map.of("outcome", "DUPLICATE"))
                .post("/api/v1/staff/tips/" + duplicate + "/close").then().statusCode(409)
                .body("code", equalTo("duplicate-without-incident"));

        link(SRO, duplicate, original).statusCode(204);
        post(SRO, duplicate, "close", Map.of("outcome", "DUPLICATE"));
        unlink(SRO, duplicate).statusCode(409).body("code", equalTo("duplicate-without-incident"));
        // Taking the other tip out would leave the duplicate alone: refused as well, and nothing changed.
        unlink(SRO, original).statusCode(409).body("code", equalTo("duplicate-without-incident"));
        assertThat(linked(SRO, duplicate)).containsExactly(original);

        post(SRO, duplicate, "reopen", null);
        unlink(SRO, original).statusCode(204);
        incident(SRO, duplicate).body("incidentId", nullValue());
    }

    @Test
    void shouldKeepEveryStepWithinTheCallersScope() {
        String mine = fight(KELLY_WALSH);
        String theirs = fight(NATRONA);

        // An SRO cannot reach another school's tip through the link, in either direction, nor look at its incident.
        link(SRO, mine, theirs).statusCode(404).body("code", equalTo("tip-not-found"));
        link(SRO, theirs, mine).statusCode(404);
        incident(SRO, theirs).statusCode(404);
        unlink(SRO, theirs).statusCode(404);
        given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + theirs + "/similar").then().statusCode(404);
        link(SRO, mine, mine).statusCode(400).body("errors.field", hasItem("tipId"));
        link(SRO, mine, "not-a-uuid").statusCode(400);
        link(SRO, mine, UUID.randomUUID().toString()).statusCode(404);

        // The district's coordinator links both; each SRO then sees the incident but only the tips of their school.
        link(COORDINATOR, mine, theirs).statusCode(204);
        incident(SRO, mine).body("incidentId", equalTo(incidentId(theirs))).body("tips", empty());
        incident(OTHER_SRO, theirs).body("tips", empty());
        assertThat(linked(COORDINATOR, mine)).containsExactly(theirs);
        assertThat(linked(StaffTokens.forDemo("analyst", "ANALYST"), theirs)).containsExactly(mine);

        // An admin has no tip endpoint; no token at all is a 401.
        given().auth().oauth2(StaffTokens.forDemo("admin", "ADMIN")).get("/api/v1/staff/tips/" + mine + "/incident").then()
                .statusCode(403);
        given().get("/api/v1/staff/tips/" + mine + "/incident").then().statusCode(401);
        given().contentType("application/json").body(Map.of("tipId", theirs)).post("/api/v1/staff/tips/" + mine + "/incident")
                .then().statusCode(401);
    }

    @Test
    void shouldEndInOneIncidentWhenOverlappingLinksAndMergesRunAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                String a = seeded();
                String b = seeded();
                String c = seeded();
                assertThat(atOnce(pool, () -> link(SRO, a, b), () -> link(SRO, b, c))).containsOnly(204);
                assertOneIncident(a, b, c);

                String d = seeded();
                String e = seeded();
                link(SRO, d, e).statusCode(204);
                // Each call merges the other incident into its own: one must run after the other.
                assertThat(atOnce(pool, () -> link(SRO, a, d), () -> link(SRO, e, b))).containsOnly(204);
                assertOneIncident(a, b, c, d, e);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String seeded() {
        return SeededTips.tip(UUID.fromString(KELLY_WALSH), "FIGHTING").at(LocalDateTime.now(ZoneOffset.UTC).toString(), ZoneOffset.UTC)
                .insert().toString();
    }

    /** Runs both calls at the same moment on two threads; their status codes. */
    @SafeVarargs
    private static List<Integer> atOnce(ExecutorService pool, Supplier<ValidatableResponse>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (Supplier<ValidatableResponse> call : calls) {
            statuses.add(pool.submit(() -> {
                start.await();
                return call.get().extract().statusCode();
            }));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get(60, TimeUnit.SECONDS));
        }
        return codes;
    }

    /** The tips share one incident, and no incident anywhere is left with fewer than two tips. */
    private static void assertOneIncident(String... tipIds) {
        List<String> incidents = Arrays.stream(tipIds).map(IncidentTest::incidentId).distinct().toList();
        assertThat(incidents).hasSize(1).doesNotContainNull();
        long orphans = QuarkusTransaction.requiringNew().call(() -> (Long) Incident.getEntityManager().createNativeQuery(
                "select count(*) from incident i where (select count(*) from tip t where t.incident_id = i.id) < 2", Long.class)
                .getSingleResult());
        assertThat(orphans).isZero();
    }

    private static List<String> auditActions(String tipId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("tipId", UUID.fromString(tipId))
                .stream().map(event -> event.action).toList());
    }
}

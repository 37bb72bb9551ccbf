package org.tipline.retention;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;
import org.tipline.tip.TipEvent;

/** Tips that retention tests close, hold and shred, and what they look at in the database. */
final class RetentionTips {

    static final UUID DEMO_DISTRICT = demo("district", "Natrona County School District");
    static final UUID KELLY_WALSH = demo("school", "Kelly Walsh High School");
    static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    static final String ANALYST = StaffTokens.forDemo("analyst", "ANALYST");
    static final String COUNSELOR = StaffTokens.forDemo("counselor.kwhs", "COUNSELOR");
    static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");
    static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");

    private RetentionTips() {
    }

    /** A submitted tip: its id, reference and case code. */
    record NewTip(UUID id, String reference, String caseCode) {
    }

    static UUID demo(String kind, String name) {
        return UUID.nameUUIDFromBytes(("tipline-demo:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** A tip of Kelly Walsh (or of no school), sent with an Idempotency-Key so that it has a stored answer too. */
    static NewTip submit(String category, UUID schoolId) {
        Map<String, Object> tip = new HashMap<>();
        tip.put("schoolId", schoolId == null ? null : schoolId.toString());
        tip.put("category", category);
        tip.put("description", "Retention test: something happened near the gym.");
        tip.put("happeningNow", false);
        ExtractableResponse<Response> receipt = given().contentType("application/json").body(tip).header(Proofs.tip())
                .header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/tips").then().statusCode(201).extract();
        String reference = receipt.path("reference");
        UUID id = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id());
        return new NewTip(id, reference, receipt.path("caseCode"));
    }

    /** A tip with a conversation both ways and a staff note, then acknowledged and closed. */
    static NewTip closedWithConversation(String category) {
        NewTip tip = submit(category, KELLY_WALSH);
        staff(COORDINATOR).body(Map.of("body", "Which door was it?")).post("/api/v1/staff/tips/" + tip.id() + "/messages")
                .then().statusCode(201);
        staff(COORDINATOR).body(Map.of("body", "Checked the cameras.")).post("/api/v1/staff/tips/" + tip.id() + "/notes")
                .then().statusCode(201);
        close(tip.id());
        return tip;
    }

    /** A reporter token for the tip of this case code, from a client address of its own. */
    static String reporterToken(String caseCode) {
        String client = "198.51.100." + (1 + (int) (Math.random() * 250));
        return given().contentType("application/json").header("X-Forwarded-For", client)
                .body(Map.of("caseCode", caseCode)).header(Proofs.followup()).post("/api/v1/followup/session")
                .then().statusCode(200).extract().path("token");
    }

    static void close(UUID tipId) {
        staff(COORDINATOR).post("/api/v1/staff/tips/" + tipId + "/acknowledge").then().statusCode(204);
        staff(COORDINATOR).body(Map.of("outcome", "INTERVENTION")).post("/api/v1/staff/tips/" + tipId + "/close")
                .then().statusCode(204);
    }

    static io.restassured.specification.RequestSpecification staff(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    /** Rows of each table that hold the tip's key or ciphertext. */
    static Map<String, Long> cipherRows(UUID tipId) {
        Map<String, Long> rows = new HashMap<>();
        for (String table : Shredder.CIPHERTEXT_TABLES) {
            rows.put(table, count("select count(*) from " + table + " where tip_id = ?1", tipId));
        }
        rows.put("tip.body", count("select count(*) from tip where id = ?1 and body is not null", tipId));
        return rows;
    }

    static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Tip.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The tip's metadata, as statistics read it: every column but the content and what shredding sets. */
    static String metadata(UUID tipId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Tip.getEntityManager().createNativeQuery("""
                select concat_ws('|', reference, school_id, category, happening_now, status, urgency, channel, outcome,
                  closing_note, submitted_at, ack_deadline, acknowledged_at, closed_at, lead_staff_id, case_code_hash)
                from tip where id = ?1""").setParameter(1, tipId).getSingleResult());
    }

    static List<String> historyKinds(UUID tipId) {
        return QuarkusTransaction.requiringNew().call(() -> TipEvent.historyOf(tipId).stream().map(e -> e.kind).toList());
    }

    static long audited(UUID tipId, String action) {
        return count("select count(*) from audit_event where tip_id = ?1 and action = ?2", tipId, action);
    }

    /** Runs the job's shredding over every due tip; returns how many tips it shredded. */
    static int shredAllDue(RetentionJob job) {
        return job.shredDue();
    }

    static boolean shredded(UUID tipId) {
        return count("select count(*) from tip where id = ?1 and shredded_at is not null", tipId) == 1;
    }

    static void removeDemoPolicy() {
        QuarkusTransaction.requiringNew().run(() -> RetentionPolicy.deleteById(DEMO_DISTRICT));
    }
}

package org.tipline.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tipline.audit.AuditEvent;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;

/** Districts through the API: admins create and change any, coordinators read and change their own. */
@QuarkusTest
class DistrictAdminTest {

    private static final String DEMO_DISTRICT = UUID.nameUUIDFromBytes("tipline-demo:district:Natrona County School District"
            .getBytes()).toString();
    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String ADMIN = StaffTokens.forDemo("admin", "ADMIN");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Inject
    Clock clock;

    @Inject
    DataSource database;

    private static ValidatableResponse create(String token, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/admin/districts").then();
    }

    private static ValidatableResponse change(String token, String id, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).put("/api/v1/admin/districts/" + id)
                .then();
    }

    private static Map<String, Object> settings(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("timeZone", "America/Denver");
        body.put("businessDayStart", "08:00");
        body.put("businessDayEnd", "15:30");
        body.put("businessDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"));
        body.put("holidays", List.of("2026-12-25", "2027-01-01"));
        return body;
    }

    private static Map<String, Object> with(String name, String field, Object value) {
        Map<String, Object> body = settings(name);
        body.put(field, value);
        return body;
    }

    /**
     * Two administrators create one name at the same moment: both checks find it free, the database's unique index
     * refuses the second insert at its commit. That refusal is a "send again" (after which the check answers 409
     * duplicate), never a 500. The other administrator's insert is held open here until the request waits on it.
     */
    @Test
    void shouldAskTheLoserOfARaceForANameToSendAgainNotAnswer500() throws Exception {
        String name = DirectoryFixtures.unique("Twin District");
        CompletableFuture<Response> answer;
        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "insert into district (id, name, time_zone) values (gen_random_uuid(), ?, 'America/Denver')")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
            answer = CompletableFuture.supplyAsync(() -> given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("name", name, "timeZone", "America/Denver")).post("/api/v1/admin/districts").andReturn());
            awaitInsertWaitingOnALock(name);
            other.commit();
        }

        Response refused = answer.get(30, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("code")).isEqualTo("concurrent-change");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        create(ADMIN, Map.of("name", name, "timeZone", "America/Denver")).statusCode(409).body("code", equalTo("duplicate"));
    }

    private void awaitInsertWaitingOnALock(String name) throws Exception {
        try (Connection watcher = database.getConnection(); PreparedStatement waiting = watcher.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into district%'")) {
            for (int attempt = 0; attempt < 300; attempt++) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("The request never waited on the other insert of " + name);
    }

    @Test
    void shouldLetAnAdministratorCreateADistrictAndReadItBack() {
        String name = DirectoryFixtures.unique("Laramie County School District");
        String id = create(ADMIN, Map.of("name", name, "timeZone", "America/Denver")).statusCode(201)
                .body("name", equalTo(name)).body("timeZone", equalTo("America/Denver"))
                .body("businessDayStart", equalTo("07:30")).body("businessDayEnd", equalTo("16:30"))
                .body("businessDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .body("holidays", hasSize(0)).extract().path("id");

        given().auth().oauth2(ADMIN).get("/api/v1/admin/districts/" + id).then().statusCode(200).body("name", equalTo(name));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/districts").then().statusCode(200)
                .body("name", hasItem(name)).body("name", hasItem("Natrona County School District"));
        assertThat(lastAudit().action).isEqualTo("DISTRICT_CREATED");
        assertThat(lastAudit().actor).isEqualTo(StaffTokens.demoStaffId("admin").toString());
        create(ADMIN, Map.of("name", name.toUpperCase(), "timeZone", "America/Denver")).statusCode(409)
                .body("code", equalTo("duplicate"));
    }

    @Test
    void shouldLetACoordinatorSeeAndChangeOnlyTheirOwnDistrict() {
        District other = DirectoryFixtures.district();

        given().auth().oauth2(COORDINATOR).get("/api/v1/admin/districts").then().statusCode(200)
                .body("id", contains(DEMO_DISTRICT));
        given().auth().oauth2(COORDINATOR).get("/api/v1/admin/districts/" + other.id).then().statusCode(404);
        change(COORDINATOR, other.id.toString(), settings(other.name)).statusCode(404);
        create(COORDINATOR, Map.of("name", DirectoryFixtures.unique("Mine"), "timeZone", "America/Denver")).statusCode(403);
        given().auth().oauth2(StaffTokens.forDemo("sro.kwhs", "SRO")).get("/api/v1/admin/districts").then().statusCode(403);

        Map<String, Object> demo = settings("Natrona County School District");
        demo.put("businessDayStart", "07:30");
        demo.put("businessDayEnd", "16:30");
        demo.put("businessDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        demo.put("holidays", List.of());
        change(COORDINATOR, DEMO_DISTRICT, demo).statusCode(200).body("businessDayEnd", equalTo("16:30"));
        AuditEvent audit = lastAudit();
        assertThat(audit.action).isEqualTo("DISTRICT_CHANGED");
        assertThat(audit.actor).isEqualTo(StaffTokens.demoStaffId("coordinator").toString());
        assertThat(audit.detail).startsWith(DEMO_DISTRICT);
    }

    @Test
    void shouldChangeEverySettingAndRefuseWhatCannotBe() {
        District district = DirectoryFixtures.district();
        String id = district.id.toString();
        String renamed = DirectoryFixtures.unique("Renamed District");

        change(ADMIN, id, settings(renamed)).statusCode(200).body("name", equalTo(renamed))
                .body("businessDayStart", equalTo("08:00")).body("businessDayEnd", equalTo("15:30"))
                .body("businessDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"))
                .body("holidays", contains("2026-12-25", "2027-01-01"));
        change(ADMIN, id, with(renamed, "holidays", List.of("2027-01-01"))).statusCode(200)
                .body("holidays", contains("2027-01-01"));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/districts/" + id).then().statusCode(200)
                .body("holidays", contains("2027-01-01")).body("businessDays", not(hasItem("FRIDAY")));

        assertRefused(change(ADMIN, id, with(renamed, "timeZone", "America/Casper")), "timeZone");
        assertRefused(change(ADMIN, id, with(renamed, "timeZone", "MST")), "timeZone");
        assertRefused(change(ADMIN, id, with(renamed, "timeZone", "+01:00")), "timeZone");
        assertRefused(change(ADMIN, id, with(renamed, "businessDayEnd", "07:59")), "businessDayEnd");
        assertRefused(change(ADMIN, id, with(renamed, "businessDayEnd", "08:00")), "businessDayEnd");
        assertRefused(change(ADMIN, id, with(renamed, "businessDayStart", "8:00")), "businessDayStart");
        assertRefused(change(ADMIN, id, with(renamed, "businessDayStart", "24:00")), "businessDayStart");
        assertRefused(change(ADMIN, id, with(renamed, "holidays", List.of("2026-12-25", "2026-12-25"))), "holidays");
        assertRefused(change(ADMIN, id, with(renamed, "holidays", List.of("2026-02-30"))), "holidays");
        assertRefused(change(ADMIN, id, with(renamed, "holidays", List.of("25/12/2026"))), "holidays");
        assertRefused(change(ADMIN, id, with(renamed, "businessDays", List.of("MONDAY", "MONDAY"))), "businessDays");
        assertRefused(change(ADMIN, id, with(renamed, "businessDays", List.of())), "businessDays");
        assertRefused(change(ADMIN, id, with(renamed, "businessDays", List.of("FUNDAY"))), "businessDays[0]");
        assertRefused(change(ADMIN, id, with(renamed, "name", " ")), "name");
        Map<String, Object> incomplete = settings(renamed);
        incomplete.remove("holidays");
        assertRefused(change(ADMIN, id, incomplete), "holidays");
        assertRefused(create(ADMIN, Map.of("name", DirectoryFixtures.unique("D"), "timeZone", "Mars/Olympus")), "timeZone");
        change(ADMIN, id, with(renamed, "name", "Natrona County School District")).statusCode(409);
        change(ADMIN, UUID.randomUUID().toString(), settings(DirectoryFixtures.unique("Nowhere"))).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/admin/districts/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/admin/districts/not-an-id").then().statusCode(400);

        given().auth().oauth2(ADMIN).get("/api/v1/admin/districts/" + id).then().body("name", equalTo(renamed))
                .body("timeZone", equalTo("America/Denver")).body("holidays", contains("2027-01-01"));
    }

    @Test
    void shouldGiveStandardTipsADeadlineThatSkipsTheDistrictsHolidays() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("Holiday High"), true);
        LocalDate today = LocalDate.ofInstant(clock.instant(), DENVER);
        // Ten holidays around today: whenever exactly the tip arrives, its business day is the first day after them.
        List<String> holidays = IntStream.rangeClosed(-1, 8).mapToObj(i -> today.plusDays(i).toString()).toList();
        Map<String, Object> body = settings(district.name);
        body.put("businessDayStart", "00:00");
        body.put("businessDayEnd", "17:00");
        body.put("businessDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        body.put("holidays", holidays);
        change(ADMIN, district.id.toString(), body).statusCode(200);

        String reference = given().contentType("application/json").header(Proofs.tip())
                .body(Map.of("schoolId", school.id.toString(), "category", "BULLYING", "description", "Bullying on the bus.",
                        "happeningNow", false))
                .post("/api/v1/tips").then().statusCode(201).extract().path("reference");

        Tip tip = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult());
        assertThat(tip.ackDeadline()).isEqualTo(today.plusDays(9).atTime(LocalTime.of(17, 0)).atZone(DENVER).toInstant());
    }

    private static void assertRefused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static AuditEvent lastAudit() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("order by seq desc").firstResult());
    }
}

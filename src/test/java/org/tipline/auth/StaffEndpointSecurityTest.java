package org.tipline.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tipline.directory.DemoDirectory;
import org.tipline.support.StaffTokens;

/** Every staff endpoint refuses missing and bad tokens with 401 and a role that may not use it with 403. */
@QuarkusTest
class StaffEndpointSecurityTest {

    private static final UUID SRO = UUID.nameUUIDFromBytes(
            "tipline-demo:staff:sro.kwhs@demo.tipline.local".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** Each staff endpoint, as a request to send. */
    private static final List<Function<RequestSpecification, io.restassured.response.Response>> ENDPOINTS = List.of(
            request -> request.get("/api/v1/staff/me"),
            request -> request.post("/api/v1/staff/me/logout-everywhere"),
            request -> request.get("/api/v1/staff/queue"),
            request -> request.get("/api/v1/staff/tips/" + UUID.randomUUID()),
            request -> request.post("/api/v1/staff/tips/" + UUID.randomUUID() + "/acknowledge"),
            request -> request.contentType("application/json").body("{\"status\":\"IN_PROGRESS\"}")
                    .post("/api/v1/staff/tips/" + UUID.randomUUID() + "/status"),
            request -> request.contentType("application/json").body("{\"outcome\":\"REFERRED\"}")
                    .post("/api/v1/staff/tips/" + UUID.randomUUID() + "/close"),
            request -> request.post("/api/v1/staff/tips/" + UUID.randomUUID() + "/reopen"),
            request -> request.contentType("application/json").body("{\"body\":\"x\"}")
                    .post("/api/v1/staff/tips/" + UUID.randomUUID() + "/notes"),
            request -> request.contentType("application/json").body("{\"body\":\"x\"}")
                    .post("/api/v1/staff/tips/" + UUID.randomUUID() + "/messages"),
            request -> request.contentType("application/json").body("{\"staffId\":\"" + UUID.randomUUID() + "\"}")
                    .post("/api/v1/staff/tips/" + UUID.randomUUID() + "/lead"),
            request -> request.contentType("application/json").body("{\"schoolId\":\"" + UUID.randomUUID() + "\"}")
                    .post("/api/v1/staff/tips/" + UUID.randomUUID() + "/reassign"),
            request -> request.get("/api/v1/audit/verify"),
            request -> request.get("/api/v1/audit"),
            request -> request.get("/api/v1/admin/schools"),
            request -> request.get("/api/v1/admin/staff"),
            request -> request.contentType("application/json").body("{}").post("/api/v1/admin/schools"),
            request -> request.contentType("application/json").body("{}").post("/api/v1/admin/agencies"),
            request -> request.contentType("application/json").body("{}").post("/api/v1/admin/staff"),
            request -> request.post("/api/v1/admin/schools/" + UUID.randomUUID() + "/deactivate"),
            request -> request.post("/api/v1/admin/schools/" + UUID.randomUUID() + "/activate"),
            request -> request.post("/api/v1/admin/staff/" + UUID.randomUUID() + "/disable"),
            request -> request.post("/api/v1/admin/staff/" + UUID.randomUUID() + "/reset"),
            request -> request.contentType("application/json").body("{\"kind\":\"SRO\",\"primary\":true}")
                    .put("/api/v1/admin/staff/" + UUID.randomUUID() + "/assignments/" + UUID.randomUUID()),
            request -> request.delete("/api/v1/admin/staff/" + UUID.randomUUID() + "/assignments/" + UUID.randomUUID()));

    private static void expect(String token, int status, String code) {
        for (var endpoint : ENDPOINTS) {
            RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
            endpoint.apply(request).then().statusCode(status)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo(code));
        }
    }

    @Test
    void shouldRefuseNoToken() {
        expect(null, 401, "unauthorized");
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        Instant past = Instant.now().minusSeconds(3600);
        expect(StaffTokens.sign(StaffTokens.claims(SRO, "SRO").issuedAt(past).expiresAt(past.plusSeconds(900))), 401,
                "unauthorized");
    }

    @Test
    void shouldRefuseATamperedToken() {
        String token = StaffTokens.sign(StaffTokens.claims(SRO, "SRO"));
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"SRO\"", "\"ADMIN\"").getBytes());
        expect(parts[0] + "." + forgedClaims + "." + parts[2], 401, "unauthorized");
    }

    @Test
    void shouldRefuseAWrongIssuer() {
        expect(StaffTokens.sign(StaffTokens.claims(SRO, "SRO").issuer("someone-else")), 401, "unauthorized");
    }

    @Test
    void shouldRefuseAWrongAudience() {
        expect(StaffTokens.sign(StaffTokens.claims(SRO, "SRO").audience("reporter")), 401, "unauthorized");
    }

    @Test
    void shouldRefuseGarbage() {
        expect("not.a.token", 401, "unauthorized");
    }

    /**
     * A valid token whose role may use none of these endpoints: the TOTP enrolment token. (A token's groups no
     * longer decide the role, the account does: an SRO's token claiming another group is the SRO's token, see
     * TokenClaimsAttackTest.)
     */
    @Test
    void shouldRefuseAValidTokenOfARoleThatMayNotUseThem() {
        expect(StaffTokens.sign(StaffTokens.claims(SRO, "TOTP_ENROLMENT")), 403, "forbidden");
    }

    @Test
    void shouldAcceptAValidStaffToken() {
        given().auth().oauth2(StaffTokens.sign(StaffTokens.claims(SRO, "SRO"))).get("/api/v1/staff/me")
                .then().statusCode(200).body("displayName", equalTo("SRO, Kelly Walsh High School"));
        DemoDirectory.class.getName();
    }
}

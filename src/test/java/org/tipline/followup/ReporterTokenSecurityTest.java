package org.tipline.followup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tipline.crypto.ServerSecrets;
import org.tipline.support.StaffTokens;

/** Reporter tokens open the reporter's endpoints and nothing else; staff tokens do not open them. */
@QuarkusTest
class ReporterTokenSecurityTest {

    @Inject
    ServerSecrets secrets;

    /** How the service signs reporter tokens: HS256 under a key of their own, derived from the pepper. */
    private String signed(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.HS256).sign(secrets.macKey("reporter-token"));
    }

    private static FollowupTest.NewTip tip;

    private static FollowupTest.NewTip tip() {
        if (tip == null) {
            tip = FollowupTest.submit("Someone posted a threat online.");
        }
        return tip;
    }

    private static JwtClaimsBuilder claims(Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer("tipline").audience("reporter").subject(tip().id()).issuedAt(issuedAt).expiresAt(expiresAt);
    }

    private static void refusedOnReporterEndpoints(String token) {
        given().auth().oauth2(token).get("/api/v1/followup").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("reporter-token-invalid"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("body", "hello"))
                .post("/api/v1/followup/messages").then().statusCode(401).body("code", equalTo("reporter-token-invalid"));
    }

    @Test
    void shouldAcceptAGenuineTokenSoThatTheRefusalsBelowMeanSomething() {
        given().auth().oauth2(signed(claims(Instant.now(), Instant.now().plusSeconds(600)))).get("/api/v1/followup").then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseAReporterTokenMadeWithTheStaffSigningKey() {
        // Everything right but the key and algorithm: the staff key (ES256), which signs staff tokens, cannot mint a
        // reporter's, and an HS256 token under a key of the attacker's choosing is no better.
        Instant now = Instant.now();
        refusedOnReporterEndpoints(claims(now, now.plusSeconds(600)).jws().algorithm(SignatureAlgorithm.ES256).sign());
        refusedOnReporterEndpoints(claims(now, now.plusSeconds(600)).jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(new SecureRandom().generateSeed(32), "HmacSHA256")));
    }

    @Test
    void shouldRefuseExpiredForgedAndMissingTokens() throws Exception {
        Instant now = Instant.now();
        refusedOnReporterEndpoints(signed(claims(now.minusSeconds(3600), now.minusSeconds(1800))));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        refusedOnReporterEndpoints(claims(now, now.plusSeconds(600)).jws().algorithm(SignatureAlgorithm.ES256)
                .sign(generator.generateKeyPair().getPrivate()));

        refusedOnReporterEndpoints(signed(Jwt.issuer("someone-else").audience("reporter").subject(tip().id()).issuedAt(now)
                .expiresAt(now.plusSeconds(600))));
        refusedOnReporterEndpoints(signed(Jwt.issuer("tipline").audience("tipline-staff").subject(tip().id()).issuedAt(now)
                .expiresAt(now.plusSeconds(600))));
        refusedOnReporterEndpoints("not.a.token");

        String real = FollowupTest.tokenFor(tip().caseCode());
        String[] parts = real.split("\\.");
        refusedOnReporterEndpoints(parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());

        given().get("/api/v1/followup").then().statusCode(401).body("code", equalTo("reporter-token-invalid"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/followup").then().statusCode(401);
    }

    @Test
    void shouldNotLetStaffTokensReadTheReportersSide() {
        refusedOnReporterEndpoints(StaffTokens.forDemo("sro.kwhs", "SRO"));
        refusedOnReporterEndpoints(StaffTokens.forDemo("analyst", "ANALYST"));
    }

    @Test
    void shouldNotLetReporterTokensReachStaffOrAdminEndpoints() {
        String reporter = FollowupTest.tokenFor(tip().caseCode());
        for (String path : new String[] { "/api/v1/staff/queue", "/api/v1/staff/me", "/api/v1/staff/tips/" + tip().id(),
                "/api/v1/audit", "/api/v1/audit/verify", "/api/v1/admin/schools" }) {
            given().auth().oauth2(reporter).get(path).then().statusCode(oneOf(401, 403))
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(reporter).contentType("application/json").body(Map.of("body", "hi"))
                .post("/api/v1/staff/tips/" + tip().id() + "/messages").then().statusCode(oneOf(401, 403));
        given().auth().oauth2(reporter).post("/api/v1/staff/tips/" + tip().id() + "/acknowledge").then()
                .statusCode(oneOf(401, 403));
    }
}

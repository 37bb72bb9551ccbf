package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.support.ExternalOidc;
import org.tipline.support.OidcProvider;

/**
 * Mode {@code external-oidc} as the console meets it: {@code GET /api/v1/auth/config} names the provider, the pages may
 * reach its token endpoint and nothing else, and the authorization code flow with PKCE gives a token Tipline accepts
 * only when it was issued to the console, to the holder of the verifier, once.
 */
@QuarkusTest
@TestProfile(ExternalOidc.class)
class ExternalSignInFlowTest {

    private static final String SRO_EMAIL = "sro.kwhs@demo.tipline.local";
    private static final String CONSOLE_REDIRECT = "http://localhost:8081/console";

    @Test
    void shouldTellTheConsoleWhereAndAsWhichClientToSignIn() {
        given().get("/api/v1/auth/config").then().statusCode(200)
                .body("mode", equalTo("external-oidc"))
                .body("provider.issuer", equalTo(OidcProvider.ISSUER))
                .body("provider.authorizationEndpoint", equalTo(OidcProvider.url("/authorize")))
                .body("provider.tokenEndpoint", equalTo(OidcProvider.url("/token")))
                .body("provider.endSessionEndpoint", equalTo(OidcProvider.url("/logout")))
                .body("provider.clientId", equalTo(OidcProvider.CONSOLE_CLIENT))
                .body("provider.scopes", equalTo("openid email"));
    }

    @Test
    void shouldLetThePagesReachTheProvidersTokenEndpointAndNoOtherOrigin() {
        String policy = given().get("/console").then().statusCode(200).extract().header("Content-Security-Policy");

        assertThat(policy).contains("connect-src 'self' " + OidcProvider.origin() + ";")
                .contains("form-action 'self';").contains("script-src 'self' 'wasm-unsafe-eval';").doesNotContain("*");
        assertThat(given().get("/").then().extract().header("Content-Security-Policy")).isEqualTo(policy);
    }

    @Test
    void shouldSignInWithTheCodeAndItsVerifierOnceAndNeverWithAnInterceptedCode() {
        String verifier = verifier();
        String intercepted = code(OidcProvider.CONSOLE_CLIENT, CONSOLE_REDIRECT, SRO_EMAIL, verifier);

        // Whoever intercepts the code at the redirect has no verifier: the provider refuses it and burns the code.
        exchange(OidcProvider.CONSOLE_CLIENT, CONSOLE_REDIRECT, intercepted, verifier()).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        exchange(OidcProvider.CONSOLE_CLIENT, CONSOLE_REDIRECT, intercepted, verifier).then().statusCode(400);

        String code = code(OidcProvider.CONSOLE_CLIENT, CONSOLE_REDIRECT, SRO_EMAIL, verifier);
        String token = exchange(OidcProvider.CONSOLE_CLIENT, CONSOLE_REDIRECT, code, verifier).then().statusCode(200)
                .body("token_type", equalTo("Bearer")).extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/staff/me").then().statusCode(200).body("email", equalTo(SRO_EMAIL));
        given().auth().oauth2(token).get("/api/v1/staff/queue").then().statusCode(200);

        exchange(OidcProvider.CONSOLE_CLIENT, CONSOLE_REDIRECT, code, verifier).then().statusCode(400);
    }

    @Test
    void shouldRefuseATokenTheSameProviderIssuedToAnotherApplication() {
        String verifier = verifier();
        String code = code(OidcProvider.OTHER_CLIENT, OidcProvider.OTHER_REDIRECT, SRO_EMAIL, verifier);
        String libraryToken = exchange(OidcProvider.OTHER_CLIENT, OidcProvider.OTHER_REDIRECT, code, verifier).then()
                .statusCode(200).extract().path("access_token");

        given().auth().oauth2(libraryToken).get("/api/v1/staff/me").then().statusCode(401);
        given().auth().oauth2(libraryToken).get("/api/v1/staff/queue").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuerForTheConsole() {
        String elsewhere = OidcProvider.sign(OidcProvider.claims(SRO_EMAIL).issuer("https://idp.other-district.test"),
                OidcProvider.rsaKeyPair().getPrivate());

        given().auth().oauth2(elsewhere).get("/api/v1/staff/me").then().statusCode(401);
    }

    private static String verifier() {
        return (UUID.randomUUID() + "-" + UUID.randomUUID()).replace("-", "");
    }

    /** Signs in at the provider's login page as {@code email} and returns the code it redirects with. */
    private static String code(String client, String redirect, String email, String verifier) {
        String state = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("response_type", "code", "client_id", client, "redirect_uri", redirect,
                "scope", "openid email", "state", state, "code_challenge", OidcProvider.challenge(verifier),
                "code_challenge_method", "S256");
        given().redirects().follow(false).queryParams(request).get(OidcProvider.url("/authorize")).then().statusCode(200);
        String location = given().redirects().follow(false).formParams(request).formParam("email", email)
                .post(OidcProvider.url("/authorize")).then().statusCode(302).extract().header("Location");
        URI back = URI.create(location);
        assertThat(location).startsWith(redirect + "?").contains("state=" + state);
        return back.getQuery().replaceAll(".*code=([^&]+).*", "$1");
    }

    private static Response exchange(String client, String redirect, String code, String verifier) {
        return given().formParams(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "client_id", client, "code_verifier", verifier)).post(OidcProvider.url("/token"));
    }
}

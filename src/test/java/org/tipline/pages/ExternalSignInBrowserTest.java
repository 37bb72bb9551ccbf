package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tipline.directory.Agency;
import org.tipline.directory.District;
import org.tipline.directory.School;
import org.tipline.directory.Staff;
import org.tipline.directory.StaffRole;
import org.tipline.support.DirectoryFixtures;
import org.tipline.support.ExternalOidc;
import org.tipline.support.OidcProvider;
import org.tipline.support.Proofs;
import org.tipline.tip.Tip;

/**
 * The console in mode {@code external-oidc}, in headless Chromium against {@link OidcProvider}: a staff member signs
 * in at the provider (authorization code with PKCE), lands on the tip the mail linked to and on their queue, and signs
 * out of both; an answer the console did not ask for is ignored. Skipped only when Chromium is not installed.
 */
@QuarkusTest
@TestProfile(ExternalOidc.class)
class ExternalSignInBrowserTest extends BrowserTest {

    @Test
    void shouldSignInAtTheProviderOpenTheLinkedTipAndTheQueueAndSignOutOfBoth() {
        District district = DirectoryFixtures.district();
        Agency agency = DirectoryFixtures.agency();
        School school = DirectoryFixtures.school(district, agency, DirectoryFixtures.unique("OIDC School"), true);
        Staff sro = DirectoryFixtures.staff(StaffRole.SRO, null, agency, school);
        String reference = submitTip(school.id);
        UUID tipId = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id());
        int tokenRequestsBefore = OidcProvider.tokenRequests().size();

        // The link of a notification mail, opened before signing in.
        browser.driver.get(origin() + "/console/tips/" + tipId);
        browser.visible("#signin-external-start");
        assertThat(browser.find("#signin-form").isDisplayed()).as("no password form in this mode").isFalse();
        browser.screenshots("console-oidc-signin");
        browser.find("#signin-external-start").click();

        browser.wait.until(ExpectedConditions.urlContains(OidcProvider.url("/authorize")));
        assertThat(browser.driver.getCurrentUrl()).contains("code_challenge_method=S256").contains("client_id=tipline-console")
                .doesNotContain("code_verifier");
        browser.visible("#email").sendKeys(sro.email);
        browser.find("#approve").click();

        browser.wait.until(ExpectedConditions.textToBe(By.id("case-reference"), reference));
        assertThat(browser.driver.getCurrentUrl()).as("the code is gone from the address bar")
                .isEqualTo(origin() + "/console/tips/" + tipId);
        assertThat(browser.find("#whoami").getText()).contains(sro.displayName);
        assertThat(browser.script("return sessionStorage.length + localStorage.length")).as("state and verifier removed").isEqualTo(0L);
        assertThat(browser.script("return document.cookie")).isEqualTo("");

        browser.find("#back-to-queue").click();
        browser.visible("tr[data-reference='" + reference + "']");
        browser.screenshots("console-oidc-queue");

        Map<String, String> exchange = OidcProvider.tokenRequests().get(tokenRequestsBefore);
        String verifier = exchange.get("code_verifier");
        assertThat(verifier).hasSizeBetween(43, 128);
        assertThat(exchange).containsEntry("redirect_uri", origin() + "/console").containsEntry("client_id", "tipline-console");
        assertThat(browser.requestedUrls()).as("neither the verifier nor a token in any URL")
                .noneMatch(url -> url.contains(verifier) || url.contains("eyJ"));
        assertThat(browser.consoleErrors()).as("no Content-Security-Policy violation").isEmpty();

        browser.find("#signout").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"),
                "You are signed out, here and at your identity provider."));
        assertThat(OidcProvider.signOuts()).contains(origin() + "/console");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(origin() + "/console");
        assertThat(browser.find("#session").isDisplayed()).isFalse();
        assertThat(browser.find("#signin-external-start").isDisplayed()).isTrue();
    }

    @Test
    void shouldIgnoreAnAnswerWithAStateThisWindowDidNotSend() {
        // An attacker signs in at the provider as themself and sends staff the console address with their own code,
        // hoping to sign them into the attacker's account (login CSRF).
        Staff attacker = DirectoryFixtures.staff(StaffRole.ANALYST, null, null, null);
        String code = attackersCode(attacker.email);
        int tokenRequestsBefore = OidcProvider.tokenRequests().size();

        browser.driver.get(origin() + "/console");
        browser.visible("#signin-external-start").click();
        browser.wait.until(ExpectedConditions.urlContains(OidcProvider.url("/authorize")));
        browser.driver.get(origin() + "/console?code=" + code + "&state=attackers-state");

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"),
                "was not for a sign-in started in this window"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(origin() + "/console");
        assertThat(OidcProvider.tokenRequests()).as("no token asked for with that code").hasSize(tokenRequestsBefore);
        assertThat(browser.find("#session").isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.length")).as("the started sign-in is abandoned").isEqualTo(0L);
    }

    @Test
    void shouldSayWhenTheProviderSignsInSomeoneWithoutAnAccount() {
        browser.driver.get(origin() + "/console");
        browser.visible("#signin-external-start").click();
        browser.visible("#email").sendKeys("nobody." + UUID.randomUUID() + "@district.example.org");
        browser.find("#approve").click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"),
                "Tipline has no enabled account with that email address"));
        assertThat(browser.find("#session").isDisplayed()).isFalse();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(origin() + "/console");
    }

    @Test
    void shouldSayWhenSignInIsCancelledAtTheProvider() {
        browser.driver.get(origin() + "/console");
        browser.visible("#signin-external-start").click();
        browser.visible("#cancel").click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-message"),
                "Sign-in was cancelled at your identity provider."));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(origin() + "/console");
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
    }

    /** A code the provider gave the attacker for the console, with a verifier only the attacker knows. */
    private static String attackersCode(String email) {
        String verifier = (UUID.randomUUID() + "-" + UUID.randomUUID()).replace("-", "");
        String location = given().redirects().follow(false)
                .formParams(Map.of("response_type", "code", "client_id", OidcProvider.CONSOLE_CLIENT,
                        "redirect_uri", "http://localhost:8081/console", "state", "attackers-state",
                        "code_challenge", OidcProvider.challenge(verifier), "code_challenge_method", "S256", "email", email))
                .post(OidcProvider.url("/authorize")).then().statusCode(302).extract().header("Location");
        return location.replaceAll(".*code=([^&]+).*", "$1");
    }

    private static String submitTip(UUID schoolId) {
        return given().contentType("application/json")
                .body(Map.of("schoolId", schoolId.toString(), "category", "BULLYING",
                        "description", "A tip for the provider sign-in test.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().path("reference");
    }
}

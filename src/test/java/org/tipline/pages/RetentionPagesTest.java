package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tipline.retention.RetentionJob;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestClock;
import org.tipline.tip.Tip;

/** Retention in the browser: the reporter's deletion day and deleted notice (EN, ES), the console's legal hold. */
@QuarkusTest
class RetentionPagesTest {

    private static final String COORDINATOR = StaffTokens.forDemo("coordinator", "COORDINATOR");
    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes())
            .toString();

    @TestHTTPResource("/")
    URL base;

    @Inject
    RetentionJob job;

    @Inject
    TestClock clock;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(Browser.installed(), "Chromium is not installed; .ci/run installs it");
        browser = new Browser();
    }

    @AfterEach
    void stopBrowserAndResetClock() {
        clock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldTellTheReporterWhenTheConversationGoesAndThatItHasGone() {
        String[] tip = closedTip();
        LocalDate day = LocalDate.ofInstant(QuarkusTransaction.requiringNew()
                .call(() -> Tip.<Tip>findById(UUID.fromString(tip[0])).closedAt()).plus(Duration.ofDays(365)),
                ZoneId.of("America/Denver"));

        openFollowup(tip[1]);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-deletion")));
        assertThat(browser.find("#tip-deletion").getText()).startsWith("To protect you, this conversation will be deleted on")
                .contains(String.valueOf(day.getYear()));
        assertThat(browser.find("#tip-deleted").isDisplayed()).isFalse();
        browser.find("[data-lang=es]").click();
        assertThat(browser.find("#tip-deletion").getText()).startsWith("Para protegerte, esta conversación se borrará el");
        browser.screenshots("followup-deletion-date");
        browser.find("[data-lang=en]").click();

        clock.advance(Duration.ofDays(366));
        job.shredDue();
        clock.reset();

        openFollowup(tip[1]);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-deleted")));
        assertThat(browser.find("#tip-deleted").getText()).startsWith("This conversation has ended and its content has been deleted");
        assertThat(browser.find("#tip-deletion").isDisplayed()).isFalse();
        assertThat(browser.find("#reply-form").isDisplayed()).isFalse();
        assertThat(browser.find("#tip-closed").isDisplayed()).isFalse();
        assertThat(browser.find("#conversation-empty").isDisplayed()).isFalse();
        browser.find("[data-lang=es]").click();
        assertThat(browser.find("#tip-deleted").getText()).startsWith("Esta conversación terminó y su contenido fue borrado");
        browser.screenshots("followup-deleted");
        browser.find("[data-lang=en]").click();
        assertThat(browser.consoleErrors()).filteredOn(message -> !message.contains("Failed to load resource")).isEmpty();
    }

    @Test
    void shouldLetACoordinatorPlaceAndReleaseALegalHoldInTheConsole() {
        String[] tip = closedTip();

        browser.driver.get(origin() + "/console/tips/" + tip[0]);
        browser.visible("#signin-email").sendKeys("coordinator@demo.tipline.local");
        browser.find("#signin-password").sendKeys("tipline-demo");
        browser.find("#signin-submit").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-retention-body"),
                "will be deleted from"));
        browser.find("#hold-reason").sendKeys("Preservation letter 2026-17");
        browser.find("#hold-submit").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-retention-body"), "On legal hold"));
        assertThat(browser.find("#case-retention-body").getText()).contains("Preservation letter 2026-17")
                .doesNotContain("will be deleted from");
        assertThat(browser.find("#hold-submit").getText()).isEqualTo("Release the legal hold");
        browser.screenshots("console-legal-hold");

        browser.find("#hold-reason").sendKeys("Letter withdrawn");
        browser.find("#hold-submit").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-retention-body"),
                "will be deleted from"));
        given().auth().oauth2(COORDINATOR).get("/api/v1/staff/tips/" + tip[0]).then().statusCode(200)
                .body("retention.legalHold", org.hamcrest.Matchers.nullValue());
    }

    /** A closed tip of Kelly Walsh: its id and case code. */
    private static String[] closedTip() {
        var receipt = given().contentType("application/json").header(Proofs.tip())
                .body(Map.of("schoolId", KELLY_WALSH, "category", "BULLYING", "description", "Retention page test tip.",
                        "happeningNow", false))
                .post("/api/v1/tips").then().statusCode(201).extract();
        String reference = receipt.path("reference");
        String id = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
        given().auth().oauth2(COORDINATOR).post("/api/v1/staff/tips/" + id + "/acknowledge").then().statusCode(204);
        given().auth().oauth2(COORDINATOR).contentType("application/json").body(Map.of("outcome", "UNFOUNDED"))
                .post("/api/v1/staff/tips/" + id + "/close").then().statusCode(204);
        return new String[] { id, receipt.path("caseCode") };
    }

    private void openFollowup(String caseCode) {
        browser.driver.get(origin() + "/followup");
        browser.visible("#code-input").sendKeys(caseCode);
        browser.find("#code-submit").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("tip-status"), "Closed"));
    }

    private String origin() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

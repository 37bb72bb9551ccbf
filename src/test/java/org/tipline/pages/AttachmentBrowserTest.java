package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tipline.support.Proofs;
import org.tipline.support.StaffTokens;
import org.tipline.support.TestImages;
import org.tipline.tip.Tip;

/**
 * The staff case page in the browser. Photos: a student attaches one right after sending the tip and another on the
 * follow-up page, and the SRO sees both in the case, blurred until clicked. Incidents: the SRO links a suggested tip
 * about the same event and takes the tip out again. Skipped only when Chromium is not installed.
 */
@QuarkusTest
class AttachmentBrowserTest extends BrowserTest {

    private static final String KELLY_WALSH = UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes())
            .toString();
    private static final String SRO = StaffTokens.forDemo("sro.kwhs", "SRO");

    private void open(String path) {
        browser.driver.get(origin() + path);
    }

    @Test
    void shouldCarryPhotosFromTheStudentToTheOfficerBlurredUntilClicked() throws IOException {
        Path photo = file("photo.jpg", TestImages.jpegWithMetadata(240, 160, 1));
        Path screenshot = file("screenshot.png", TestImages.pngWithMetadata(120, 200));

        open("/");
        browser.visible("#school option:nth-child(2)");
        new Select(browser.find("#school")).selectByVisibleText("Kelly Walsh High School (Casper)");
        new Select(browser.find("#category")).selectByValue("THREAT_OF_VIOLENCE");
        browser.find("#description").sendKeys("He posted this threat last night, see the photo.");
        browser.find("#submit-tip").click();
        String caseCode = browser.visible("#case-code").getText();
        String reference = browser.find("#reference").getText();
        browser.visible("#receipt-attach-input").sendKeys(photo.toAbsolutePath().toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#receipt-attach-list li"),
                "photo.jpg: attached."));
        browser.screenshots("tip-attachment");
        browser.find("#code-confirmed").click();
        browser.find("#receipt-done").click();

        open("/followup");
        browser.visible("#code-input").sendKeys(caseCode);
        browser.find("#code-submit").click();
        browser.visible("#followup-attach-input").sendKeys(screenshot.toAbsolutePath().toString());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#followup-attach-list li"),
                "screenshot.png: attached."));

        // The officer follows the link of the tip's mail (the queue's first page may be full of older tips).
        String id = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
        open("/console/tips/" + id);
        browser.visible("#signin-email").sendKeys("sro.kwhs@demo.tipline.local");
        browser.find("#signin-password").sendKeys("tipline-demo");
        browser.find("#signin-submit").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("case-reference"), reference));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#case-attachments li.attachment"), 2));
        List<WebElement> thumbnails = browser.driver.findElements(By.cssSelector("#case-attachments .attachment-thumb"));
        assertThat(thumbnails).hasSize(2).allSatisfy(t -> assertThat(t.getAttribute("class")).contains("blurred"));
        WebElement first = thumbnails.get(0);
        browser.wait.until(driver -> (Boolean) browser.script(
                "return arguments[0].querySelector('img').naturalWidth > 0", first));
        assertThat(blur(first)).as("the thumbnail shows blurred").contains("blur");
        browser.screenshots("attachment-blurred");

        first.click();

        assertThat(first.getAttribute("class")).doesNotContain("blurred");
        assertThat(blur(first)).as("and sharp after a click").isEqualTo("none");
        assertThat(first.findElement(By.tagName("img")).getAttribute("src")).startsWith("data:image/jpeg;base64,");
        browser.find("#case-attachments li.attachment:nth-child(2) .actions button").click();
        browser.wait.until(driver -> (Boolean) browser.script("const image = document.querySelector("
                + "'#case-attachments li.attachment:nth-child(2) .attachment-full img'); return !!image && image.naturalWidth == 120"));
        browser.screenshots("attachment-sharp");
        assertThat(browser.consoleErrors()).filteredOn(message -> !message.contains("Failed to load resource")).isEmpty();
    }

    @Test
    void shouldLinkASuggestedTipAsTheSameIncidentAndTakeTheTipOutAgain() {
        String name = "Quillon" + UUID.randomUUID().toString().substring(0, 4);
        String[] tip = submit("WEAPON", name + " showed a handgun in his backpack and said he will shoot people at the "
                + "football game on Friday night.");
        String[] paraphrase = submit("PLANNED_SCHOOL_ATTACK", "At Friday's football game " + name + " is going to shoot "
                + "people, he has a handgun hidden in his backpack.");

        open("/console/tips/" + tip[0]);
        browser.wait.until(driver -> browser.find("#signin-email").isDisplayed() || tip[1].equals(browser.find("#case-reference").getText()));
        if (browser.find("#signin-email").isDisplayed()) {
            browser.find("#signin-email").sendKeys("sro.kwhs@demo.tipline.local");
            browser.find("#signin-password").sendKeys("tipline-demo");
            browser.find("#signin-submit").click();
        }
        browser.wait.until(ExpectedConditions.textToBe(By.id("case-reference"), tip[1]));
        browser.visible("#incident-none");
        WebElement suggestion = browser.visible("#incident-similar li[data-id='" + paraphrase[0] + "']");
        assertThat(suggestion.getText()).contains(paraphrase[1]).contains("% alike").doesNotContain(name);
        browser.screenshots("case-incident-suggestions");

        suggestion.findElement(By.cssSelector("button.link-incident")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-incident-message"),
                "Linked with " + paraphrase[1]));
        assertThat(browser.find("#incident-linked").getText()).contains(paraphrase[1]);
        assertThat(browser.driver.findElements(By.cssSelector("#incident-similar li[data-id='" + paraphrase[0] + "']"))).isEmpty();
        assertThat(incidentOf(paraphrase[0])).isEqualTo(incidentOf(tip[0])).isNotNull();
        browser.screenshots("case-incident-linked");

        browser.find("#incident-unlink").click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-incident-message"),
                "Taken out of the incident."));
        browser.visible("#incident-none");
        assertThat(incidentOf(tip[0])).isNull();
        assertThat(browser.consoleErrors()).filteredOn(message -> !message.contains("Failed to load resource")).isEmpty();
    }

    /** A tip of Kelly Walsh sent through the public form: its id and reference. */
    private static String[] submit(String category, String description) {
        String reference = given().contentType("application/json").header(Proofs.tip())
                .body(Map.of("schoolId", KELLY_WALSH, "category", category, "description", description, "happeningNow", false))
                .post("/api/v1/tips").then().statusCode(201).extract().path("reference");
        String id = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference).singleResult().id().toString());
        return new String[] { id, reference };
    }

    private static String incidentOf(String tipId) {
        return given().auth().oauth2(SRO).get("/api/v1/staff/tips/" + tipId + "/incident").then().statusCode(200)
                .extract().path("incidentId");
    }

    private static String blur(WebElement thumbnail) {
        return (String) browser.script("return getComputedStyle(arguments[0].querySelector('img')).filter", thumbnail);
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "attachment-uploads"));
        return Files.write(directory.resolve(name), content);
    }
}

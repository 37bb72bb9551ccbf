package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tipline.directory.Category;
import org.tipline.support.InvitationMails;
import org.tipline.support.Mailbox;
import org.tipline.support.StaffTokens;
import org.tipline.tip.Tip;
import org.tipline.support.Proofs;

/**
 * The product as people use it, in headless Chromium: a student reports in Spanish, an SRO answers in the
 * console, the student reads the answer with the case code and replies, the SRO closes the case.
 * Skipped only when Chromium is not installed; {@code .ci/run} installs it and fails on a skip.
 */
@QuarkusTest
class BrowserJourneyTest extends BrowserTest {

    private static final String CASE_CODE = "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}";

    private void open(String path) {
        browser.driver.get(origin() + path);
    }

    @Test
    void shouldCarryATipFromAStudentToAnOfficerAndBackInTheBrowser() {
        String marker = "MARK" + UUID.randomUUID().toString().substring(0, 8);
        RequestRecorder.clear();

        // A student reports in Spanish.
        open("/");
        browser.visible("#school option:nth-child(2)");
        browser.find("[data-lang=es]").click();
        assertThat(browser.find("#form-title").getText()).isEqualTo("Reporta un problema de seguridad");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("es");
        browser.screenshots("tip-form");
        browser.find("#school-search").sendKeys("Kelly");
        new Select(browser.find("#school")).selectByVisibleText("Kelly Walsh High School (Casper)");
        Select category = new Select(browser.find("#category"));
        category.selectByValue("WEAPON");
        assertThat(category.getFirstSelectedOption().getText()).isEqualTo(Category.WEAPON.spanishLabel());
        browser.find("#description").sendKeys("Un estudiante mostró un cuchillo en la escalera este. " + marker);
        browser.find("#location").sendKeys("escalera este");
        browser.find("#submit-tip").click();

        String caseCode = browser.visible("#case-code").getText();
        assertThat(caseCode).matches(CASE_CODE);
        String reference = browser.find("#reference").getText();
        assertThat(warnsBeforeLeaving()).as("warns before leaving while the code is unconfirmed").isTrue();
        browser.screenshots("tip-receipt");
        assertThat(browser.find("#receipt-done").isEnabled()).isFalse();
        browser.find("#code-confirmed").click();
        browser.find("#receipt-done").click();
        assertThat(warnsBeforeLeaving()).isFalse();
        assertThat(browser.find("#case-code").getText()).as("the code is gone from the page").isEmpty();

        assertThat(RequestRecorder.tipMediaTypes()).as("what the server received from the form")
                .containsExactly("application/vnd.tipline.envelope+json");
        String storedCategory = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>find("reference", reference)
                .singleResult().category().name());
        assertThat(storedCategory).isEqualTo("WEAPON");

        // The SRO signs in, finds it in the queue and asks a question.
        open("/console");
        signIn("sro.kwhs@demo.tipline.local");
        WebElement row = findInQueue(reference);
        browser.screenshots("console-queue");
        row.findElement(By.cssSelector(".open-tip")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-description"), marker));
        browser.find("#case-acknowledge").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("case-status"), "ACKNOWLEDGED"));
        browser.find("#reply-body").sendKeys("¿Sabes en qué grado está?");
        browser.find("#reply-send").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#case-conversation li.to-reporter .body"),
                "¿Sabes en qué grado está?"));
        browser.screenshots("console-case");

        // The student comes back with the code, reads the question and answers.
        open("/followup");
        browser.visible("#code-input").sendKeys(caseCode.toLowerCase().replace("-", " "));
        browser.find("#code-submit").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation li.staff .body"),
                "¿Sabes en qué grado está?"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(origin() + "/followup");
        assertThat(browser.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.find("#code-input").getAttribute("value")).isEmpty();
        browser.find("#reply-body").sendKeys("Noveno grado. " + marker);
        browser.find("#reply-send").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation li.you .body"),
                "Noveno grado."));
        browser.screenshots("followup");

        // The SRO sees the answer, unread in the queue, and closes the case.
        open("/console");
        signIn("sro.kwhs@demo.tipline.local");
        WebElement updated = findInQueue(reference);
        assertThat(updated.findElement(By.cssSelector(".unread")).getText()).isEqualTo("1");
        updated.findElement(By.cssSelector(".open-tip")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#case-conversation li.from-reporter .body"),
                "Noveno grado."));
        new Select(browser.visible("#close-outcome")).selectByValue("INTERVENTION");
        new Select(browser.find("#close-note")).selectByValue("TRUSTED_ADULT_FOLLOWING_UP");
        browser.find("#case-close").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("case-status"), "CLOSED"));

        // The student sees the case closed, with the closing note in their language.
        open("/");
        browser.find("[data-lang=es]").click();
        browser.find("#form-view a[data-keep-lang]").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("code-title"), "Consulta tu reporte"));
        browser.visible("#code-input").sendKeys(caseCode);
        browser.find("#code-submit").click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("tip-status"), "Cerrado"));
        assertThat(browser.find("#tip-closing-note").getText()).isEqualTo("Gracias: un adulto de confianza está dando seguimiento.");

        assertThat(browser.requestedUrls()).as("every URL the browser asked for").isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(origin() + "/"));
        assertThat(browser.consoleErrors()).as("console errors other than refused API calls")
                .filteredOn(message -> !message.contains("Failed to load resource")).isEmpty();
    }

    @Test
    void shouldShowBidiControlsInWhatTheReporterWroteAsVisibleMarks() {
        // U+202E (right-to-left override) would show "exe.txt" for "txt.exe"; U+2066 and U+200F are its quieter kin.
        Map<String, String> receipt = given().contentType("application/json")
                .body(Map.of("schoolId", UUID.nameUUIDFromBytes("tipline-demo:school:Kelly Walsh High School".getBytes()).toString(),
                        "category", "OTHER", "description", "Open the file \u202Etxt.exe before class", "happeningNow", false,
                        "location", "room \u20661\u20692\u200F"))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201).extract().jsonPath().getMap("");
        String reporter = given().contentType("application/json").body(Map.of("caseCode", receipt.get("caseCode")))
                .header(Proofs.followup()).post("/api/v1/followup/session").then().statusCode(200).extract().path("token");
        given().auth().oauth2(reporter).contentType("application/json").body(Map.of("body", "It is \u202Dreally\u202C me"))
                .post("/api/v1/followup/messages").then().statusCode(201);
        String tipId = QuarkusTransaction.requiringNew()
                .call(() -> Tip.<Tip>find("reference", receipt.get("reference")).singleResult().id().toString());

        open("/console/tips/" + tipId);
        signIn("sro.kwhs@demo.tipline.local");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-description"), "Open the file"));

        assertThat(browser.find("#case-description").getText()).isEqualTo("Open the file \u27E6U+202E\u27E7txt.exe before class");
        assertThat(browser.find("#case-location").getText())
                .isEqualTo("room \u27E6U+2066\u27E71\u27E6U+2069\u27E72\u27E6U+200F\u27E7");
        assertThat(browser.find("#case-conversation li.from-reporter .body").getText())
                .isEqualTo("It is \u27E6U+202D\u27E7really\u27E6U+202C\u27E7 me");
    }

    /**
     * The queue's row of one tip, looked up by its reference as staff do when they talk about a tip: the demo school's
     * queue also holds every other test's tips, oldest first, and a first page need not show this one.
     */
    private WebElement findInQueue(String reference) {
        browser.visible("#filter-reference").sendKeys(reference, Keys.ENTER);
        return browser.visible("tr[data-reference='" + reference + "']");
    }

    private boolean warnsBeforeLeaving() {
        return (Boolean) browser.script("const event = new Event('beforeunload', { cancelable: true });"
                + "window.dispatchEvent(event); return event.defaultPrevented;");
    }

    private void signIn(String email) {
        browser.visible("#signin-email").sendKeys(email);
        browser.find("#signin-password").sendKeys("tipline-demo");
        browser.find("#signin-submit").click();
        browser.visible("#whoami");
    }

    @Test
    void shouldLetAStudentReportWithTheKeyboardAlone() {
        RequestRecorder.clear();
        open("/");
        browser.visible("#school option:nth-child(2)");
        browser.script("document.activeElement.blur()");
        tabTo("school-search");
        type("Park");
        type(Keys.TAB);
        assertThat(activeId()).isEqualTo("school");
        type(Keys.ARROW_DOWN);
        tabTo("category");
        type(Keys.ARROW_DOWN);
        tabTo("description");
        type("Someone keeps pushing a younger kid off the swings.");
        tabTo("happening-now");
        type(Keys.SPACE);
        tabTo("submit-tip");
        type(Keys.ENTER);

        assertThat(browser.visible("#case-code").getText()).matches(CASE_CODE);
        assertThat(activeId()).as("focus moves to the receipt").isEqualTo("receipt-title");
        tabTo("code-confirmed");
        type(Keys.SPACE);
        tabTo("receipt-done");
        type(Keys.ENTER);
        assertThat(activeId()).isEqualTo("form-title");
        assertThat(RequestRecorder.tipMediaTypes()).containsExactly("application/vnd.tipline.envelope+json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepSendingWhileTheTipLineIsBusyUntilTheTipIsIn() {
        RequestRecorder.clear();
        open("/");
        browser.visible("#school option:nth-child(2)");
        new Select(browser.find("#category")).selectByValue("THREAT_OF_VIOLENCE");
        browser.find("#description").sendKeys("A senior posted that he will bring his father's rifle on Monday.");
        // The service answers the first two posts as a saturated one does (503, Retry-After): the network boundary is
        // the one place a browser test can make that happen on cue. Every post's headers are kept to compare.
        browser.driver.executeScript("""
                const realFetch = window.fetch;
                window.tipPosts = [];
                window.fetch = (url, init) => {
                  if (String(url).endsWith('/api/v1/tips') && init && init.method === 'POST') {
                    window.tipPosts.push({ key: init.headers['Idempotency-Key'], proof: init.headers['Tipline-Proof'] });
                    if (window.tipPosts.length <= 2) {
                      return Promise.resolve(new Response(JSON.stringify({ status: 503, code: 'busy', title: 'busy' }),
                        { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } }));
                    }
                  }
                  return realFetch(url, init);
                };""");
        browser.find("#submit-tip").click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"), "keep this page open"));
        assertThat(browser.visible("#case-code").getText()).matches(CASE_CODE);
        List<Map<String, String>> posts = (List<Map<String, String>>) browser.driver.executeScript("return window.tipPosts;");
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(post -> post.get("key")).as("one Idempotency-Key for every attempt").containsOnly(
                posts.get(0).get("key"));
        assertThat(posts).extracting(post -> post.get("proof")).as("a fresh proof for every attempt").doesNotHaveDuplicates();
        assertThat(RequestRecorder.tipMediaTypes()).as("what reached the service").hasSize(1);
        browser.find("#code-confirmed").click();
        browser.find("#receipt-done").click();
    }

    @Test
    void shouldSayWhenTheBrowserCannotEncryptAndSendPlainTextOnlyWhenAsked() {
        RequestRecorder.clear();
        // A browser without WebCrypto: the page must not fall back to plain text by itself.
        var hideWebCrypto = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", "Object.defineProperty(window, 'isSecureContext', { value: false });"));
        try {
            open("/");
            browser.visible("#school option:nth-child(2)");
            new Select(browser.find("#category")).selectByValue("BULLYING");
            browser.find("#description").sendKeys("Older students corner a boy at the bus stop every day.");
            browser.find("#submit-tip").click();
            browser.visible("#nocrypto");
            assertThat(browser.find("#case-code").getText()).isEmpty();
            assertThat(RequestRecorder.tipMediaTypes()).as("nothing sent before the reporter chooses").isEmpty();

            browser.find("#send-plain").click();
            assertThat(browser.visible("#case-code").getText()).matches(CASE_CODE);
            assertThat(RequestRecorder.tipMediaTypes()).containsExactly("application/json");
            browser.find("#code-confirmed").click();
            browser.find("#receipt-done").click();
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    java.util.Map.of("identifier", hideWebCrypto.get("identifier")));
        }
    }

    @Test
    void shouldGiveEveryFormControlAnAccessibleName() {
        for (String path : List.of("/", "/followup", "/console/invitation#x", "/console")) {
            open(path);
            browser.visible("main");
            assertNamed(path);
        }
        signIn("sro.kwhs@demo.tipline.local");
        browser.visible("#queue");
        assertNamed("/console (signed in)");
    }

    @Test
    void shouldLetAnInvitedOfficerSetTheirPasswordWithTheLinkOfTheirMail() {
        Mailbox.clear();
        String email = "invited." + UUID.randomUUID().toString().substring(0, 8) + "@test.tipline.local";
        given().auth().oauth2(StaffTokens.forDemo("admin", "ADMIN")).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Invited SRO", "role", "SRO", "agencyId",
                        UUID.nameUUIDFromBytes("tipline-demo:agency:Casper Police Department".getBytes()).toString()))
                .post("/api/v1/admin/staff").then().statusCode(201);

        open("/console/invitation#" + InvitationMails.tokenFor(email));
        browser.visible("#invitation-password").sendKeys("my own long password");
        assertThat(browser.driver.getCurrentUrl()).as("the token is wiped from the address bar").doesNotContain("#");
        browser.find("#invitation-repeat").sendKeys("my own long password");
        browser.screenshots("invitation");
        browser.find("#invitation-submit").click();

        browser.visible("#invitation-done");
        assertThat(browser.find("#invitation-message").getText()).contains("password is set");
        given().contentType("application/json").body(Map.of("email", email, "password", "my own long password"))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    private void assertNamed(String page) {
        List<WebElement> controls = browser.driver.findElements(By.cssSelector("input, select, textarea, button"));
        assertThat(controls).as("controls on %s", page).isNotEmpty();
        for (WebElement control : controls) {
            if (control.isDisplayed()) {
                assertThat(control.getAccessibleName()).as("accessible name of %s#%s on %s", control.getTagName(),
                        control.getAttribute("id"), page).isNotBlank();
            }
        }
    }

    private void tabTo(String id) {
        for (int i = 0; i < 40 && !id.equals(activeId()); i++) {
            type(Keys.TAB);
        }
        assertThat(activeId()).as("reached by Tab").isEqualTo(id);
    }

    private void type(CharSequence keys) {
        browser.driver.switchTo().activeElement().sendKeys(keys);
    }

    private String activeId() {
        return browser.driver.switchTo().activeElement().getAttribute("id");
    }
}

package org.tipline.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.CaseCodeHasher;
import org.tipline.support.Database;
import org.tipline.support.Proofs;

/**
 * The reporter's secrets on the wire, as a network that logs decrypted traffic sees them: Chromium's own record of every
 * request the pages sent is searched for the case code in all its forms and for what the reporter wrote, and the logged
 * session and follow-up requests are replayed by the test from another client.
 */
@QuarkusTest
class SealedPagesBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entities;

    @Inject
    CaseCodeHasher hasher;

    @Test
    void shouldNeverSendTheCaseCodeOrTheConversationInTheClearAndLetNoLoggedRequestBeReplayed() throws Exception {
        String marker = "MARK" + UUID.randomUUID().toString().substring(0, 8);
        browser.driver.get(origin() + "/");
        browser.visible("#school option:nth-child(2)");
        new Select(browser.find("#school")).selectByVisibleText("Kelly Walsh High School (Casper)");
        new Select(browser.find("#category")).selectByValue("BULLYING");
        browser.find("#description").sendKeys("They corner him at the lockers every morning. " + marker);
        browser.find("#submit-tip").click();
        String caseCode = browser.visible("#case-code").getText();
        String reference = browser.find("#reference").getText();
        browser.find("#code-confirmed").click();
        browser.find("#receipt-done").click();

        browser.driver.get(origin() + "/followup");
        browser.visible("#code-input").sendKeys(caseCode.toLowerCase(Locale.ROOT).replace("-", " "));
        browser.find("#code-submit").click();
        browser.visible("#reply-body").sendKeys("It was two boys from tenth grade. " + marker);
        browser.find("#reply-send").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#conversation li.you .body"),
                "two boys from tenth grade"));

        List<String> sent = browser.sentRequests();
        String canonical = caseCode.replace("-", "");
        List<String> forms = List.of(caseCode, canonical, caseCode.toLowerCase(Locale.ROOT), canonical.toLowerCase(Locale.ROOT),
                caseCode.replace("-", " "), caseCode.toLowerCase(Locale.ROOT).replace("-", " "),
                caseCode.toLowerCase(Locale.ROOT).replace("-", "+"), caseCode.toLowerCase(Locale.ROOT).replace("-", "%20"));
        assertThat(sent).as("requests the pages sent").isNotEmpty();
        for (String request : sent) {
            for (String form : forms) {
                assertThat(request).as("a request holds the case code").doesNotContainIgnoringCase(form);
            }
            assertThat(request).as("a request holds what the reporter wrote").doesNotContain(marker);
        }

        // The logged session request, replayed from another client with a fresh proof: an answer nobody else can open.
        JsonNode session = last(sent, "POST", "/api/v1/followup/session");
        Response replayedSession = given().header("X-Forwarded-For", "198.51.100.7").header(Proofs.followup())
                .contentType(header(session, "Content-Type")).body(session.path("postData").asText())
                .post("/api/v1/followup/session");
        assertThat(replayedSession.statusCode()).isEqualTo(200);
        assertThat(replayedSession.jsonPath().getMap("").keySet()).as("sealed, no token in sight")
                .containsExactlyInAnyOrder("alg", "iv", "ciphertext");

        // The logged reply, with its token and DPoP proof, replayed: refused, and nothing written.
        JsonNode reply = last(sent, "POST", "/api/v1/followup/messages");
        Map<String, Long> before = Database.rowCounts();
        given().header("Authorization", header(reply, "Authorization")).header("DPoP", header(reply, "DPoP"))
                .contentType(header(reply, "Content-Type")).body(reply.path("postData").asText())
                .post("/api/v1/followup/messages").then().statusCode(401);
        // The token alone, as a bearer token or with no proof: refused.
        String token = header(reply, "Authorization").substring("DPoP ".length());
        given().header("Authorization", "Bearer " + token).get("/api/v1/followup").then().statusCode(401);
        given().header("Authorization", "DPoP " + token).get("/api/v1/followup").then().statusCode(401);
        assertThat(Database.rowCounts()).isEqualTo(before);
        long messages = QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from tip_message m join tip t on t.id = m.tip_id where t.reference = ?1")
                .setParameter(1, reference).getSingleResult()).longValue());
        assertThat(messages).isEqualTo(1);
    }

    @Test
    void shouldTellTheReporterWhyTheFormIsStillWorkingWhenTheKeyTakesOverASecond() {
        browser.driver.get(origin() + "/");
        browser.visible("#school option:nth-child(2)");
        // An old phone: the worker that computes K answers 2.5 s late (its messages are held back, nothing else changes).
        browser.script("""
                const RealWorker = window.Worker;
                window.Worker = function (url, options) {
                  const worker = new RealWorker(url, options);
                  if (!String(url).includes('casecode-worker')) return worker;
                  const slow = { postMessage: m => worker.postMessage(m), terminate: () => worker.terminate(), onmessage: null, onerror: null };
                  worker.onmessage = event => setTimeout(() => slow.onmessage(event), 2500);
                  worker.onerror = event => slow.onerror && slow.onerror(event);
                  return slow;
                };
                """);
        new Select(browser.find("#category")).selectByValue("BULLYING");
        browser.find("#description").sendKeys("Someone keeps posting photos of a classmate to mock her.");
        browser.find("#submit-tip").click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-message"),
                "Securing your case code on this device"));
        assertThat(browser.visible("#case-code").getText()).as("then the tip goes in").matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
    }

    @Test
    void shouldOpenATipStoredBeforeCaseCodeKeysFromTheFollowupPage() {
        Map<String, Object> tip = Map.of("category", "DRUGS", "description", "Pills sold behind the gym after lunch.",
                "happeningNow", false);
        Response receipt = given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips");
        String caseCode = receipt.path("caseCode");
        String reference = receipt.path("reference");
        CaseCode code = CaseCode.parse(caseCode).orElseThrow();
        byte[] legacy = hasher.legacyLookup(code);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("update tip set case_code_hash = ?1 where reference = ?2")
                .setParameter(1, legacy).setParameter(2, reference).executeUpdate());

        browser.driver.get(origin() + "/followup");
        browser.visible("#code-input").sendKeys(caseCode);
        browser.find("#code-submit").click();

        browser.wait.until(ExpectedConditions.textToBe(By.id("tip-reference"), reference));
        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) entities.createNativeQuery(
                "select case_code_hash from tip where reference = ?1").setParameter(1, reference).getSingleResult());
        assertThat(stored).as("moved to the key scheme").isEqualTo(hasher.hash(code));
    }

    @Test
    void shouldDeriveTheSameCaseCodeKeyInChromiumAsBouncyCastle() {
        browser.driver.get(origin() + "/followup");
        browser.visible("#code-input");
        Object key = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/casecode.js').then(async ({ canonical, caseCodeKey }) => {
                  const salt = btoa(String.fromCharCode(...[...Array(16).keys()])).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
                  const started = performance.now();
                  const key = await caseCodeKey(canonical('7qk2-m9xd-4hta-p3wn'), { salt, memoryKib: 19456, iterations: 2, parallelism: 1 });
                  done(key + ' ' + Math.round(performance.now() - started));
                }).catch(failure => done('failed ' + failure));
                """);
        String[] answer = String.valueOf(key).split(" ");
        byte[] derived = java.util.Base64.getUrlDecoder().decode(answer[0]);
        assertThat(java.util.HexFormat.of().formatHex(derived)).as("K of the fixed vector (see CaseCodeHasherTest)")
                .isEqualTo("af9a4d608c4ed762104330de7e158b77e5be63c4c41e14119a304ed300a28078");
        System.out.println("Chromium computed K at the production cost (m=19 MiB, t=2, p=1) in " + answer[1] + " ms");
    }

    private static JsonNode last(List<String> sent, String method, String path) throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        for (String record : sent) {
            JsonNode request = JSON.readTree(record).path("request");
            if (method.equals(request.path("method").asText()) && request.path("url").asText().endsWith(path)) {
                matching.add(request);
            }
        }
        assertThat(matching).as(method + " " + path + " in the browser's record").isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static String header(JsonNode request, String name) {
        var names = request.path("headers").fieldNames();
        while (names.hasNext()) {
            String header = names.next();
            if (header.equalsIgnoreCase(name)) {
                return request.path("headers").path(header).asText();
            }
        }
        throw new AssertionError("no " + name + " header in " + request.path("url").asText());
    }
}

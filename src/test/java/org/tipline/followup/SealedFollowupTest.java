package org.tipline.followup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.crypto.CaseCode;
import org.tipline.crypto.CaseCodeHasher;
import org.tipline.support.Database;
import org.tipline.support.EnvelopeClient;
import org.tipline.support.LogCapture;
import org.tipline.support.Proofs;
import org.tipline.support.ReporterPage;
import org.tipline.support.TestImages;
import org.tipline.tip.Tip;

/**
 * The sealed follow-up as an attacker on a network that logs decrypted traffic meets it: the case code never crosses
 * (only K, inside an envelope), every answer is sealed to the page, the token is bound to the page's key, and each
 * logged request replayed — by the test, as another client — reveals nothing and changes nothing.
 */
@QuarkusTest
class SealedFollowupTest {

    private static final String ENVELOPE = "application/vnd.tipline.envelope+json";
    private static final String SEALED = "application/vnd.tipline.sealed+json";

    @TestHTTPResource("/api/v1/followup")
    URL followupUrl;

    @TestHTTPResource("/api/v1/followup/messages")
    URL messagesUrl;

    @TestHTTPResource("/api/v1/followup/attachments")
    URL attachmentsUrl;

    @Inject
    ObjectMapper json;

    @Inject
    CaseCodeHasher hasher;

    @Inject
    EntityManager entities;

    /** A tip sent as the form sends it: K of a code the page made, the page's keys, in an envelope. */
    private record SentTip(String caseCode, String reference, String token) {
    }

    private SentTip sendTip(ReporterPage page) throws Exception {
        String caseCode = ReporterPage.newCaseCode();
        Map<String, Object> tip = new HashMap<>(Map.of("schoolId", FollowupTest.KELLY_WALSH, "category", "BULLYING",
                "description", "They wait for him after school at the bike racks", "happeningNow", false));
        tip.put("caseCodeKey", page.caseCodeKey(caseCode));
        tip.put("reporterKeys", page.keys());
        EnvelopeClient.Envelope envelope = page.seal(tip);
        Response answer = given().contentType(ENVELOPE).body(envelope.fields()).header(Proofs.tip()).post("/api/v1/tips");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.contentType()).startsWith(SEALED);
        Map<?, ?> receipt = json.readValue(envelope.openReply(answer.jsonPath().getMap("")), Map.class);
        assertThat(receipt.get("caseCode")).as("the page made the code; the service never had it").isNull();
        return new SentTip(caseCode, (String) receipt.get("reference"), (String) receipt.get("reporterToken"));
    }

    private Response sealedSession(ReporterPage page, EnvelopeClient.Envelope envelope) {
        return given().contentType(ENVELOPE).header("X-Forwarded-For", FollowupTest.clientAddress()).header(Proofs.followup())
                .body(envelope.fields()).post("/api/v1/followup/session");
    }

    private String openSession(ReporterPage page, String caseCode) throws Exception {
        EnvelopeClient.Envelope envelope = page.seal(Map.of("caseCodeKey", page.caseCodeKey(caseCode), "keys", page.keys()));
        Response answer = sealedSession(page, envelope);
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<?, ?> token = json.readValue(envelope.openReply(answer.jsonPath().getMap("")), Map.class);
        assertThat(token.get("tokenType")).isEqualTo("DPoP");
        return (String) token.get("token");
    }

    private Response view(ReporterPage page, String token) {
        return given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("GET", followupUrl.toString(), token))
                .get("/api/v1/followup");
    }

    private Response write(ReporterPage page, String token, String text) {
        return given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("POST", messagesUrl.toString(), token))
                .contentType(ENVELOPE).body(page.seal(Map.of("body", text)).fields()).post("/api/v1/followup/messages");
    }

    private long messages(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from tip_message m join tip t on t.id = m.tip_id where t.reference = ?1")
                .setParameter(1, reference).getSingleResult()).longValue());
    }

    @Test
    void shouldOpenTheConversationFromTheKeyAndSealEveryAnswerToThePage() throws Exception {
        ReporterPage page = new ReporterPage();
        SentTip tip = sendTip(page);

        String token = openSession(page, tip.caseCode());
        Response view = view(page, token);
        assertThat(view.statusCode()).as(view.asString()).isEqualTo(200);
        assertThat(view.contentType()).startsWith(SEALED);
        assertThat(view.asString()).doesNotContain(tip.reference());
        assertThat(json.readValue(page.open(view), Map.class).get("reference")).isEqualTo(tip.reference());

        Response written = write(page, token, "It happened again today, near the gym");
        assertThat(written.statusCode()).isEqualTo(201);
        assertThat(page.open(written)).contains("It happened again today, near the gym");
        assertThat(written.asString()).doesNotContain("near the gym");
        assertThat(messages(tip.reference())).isEqualTo(1);

        // The receipt's own token is bound the same way: the form attaches images with it.
        assertThat(view(page, tip.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldGiveALoggedSessionRequestReplayedByAnotherClientNothingItCanRead() throws Exception {
        ReporterPage page = new ReporterPage();
        SentTip tip = sendTip(page);
        EnvelopeClient.Envelope logged = page.seal(Map.of("caseCodeKey", page.caseCodeKey(tip.caseCode()), "keys", page.keys()));
        assertThat(sealedSession(page, logged).statusCode()).isEqualTo(200);

        Response replayed = sealedSession(new ReporterPage(), logged);

        assertThat(replayed.contentType()).startsWith(SEALED);
        ReporterPage attacker = new ReporterPage();
        EnvelopeClient.Envelope attackersOwn = attacker.seal(Map.of("caseCodeKey", attacker.caseCodeKey(tip.caseCode()), "keys", attacker.keys()));
        assertThatThrownBy(() -> attackersOwn.openReply(replayed.jsonPath().getMap("")))
                .as("only the page that made the envelope can open its answer").isInstanceOf(IllegalStateException.class);
        assertThat(replayed.asString()).doesNotContain("eyJ");
    }

    @Test
    void shouldRefuseALiftedTokenUsedAsABearerTokenOrWithAnotherKeysProof() throws Exception {
        ReporterPage page = new ReporterPage();
        String token = openSession(page, sendTip(page).caseCode());
        ReporterPage attacker = new ReporterPage();

        given().header("Authorization", "Bearer " + token).get("/api/v1/followup").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("dpop-proof-invalid"));
        given().header("Authorization", "DPoP " + token).get("/api/v1/followup").then().statusCode(401)
                .body("code", equalTo("dpop-proof-invalid"));
        given().header("Authorization", "DPoP " + token).header("DPoP", attacker.proof("GET", followupUrl.toString(), token))
                .get("/api/v1/followup").then().statusCode(401).body("code", equalTo("dpop-proof-invalid"));
    }

    @Test
    void shouldRefuseALoggedRequestReplayedWithItsOwnProof() throws Exception {
        ReporterPage page = new ReporterPage();
        SentTip tip = sendTip(page);
        String token = openSession(page, tip.caseCode());
        String proof = page.proof("POST", messagesUrl.toString(), token);
        Map<String, String> body = page.seal(Map.of("body", "the logged message")).fields();
        given().header("Authorization", "DPoP " + token).header("DPoP", proof).contentType(ENVELOPE).body(body)
                .post("/api/v1/followup/messages").then().statusCode(201);

        Map<String, Long> before = Database.rowCounts();
        given().header("Authorization", "DPoP " + token).header("DPoP", proof).contentType(ENVELOPE).body(body)
                .post("/api/v1/followup/messages").then().statusCode(401).body("code", equalTo("dpop-proof-invalid"));
        // The same proof for another method, another path, too old, or for another token: refused too.
        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("POST", messagesUrl.toString(), token))
                .get("/api/v1/followup").then().statusCode(401);
        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("GET", messagesUrl.toString(), token))
                .get("/api/v1/followup").then().statusCode(401);
        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("GET", followupUrl.toString(), token,
                Instant.now().minusSeconds(300), UUID.randomUUID().toString())).get("/api/v1/followup").then().statusCode(401);
        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("GET", followupUrl.toString(), token + "x"))
                .get("/api/v1/followup").then().statusCode(401);

        assertThat(Database.rowCounts()).as("nothing written by the replays").isEqualTo(before);
        assertThat(messages(tip.reference())).isEqualTo(1);
    }

    @Test
    void shouldRefuseAPlainBodyFromAKeyBoundSession() throws Exception {
        ReporterPage page = new ReporterPage();
        SentTip tip = sendTip(page);
        String token = openSession(page, tip.caseCode());

        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("POST", messagesUrl.toString(), token))
                .contentType("application/json").body(Map.of("body", "in the clear")).post("/api/v1/followup/messages")
                .then().statusCode(415).body("code", equalTo("envelope-required"));
        assertThat(messages(tip.reference())).isZero();
    }

    @Test
    void shouldTakeImagesFromAKeyBoundSessionOnlySealedAndAnswerSealed() throws Exception {
        ReporterPage page = new ReporterPage();
        SentTip tip = sendTip(page);
        String token = openSession(page, tip.caseCode());
        byte[] photo = TestImages.jpegWithMetadata(64, 48, 1);

        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("POST", attachmentsUrl.toString(), token))
                .contentType("image/jpeg").body(photo).post("/api/v1/followup/attachments")
                .then().statusCode(415).body("code", equalTo("envelope-required"));
        EnvelopeClient.ImageEnvelope tampered = page.sealImage(photo);
        tampered.body()[3] ^= 1;
        given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("POST", attachmentsUrl.toString(), token))
                .contentType("application/vnd.tipline.image-envelope").header("Tipline-Envelope", tampered.header())
                .body(tampered.body()).post("/api/v1/followup/attachments")
                .then().statusCode(400).body("code", equalTo("envelope-undecryptable"));
        assertThat(attachments(tip.reference())).isZero();

        EnvelopeClient.ImageEnvelope sealed = page.sealImage(photo);
        Response stored = given().header("Authorization", "DPoP " + token).header("DPoP", page.proof("POST", attachmentsUrl.toString(), token))
                .contentType("application/vnd.tipline.image-envelope").header("Tipline-Envelope", sealed.header())
                .body(sealed.body()).post("/api/v1/followup/attachments");
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(stored.contentType()).startsWith(SEALED);
        assertThat(json.readValue(page.open(stored), Map.class).get("width")).isEqualTo(64);
        assertThat(attachments(tip.reference())).isEqualTo(1);
    }

    private long attachments(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(
                "select count(*) from attachment a join tip t on t.id = a.tip_id where t.reference = ?1")
                .setParameter(1, reference).getSingleResult()).longValue());
    }

    @Test
    void shouldStoreTheSameEnvelopeOnceWhateverItsIdempotencyKey() throws Exception {
        ReporterPage page = new ReporterPage();
        Map<String, Object> tip = new HashMap<>(Map.of("category", "DRUGS", "description", "Vapes sold in the east restroom",
                "happeningNow", false, "caseCodeKey", page.caseCodeKey(ReporterPage.newCaseCode())));
        EnvelopeClient.Envelope envelope = page.seal(tip);
        Response first = given().contentType(ENVELOPE).body(envelope.fields()).header(Proofs.tip()).header("Idempotency-Key", "a1")
                .post("/api/v1/tips");
        assertThat(first.statusCode()).isEqualTo(201);
        String reference = (String) json.readValue(envelope.openReply(first.jsonPath().getMap("")), Map.class).get("reference");

        Map<String, Long> before = Database.rowCounts();
        for (String idempotencyKey : new String[] { "a1", "b2", null }) {
            var request = given().contentType(ENVELOPE).body(envelope.fields()).header(Proofs.tip());
            Response replayed = (idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).post("/api/v1/tips");
            assertThat(replayed.statusCode()).isEqualTo(201);
            assertThat(json.readValue(envelope.openReply(replayed.jsonPath().getMap("")), Map.class).get("reference"))
                    .isEqualTo(reference);
        }
        assertThat(Database.rowCounts()).as("a replay is never a second tip").isEqualTo(before);
    }

    @Test
    void shouldRefuseKeysThatAreNoPointsOfP256BeforeSpendingOrStoringAnything() throws Exception {
        ReporterPage page = new ReporterPage();
        Map<String, Object> keys = new HashMap<>(page.keys());
        byte[] offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[64] = 1;
        keys.put("response", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve));
        Map<String, Object> tip = Map.of("category", "DRUGS", "description", "Pills passed around in chemistry",
                "happeningNow", false, "caseCodeKey", page.caseCodeKey(ReporterPage.newCaseCode()), "reporterKeys", keys);

        Map<String, Long> before = Database.rowCounts();
        given().contentType(ENVELOPE).body(page.seal(tip).fields()).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", org.hamcrest.Matchers.hasItem("reporterKeys.response"));
        assertThat(Database.rowCounts()).as("no tip, and the proof of work not spent").isEqualTo(before);
    }

    /** A tip stored under a key the page derived: sending it again sends a key some tip has. */
    private static Map<String, Object> storedWithKey(ReporterPage page) throws Exception {
        Map<String, Object> tip = Map.of("category", "DRUGS", "description", "Pills passed around in chemistry",
                "happeningNow", false, "caseCodeKey", page.caseCodeKey(ReporterPage.newCaseCode()));
        given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
        return tip;
    }

    @Test
    void shouldRefuseASecondTipWithAKeyAlreadyTaken() throws Exception {
        Map<String, Object> tip = storedWithKey(new ReporterPage());

        Map<String, Long> before = Database.rowCounts();
        try (LogCapture log = LogCapture.start()) {
            given().contentType("application/json").body(tip).header(Proofs.tip()).post("/api/v1/tips").then().statusCode(409)
                    .body("code", equalTo("case-code-key-taken"));

            // PostgreSQL's refusal names the key's lookup hash ("Key (case_code_hash)=(\x02…) already exists"): the
            // log says a unique index refused a row, never which value.
            assertThat(log.all()).contains("tip_case_code_unique").doesNotContain("Key (").doesNotContain("already exists");
        }
        Map<String, Long> after = Database.rowCounts();
        // The proof of work was paid (spent); nothing else changed.
        after.remove("spent_proof");
        before.remove("spent_proof");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void shouldKeepTheProofOfATipRefusedForItsTakenKeySpent() throws Exception {
        ReporterPage page = new ReporterPage();
        Map<String, Object> tip = storedWithKey(page);
        Header proof = Proofs.tip();
        given().contentType("application/json").body(tip).header(proof).post("/api/v1/tips").then().statusCode(409)
                .body("code", equalTo("case-code-key-taken"));

        // The refused tip was rolled back with its transaction; its proof must not pay for another request, or one proof
        // would send the taken key (or anything else) for ever.
        Map<String, Object> another = new HashMap<>(tip);
        another.put("caseCodeKey", page.caseCodeKey(ReporterPage.newCaseCode()));
        Map<String, Long> before = Database.rowCounts();
        given().contentType("application/json").body(another).header(proof).post("/api/v1/tips").then()
                .contentType(startsWith("application/problem+json")).body("code", equalTo("proof-spent"));
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldFindATipStoredUnderTheOlderSchemeFromItsCodeAndMoveItToTheKeyScheme() throws Exception {
        FollowupTest.NewTip old = FollowupTest.submit("Stored before case-code keys existed");
        CaseCode code = CaseCode.parse(old.caseCode()).orElseThrow();
        byte[] legacy = hasher.legacyLookup(code);
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("update tip set case_code_hash = ?1 where id = ?2")
                .setParameter(1, legacy).setParameter(2, UUID.fromString(old.id())).executeUpdate());
        ReporterPage page = new ReporterPage();

        EnvelopeClient.Envelope byKey = page.seal(Map.of("caseCodeKey", page.caseCodeKey(old.caseCode()), "keys", page.keys()));
        sealedSession(page, byKey).then().statusCode(401).body("code", equalTo("case-code-needed"));
        EnvelopeClient.Envelope byCode = page.seal(Map.of("caseCode", old.caseCode(), "keys", page.keys()));
        Response opened = sealedSession(page, byCode);
        assertThat(opened.statusCode()).isEqualTo(200);

        byte[] stored = QuarkusTransaction.requiringNew().call(() -> (byte[]) entities.createNativeQuery(
                "select case_code_hash from tip where id = ?1").setParameter(1, UUID.fromString(old.id())).getSingleResult());
        assertThat(stored).isEqualTo(hasher.hash(code));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Tip.anyCaseCodeHashBelow(CaseCodeHasher.firstOfCurrentScheme())))
                .as("no tip left on the older scheme").isFalse();
        assertThat(openSession(page, old.caseCode())).as("found by its key from now on").isNotBlank();
    }
}

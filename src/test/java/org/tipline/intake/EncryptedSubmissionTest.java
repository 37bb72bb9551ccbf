package org.tipline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.support.Database;
import org.tipline.support.EnvelopeClient;
import org.tipline.tip.TipBody;
import org.tipline.support.Proofs;

@QuarkusTest
class EncryptedSubmissionTest {

    private static final String ENVELOPE = "application/vnd.tipline.envelope+json";

    @Inject
    StoredTips stored;

    @Inject
    ObjectMapper json;

    private Map<String, String> sealed(Map<String, Object> tip) throws Exception {
        Map<String, String> key = given().get("/api/v1/intake-key").then().statusCode(200).extract().jsonPath().getMap("");
        return new HashMap<>(EnvelopeClient.seal(key.get("kid"), key.get("publicKey"), json.writeValueAsString(tip)));
    }

    private EnvelopeClient.Envelope envelope(Map<String, Object> tip) throws Exception {
        Map<String, String> key = given().get("/api/v1/intake-key").then().statusCode(200).extract().jsonPath().getMap("");
        return EnvelopeClient.sealOpenable(key.get("kid"), key.get("publicKey"), json.writeValueAsString(tip));
    }

    private static ValidatableResponse postEnvelope(Object envelope) {
        return given().contentType(ENVELOPE).body(envelope).header(Proofs.tip()).post("/api/v1/tips").then();
    }

    private static ValidatableResponse assertRefused(Object envelope, String code) {
        Map<String, Long> before = Database.rowCounts();
        ValidatableResponse response = postEnvelope(envelope).statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code));
        assertThat(Database.rowCounts()).as("row counts").isEqualTo(before);
        return response;
    }

    private static String flipLastByte(String base64Url) {
        byte[] bytes = Base64.getUrlDecoder().decode(base64Url);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void shouldStoreATipEncryptedInTheBrowserTheSameAsAPlainOne() throws Exception {
        Map<String, Object> tip = TipRequests.validTip();
        tip.put("description", "Él dijo que traería un arma el viernes — ¡ayuda!");
        tip.put("language", "es");

        EnvelopeClient.Envelope envelope = envelope(tip);
        io.restassured.response.Response answer = given().contentType(ENVELOPE).body(envelope.fields()).header(Proofs.tip())
                .post("/api/v1/tips");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.contentType()).as("sealed to the page").startsWith("application/vnd.tipline.sealed+json");
        Map<?, ?> receipt = json.readValue(envelope.openReply(answer.jsonPath().getMap("")), Map.class);
        String reference = (String) receipt.get("reference");
        assertThat(answer.asString()).doesNotContain(reference).doesNotContain((String) receipt.get("caseCode"));

        TipBody body = stored.body(reference);
        assertThat(body.description()).isEqualTo("Él dijo que traería un arma el viernes — ¡ayuda!");
        assertThat(body.language()).isEqualTo("es");
        assertThat(stored.byReference(reference).category().name()).isEqualTo("WEAPON");
    }

    @Test
    void shouldValidateTheDecryptedTipExactlyLikeAPlainOne() throws Exception {
        Map<String, Object> tip = TipRequests.validTip();
        tip.put("description", "short");

        Map<String, Long> before = Database.rowCounts();
        postEnvelope(sealed(tip)).statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("description"));
        TipRequests.post(tip).statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("description"));
        assertThat(Database.rowCounts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnUnknownKeyId() throws Exception {
        Map<String, String> envelope = sealed(TipRequests.validTip());
        envelope.put("kid", "retired-long-ago");

        assertRefused(envelope, "envelope-unknown-key").body("errors.field", hasItem("kid"));
    }

    @Test
    void shouldRefuseATamperedCiphertext() throws Exception {
        Map<String, String> envelope = sealed(TipRequests.validTip());
        envelope.put("ciphertext", flipLastByte(envelope.get("ciphertext")));

        assertRefused(envelope, "envelope-undecryptable");
    }

    @Test
    void shouldRefuseASwappedEphemeralKey() throws Exception {
        Map<String, String> envelope = sealed(TipRequests.validTip());
        envelope.put("epk", sealed(TipRequests.validTip()).get("epk"));

        assertRefused(envelope, "envelope-undecryptable");
    }

    @Test
    void shouldNameEachMalformedPart() throws Exception {
        Map<String, String> badIv = sealed(TipRequests.validTip());
        badIv.put("iv", "AAAA");
        assertRefused(badIv, "envelope-malformed").body("errors.field", hasItem("iv"));

        Map<String, String> badEpk = sealed(TipRequests.validTip());
        badEpk.put("epk", "not*base64");
        assertRefused(badEpk, "envelope-malformed").body("errors.field", hasItem("epk"));

        Map<String, String> badAlg = sealed(TipRequests.validTip());
        badAlg.put("alg", "RSA-OAEP");
        assertRefused(badAlg, "envelope-malformed").body("errors.field", hasItem("alg"));

        Map<String, String> missing = sealed(TipRequests.validTip());
        missing.remove("ciphertext");
        assertRefused(missing, "validation-failed").body("errors.field", hasItem("ciphertext"));

        Map<String, Object> extra = new HashMap<>(sealed(TipRequests.validTip()));
        extra.put("description", "plain text next to the envelope");
        assertRefused(extra, "unknown-field").body("errors.field", hasItem("description"));

        assertRefused("{not json", "malformed-json");
    }
}

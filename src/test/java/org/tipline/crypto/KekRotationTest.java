package org.tipline.crypto;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tipline.support.Proofs;

@QuarkusTest
class KekRotationTest {

    @Inject
    KekRing configured;

    @Inject
    KekRotation rotation;

    private static void submitTip() {
        given().contentType("application/json")
                .body(Map.of("category", "BULLYING", "description", "They keep taking his lunch money.", "happeningNow", false))
                .header(Proofs.tip()).post("/api/v1/tips").then().statusCode(201);
    }

    private static Map<UUID, byte[]> bodies() {
        return QuarkusTransaction.requiringNew().call(() -> org.tipline.tip.Tip.<org.tipline.tip.Tip>listAll().stream()
                .collect(Collectors.toMap(tip -> tip.id(), tip -> tip.sealedBody())));
    }

    private static List<TipKey> keys() {
        return QuarkusTransaction.requiringNew().call(() -> TipKey.<TipKey>listAll());
    }

    @Test
    void shouldRewrapEveryDataKeySoTheOldKekCanGo() {
        submitTip();
        submitTip();
        String newId = "rotated-" + UUID.randomUUID();
        KekRing rotated = configured.plus(newId, TestKeys.aesKey());
        Map<UUID, byte[]> bodiesBefore = bodies();
        try {
            KekRotation.Result result = rotation.rewrapAll(rotated);

            assertThat(result.failed()).isZero();
            assertThat(result.rewrapped()).isGreaterThanOrEqualTo(2);
            assertThat(keys()).allMatch(key -> key.kekId.equals(newId));
            assertThat(bodies()).as("tip bodies are untouched").containsExactlyInAnyOrderEntriesOf(bodiesBefore);

            KekRing withoutOld = rotated.minus(configured.activeId());
            TipEncryption encryption = new TipEncryption(withoutOld);
            QuarkusTransaction.requiringNew().run(() -> {
                for (org.tipline.tip.Tip tip : org.tipline.tip.Tip.<org.tipline.tip.Tip>listAll()) {
                    TipKey key = TipKey.findById(tip.id());
                    assertThatCode(() -> encryption.open(encryption.dataKey(tip.id(), key.wrapped()),
                            RecordRef.tipBody(tip.id()), tip.sealedBody())).as("tip %s", tip.reference()).doesNotThrowAnyException();
                }
            });
        } finally {
            // Back under the configured KEK, so later tests (and later runs on a kept database) can read every tip.
            rotation.rewrapAll(rotated.activate(configured.activeId()));
        }
        assertThat(keys()).allMatch(key -> key.kekId.equals(configured.activeId()));
    }

    @Test
    void shouldReportDataKeysItCannotOpenAndLeaveThemAsTheyWere() {
        submitTip();
        KekRing stranger = new KekRing("stranger", Map.of("stranger", TestKeys.aesKey()));
        List<TipKey> before = keys();

        KekRotation.Result result = rotation.rewrapAll(stranger);

        assertThat(result.rewrapped()).isZero();
        assertThat(result.failed()).isEqualTo(before.size());
        assertThat(keys()).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(before);
    }
}

package org.tipline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tipline.support.EnvelopeClient;

class IntakeEnvelopeTest {

    private static final String TIP = "{\"category\":\"WEAPON\",\"description\":\"knife in locker 12\"}";
    private final IntakeKeyring.IntakeKey key = IntakeKeyring.fromPkcs8("k-now", IntakeKeyring.generatePkcs8(), null);

    private Map<String, String> seal() {
        return EnvelopeClient.seal(key.kid(), key.publicKeySpki(), TIP);
    }

    private byte[] open(Map<String, String> envelope) {
        return IntakeEnvelope.open(key, envelope.get("epk"), envelope.get("iv"), envelope.get("ciphertext")).plaintext();
    }

    private static String flipLastByte(String base64Url) {
        byte[] bytes = Base64.getUrlDecoder().decode(base64Url);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void shouldOpenWhatABrowserStyleClientSealed() {
        assertThat(new String(open(seal()), StandardCharsets.UTF_8)).isEqualTo(TIP);
    }

    @Test
    void shouldRefuseATamperedCiphertextOrIv() {
        Map<String, String> envelope = seal();

        assertThatThrownBy(() -> IntakeEnvelope.open(key, envelope.get("epk"), envelope.get("iv"),
                flipLastByte(envelope.get("ciphertext"))))
                .isInstanceOf(EnvelopeException.class).hasFieldOrPropertyWithValue("code", "envelope-undecryptable");
        assertThatThrownBy(() -> IntakeEnvelope.open(key, envelope.get("epk"), flipLastByte(envelope.get("iv")),
                envelope.get("ciphertext")))
                .isInstanceOf(EnvelopeException.class).hasFieldOrPropertyWithValue("code", "envelope-undecryptable");
    }

    @Test
    void shouldRefuseAnEnvelopeSealedToAnotherKey() {
        IntakeKeyring.IntakeKey other = IntakeKeyring.fromPkcs8("k-now", IntakeKeyring.generatePkcs8(), null);
        Map<String, String> envelope = EnvelopeClient.seal(other.kid(), other.publicKeySpki(), TIP);

        assertThatThrownBy(() -> open(envelope)).isInstanceOf(EnvelopeException.class)
                .hasFieldOrPropertyWithValue("code", "envelope-undecryptable");
    }

    @Test
    void shouldRefuseAnEphemeralKeyOffTheCurve() {
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[64] = 7;
        Map<String, String> envelope = seal();
        String epk = Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve);

        assertThatThrownBy(() -> IntakeEnvelope.open(key, epk, envelope.get("iv"), envelope.get("ciphertext")))
                .isInstanceOf(EnvelopeException.class)
                .hasFieldOrPropertyWithValue("code", "envelope-malformed")
                .hasMessageContaining("epk");
    }

    @Test
    void shouldNameTheMalformedField() {
        Map<String, String> envelope = seal();

        assertThatThrownBy(() -> IntakeEnvelope.open(key, "%%%", envelope.get("iv"), envelope.get("ciphertext")))
                .hasMessageContaining("'epk'");
        assertThatThrownBy(() -> IntakeEnvelope.open(key, envelope.get("epk"), "AAAA", envelope.get("ciphertext")))
                .hasMessageContaining("'iv'");
        assertThatThrownBy(() -> IntakeEnvelope.open(key, envelope.get("epk"), envelope.get("iv"), ""))
                .hasMessageContaining("'ciphertext'");
    }

    @Test
    void shouldAcceptThePreviousKeyOnlyDuringItsGracePeriod() {
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        IntakeKeyring.IntakeKey previous = IntakeKeyring.fromPkcs8("k-before", IntakeKeyring.generatePkcs8(), end);
        IntakeKeyring ring = new IntakeKeyring(key, Optional.of(previous));

        assertThat(ring.accepting("k-now", end.plusSeconds(86_400))).contains(key);
        assertThat(ring.accepting("k-before", end.minusSeconds(1))).contains(previous);
        assertThat(ring.accepting("k-before", end)).isEmpty();
        assertThat(ring.accepting("k-unknown", end.minusSeconds(1))).isEmpty();
    }

    @Test
    void shouldDeriveThePublicKeyOfAConfiguredPrivateKey() {
        String pkcs8 = IntakeKeyring.generatePkcs8();

        assertThat(IntakeKeyring.fromPkcs8("a", pkcs8, null).publicKeySpki())
                .isEqualTo(IntakeKeyring.fromPkcs8("b", pkcs8, null).publicKeySpki());
        assertThatThrownBy(() -> IntakeKeyring.fromPkcs8("bad", "bm90IGEga2V5", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
        assertThat(key.toString()).contains("privateKey=[redacted]").doesNotContain(pkcs8.substring(0, 20));
    }
}

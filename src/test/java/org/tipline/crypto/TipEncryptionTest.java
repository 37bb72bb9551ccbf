package org.tipline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TipEncryptionTest {

    private static final byte[] SECRET = "he said he would bring it on Friday".getBytes(StandardCharsets.UTF_8);

    private final KekRing ring = TestKeys.ring("k1");
    private final TipEncryption encryption = new TipEncryption(ring);

    @Test
    void shouldRoundTripARecordWithTheTipsOwnKey() {
        UUID tip = UUID.randomUUID();
        TipEncryption.NewDataKey key = encryption.newDataKey(tip);
        byte[] sealed = encryption.seal(key.dataKey(), RecordRef.tipBody(tip), SECRET);

        SecretBytes reopened = encryption.dataKey(tip, key.wrapped());

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Friday");
        assertThat(encryption.open(reopened, RecordRef.tipBody(tip), sealed)).isEqualTo(SECRET);
    }

    @Test
    void shouldUseAFreshNonceEveryTime() {
        UUID tip = UUID.randomUUID();
        SecretBytes dataKey = encryption.newDataKey(tip).dataKey();

        assertThat(encryption.seal(dataKey, RecordRef.tipBody(tip), SECRET))
                .isNotEqualTo(encryption.seal(dataKey, RecordRef.tipBody(tip), SECRET));
    }

    @Test
    void shouldRefuseACiphertextCopiedToAnotherTipOrKindOrRecord() {
        UUID tip = UUID.randomUUID();
        SecretBytes dataKey = encryption.newDataKey(tip).dataKey();
        byte[] sealed = encryption.seal(dataKey, RecordRef.tipBody(tip), SECRET);

        assertThatThrownBy(() -> encryption.open(dataKey, RecordRef.tipBody(UUID.randomUUID()), sealed))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.open(dataKey, new RecordRef(tip, RecordKind.NOTE, tip.toString()), sealed))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> encryption.open(dataKey, new RecordRef(tip, RecordKind.TIP_BODY, "other"), sealed))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void shouldRefuseEveryFlippedByte() {
        UUID tip = UUID.randomUUID();
        SecretBytes dataKey = encryption.newDataKey(tip).dataKey();
        byte[] sealed = encryption.seal(dataKey, RecordRef.tipBody(tip), SECRET);

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> encryption.open(dataKey, RecordRef.tipBody(tip), tampered))
                    .as("byte %d flipped", i).isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void shouldNotUnwrapWithAWrongKekOrForAnotherTip() {
        UUID tip = UUID.randomUUID();
        WrappedDek wrapped = encryption.newDataKey(tip).wrapped();
        KekRing impostor = new KekRing("k1", Map.of("k1", TestKeys.aesKey()));

        assertThatThrownBy(() -> impostor.unwrap(tip, wrapped)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> ring.unwrap(UUID.randomUUID(), wrapped)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> ring.unwrap(tip, new WrappedDek("gone", wrapped.sealed())))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void shouldNeverPrintKeys() {
        assertThat(ring.toString()).contains("REDACTED").contains("k1");
        assertThat(TestKeys.aesKey().toString()).isEqualTo("SecretBytes[REDACTED]");
    }
}

package org.tipline.crypto;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * Seals a follow-up answer to the reporter page's registered ECDH key (DESIGN 6): a fresh server key pair per answer,
 * shared = ECDH(its private key, the page's key), key = HKDF-SHA256(shared, salt = the fresh public key (raw), info =
 * {@value #CONTEXT}), AES-256-GCM with the same info as additional data. Whoever logs the response, or lifts the
 * token, cannot read it without the page's private key, which WebCrypto does not let out.
 */
public final class ResponseSeal {

    static final String CONTEXT = "tipline-response-v1";

    private ResponseSeal() {
    }

    public static SealedReply to(ECPublicKey recipient, byte[] plaintext) {
        KeyPair ephemeral = IntakeKeyring.generateP256();
        byte[] epk = P256Keys.raw((ECPublicKey) ephemeral.getPublic());
        byte[] shared = IntakeEnvelope.ecdh(ephemeral.getPrivate(), recipient);
        byte[] context = CONTEXT.getBytes(StandardCharsets.UTF_8);
        byte[] key = IntakeEnvelope.hkdf(shared, epk, context);
        try {
            byte[] nonce = Aes256Gcm.randomNonce();
            return new SealedReply(SealedReply.ALGORITHM, IntakeEnvelope.base64(epk), IntakeEnvelope.base64(nonce),
                    IntakeEnvelope.base64(Aes256Gcm.sealRaw(key, nonce, plaintext, context)));
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }
}

package org.tipline.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * What the reporter's page does, written from the published formats with the JDK and BouncyCastle's Argon2 alone
 * (independently of the service's code): K of a case code from the intake key's parameters, two P-256 key pairs (one
 * for DPoP proofs, one answers are sealed to), envelopes, DPoP proofs, and opening sealed answers.
 */
public final class ReporterPage {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair dpopKeys;
    private final KeyPair responseKeys;
    private final Map<String, Object> intakeKey;

    public ReporterPage() {
        try {
            this.dpopKeys = EnvelopeClient.newP256();
            this.responseKeys = EnvelopeClient.newP256();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.intakeKey = given().get("/api/v1/intake-key").then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** K of a case code: Argon2id of the canonical code with the published salt and cost, 32 bytes, base64url. */
    @SuppressWarnings("unchecked")
    public String caseCodeKey(String caseCode) {
        Map<String, Object> parameters = (Map<String, Object>) intakeKey.get("caseCodes");
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(Base64.getUrlDecoder().decode((String) parameters.get("salt")))
                .withMemoryAsKB((Integer) parameters.get("memoryKib")).withIterations((Integer) parameters.get("iterations"))
                .withParallelism((Integer) parameters.get("parallelism")).build());
        byte[] key = new byte[32];
        argon2.generateBytes(caseCode.replace("-", "").toUpperCase().getBytes(StandardCharsets.US_ASCII), key);
        return B64URL.encodeToString(key);
    }

    /** A new random case code, as the form makes one: 16 characters of Crockford base32 (80 bits). */
    public static String newCaseCode() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(alphabet.charAt(random[i] & 31));
            if (i % 4 == 3 && i < 15) {
                code.append('-');
            }
        }
        return code.toString();
    }

    /** The page's public keys, as ReporterKeys. */
    public Map<String, Object> keys() {
        ECPublicKey dpop = (ECPublicKey) dpopKeys.getPublic();
        byte[] raw = EnvelopeClient.rawPoint(dpop);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", B64URL.encodeToString(Arrays.copyOfRange(raw, 1, 33)));
        jwk.put("y", B64URL.encodeToString(Arrays.copyOfRange(raw, 33, 65)));
        return Map.of("dpop", jwk, "response", B64URL.encodeToString(EnvelopeClient.rawPoint((ECPublicKey) responseKeys.getPublic())));
    }

    /** An envelope of {@code body} to the intake key. */
    public EnvelopeClient.Envelope seal(Object body) {
        try {
            return EnvelopeClient.sealOpenable((String) intakeKey.get("kid"), (String) intakeKey.get("publicKey"),
                    JSON.writeValueAsString(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image sealed to the intake key as bytes. */
    public EnvelopeClient.ImageEnvelope sealImage(byte[] image) {
        return EnvelopeClient.sealImage((String) intakeKey.get("kid"), (String) intakeKey.get("publicKey"), image);
    }

    /** A DPoP proof of this page's key for one request. */
    public String proof(String method, String url, String token) {
        return proof(method, url, token, Instant.now(), UUID.randomUUID().toString());
    }

    public String proof(String method, String url, String token, Instant issuedAt, String jti) {
        try {
            Map<String, Object> header = Map.of("typ", "dpop+jwt", "alg", "ES256", "jwk", keys().get("dpop"));
            Map<String, Object> claims = Map.of("htm", method, "htu", url, "iat", issuedAt.getEpochSecond(), "jti", jti,
                    "ath", B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII))));
            String signingInput = B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "." + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(dpopKeys.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext of a follow-up answer sealed to this page's response key. */
    public String open(Response sealed) {
        Map<String, String> reply = sealed.jsonPath().getMap("");
        try {
            byte[] epk = Base64.getUrlDecoder().decode(reply.get("epk"));
            java.security.spec.ECPoint point = new java.security.spec.ECPoint(new java.math.BigInteger(1, Arrays.copyOfRange(epk, 1, 33)),
                    new java.math.BigInteger(1, Arrays.copyOfRange(epk, 33, 65)));
            java.security.PublicKey serverKey = java.security.KeyFactory.getInstance("EC").generatePublic(
                    new java.security.spec.ECPublicKeySpec(point, ((ECPublicKey) responseKeys.getPublic()).getParams()));
            byte[] shared = EnvelopeClient.ecdh(responseKeys.getPrivate(), serverKey);
            byte[] info = "tipline-response-v1".getBytes(StandardCharsets.UTF_8);
            return EnvelopeClient.aesGcmOpen(EnvelopeClient.hkdfSha256(shared, epk, info, 32), reply.get("iv"), reply.get("ciphertext"), info);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

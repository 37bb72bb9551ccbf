package org.tipline.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/** Public P-256 keys that browsers send, parsed and validated: an off-curve point would leak bits of a private key. */
public final class P256Keys {

    private static final int RAW_POINT_BYTES = 65;
    private static final int COORDINATE_BYTES = 32;
    private static final ECParameterSpec PARAMETERS = ((ECPublicKey) IntakeKeyring.generateP256().getPublic()).getParams();

    private P256Keys() {
    }

    /** A raw uncompressed point (65 bytes, WebCrypto "raw"); empty unless it is a valid point of P-256. */
    public static Optional<ECPublicKey> fromRaw(byte[] rawPoint) {
        if (rawPoint == null || rawPoint.length != RAW_POINT_BYTES || rawPoint[0] != 0x04) {
            return Optional.empty();
        }
        try {
            return Optional.of(toJava(IntakeKeyring.P256.getCurve().decodePoint(rawPoint)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** A raw point in base64url; empty unless it is a valid point of P-256. */
    public static Optional<ECPublicKey> fromRawBase64Url(String encoded) {
        try {
            return encoded == null ? Optional.empty() : fromRaw(Base64.getUrlDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The JWK coordinates x and y (base64url, 32 bytes each); empty unless they make a valid point of P-256. */
    public static Optional<ECPublicKey> fromJwkCoordinates(String x, String y) {
        try {
            byte[] xBytes = Base64.getUrlDecoder().decode(x);
            byte[] yBytes = Base64.getUrlDecoder().decode(y);
            if (xBytes.length != COORDINATE_BYTES || yBytes.length != COORDINATE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(toJava(IntakeKeyring.P256.getCurve().createPoint(new BigInteger(1, xBytes), new BigInteger(1, yBytes))));
        } catch (IllegalArgumentException | GeneralSecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The raw uncompressed form of a public key. */
    public static byte[] raw(ECPublicKey key) {
        return IntakeKeyring.P256.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()).getEncoded(false);
    }

    /** A BouncyCastle point of P-256 as a JDK public key; refused unless it is a valid, finite point. */
    static ECPublicKey toJava(org.bouncycastle.math.ec.ECPoint decoded) throws GeneralSecurityException {
        org.bouncycastle.math.ec.ECPoint point = decoded.normalize();
        if (point.isInfinity() || !point.isValid()) {
            throw new GeneralSecurityException("not a point of P-256");
        }
        ECPoint javaPoint = new ECPoint(point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(javaPoint, PARAMETERS));
    }
}

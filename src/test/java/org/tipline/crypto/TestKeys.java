package org.tipline.crypto;

import java.security.SecureRandom;
import java.util.Map;

/** Random keys for crypto tests that run without the application. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static SecretBytes aesKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SecretBytes.copyOf(key);
    }

    static KekRing ring(String activeId, String... otherIds) {
        java.util.HashMap<String, SecretBytes> keys = new java.util.HashMap<>();
        keys.put(activeId, aesKey());
        for (String id : otherIds) {
            keys.put(id, aesKey());
        }
        return new KekRing(activeId, Map.copyOf(keys));
    }
}

package org.tipline.crypto;

/** Server secrets with random keys, for unit tests outside this package. */
public final class ServerSecretsForTests {

    private ServerSecretsForTests() {
    }

    public static ServerSecrets random() {
        return new ServerSecrets(TestKeys.aesKey(), new byte[16]);
    }
}

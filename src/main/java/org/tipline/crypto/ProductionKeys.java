package org.tipline.crypto;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A complete set of the keys that the prod profile refuses to start without (KEK, pepper, case-code salt, intake
 * key, token signing pair), fresh from a secure generator: what {@code java -jar quarkus-run.jar generate-keys}
 * prints, and what dev and test generate into their key files. It prints itself as a properties file, as a compose
 * {@code .env} file or as a Kubernetes Secret, and as nothing else: its {@code toString} holds no key.
 */
public final class ProductionKeys {

    /** Every key setting, in the order the forms list them. */
    public static final List<String> SETTINGS = List.of("tipline.crypto.kek.active", "tipline.crypto.kek.keys",
            "tipline.crypto.pepper", "tipline.crypto.case-code-salt", "tipline.intake-key.id",
            "tipline.intake-key.private-key", "tipline.auth.signing-key", "tipline.auth.verification-key");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> values;

    private ProductionKeys(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** New keys; {@code kekId} names the KEK, {@code intakeKeyId} the intake key (both are published or stored). */
    public static ProductionKeys generate(String kekId, String intakeKeyId) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("tipline.crypto.kek.active", kekId);
        keys.put("tipline.crypto.kek.keys", kekId + ":" + randomBase64(32));
        keys.put("tipline.crypto.pepper", randomBase64(32));
        keys.put("tipline.crypto.case-code-salt", randomBase64(16));
        keys.put("tipline.intake-key.id", intakeKeyId);
        keys.put("tipline.intake-key.private-key", IntakeKeyring.generatePkcs8());
        KeyPair signing = IntakeKeyring.generateP256();
        keys.put("tipline.auth.signing-key", pem("PRIVATE KEY", signing.getPrivate().getEncoded()));
        keys.put("tipline.auth.verification-key", pem("PUBLIC KEY", signing.getPublic().getEncoded()));
        return new ProductionKeys(keys);
    }

    /** Setting name to value, in {@link #SETTINGS} order. */
    public Map<String, String> values() {
        return values;
    }

    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /** A properties file, e.g. for {@code QUARKUS_CONFIG_LOCATIONS=file:/run/secrets/tipline.properties}. */
    public String asProperties() {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(name).append('=').append(escapeProperty(value)).append('\n'));
        return out.toString();
    }

    /**
     * Environment variables, one a line, as compose reads its {@code .env} file: single-quoted (taken literally) and on
     * one line each, the PEM keys too (smallrye-jwt reads a PEM key without its line breaks).
     */
    public String asEnvFile() {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> out.append(environmentName(name)).append("='").append(value.replace("\n", ""))
                .append("'\n"));
        return out.toString();
    }

    /** A Kubernetes Secret of the environment variables ({@code stringData}), for a Deployment's {@code envFrom}. */
    public String asSecret(String secretName) {
        StringBuilder out = new StringBuilder();
        out.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").append(secretName)
                .append("\ntype: Opaque\nstringData:\n");
        values.forEach((name, value) -> {
            out.append("  ").append(environmentName(name)).append(':');
            if (value.contains("\n")) {
                out.append(" |\n");
                value.lines().forEach(line -> out.append("    ").append(line).append('\n'));
            } else {
                // Quoted, so that YAML never reads an id such as 2026-11 as anything but text.
                out.append(" \"").append(value).append("\"\n");
            }
        });
        return out.toString();
    }

    /** The environment variable of a setting: upper case, {@code .} and {@code -} as {@code _}. */
    public static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Override
    public String toString() {
        return "ProductionKeys[" + String.join(", ", values.keySet()) + ": redacted]";
    }

    private static String escapeProperty(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----";
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}

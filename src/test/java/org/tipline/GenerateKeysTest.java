package org.tipline;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tipline.crypto.ProductionKeys;
import org.yaml.snakeyaml.Yaml;

/** {@code generate-keys}: every key the prod profile needs, in forms that read back to the same values. */
class GenerateKeysTest {

    private record Output(int status, String out, String err) {
    }

    private static Output run(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TiplineMain.generateKeys(List.of(options), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintTheSameKeysAsAPropertiesFileAndAsASecret() throws Exception {
        Output output = run();

        assertThat(output.status()).isZero();
        String text = output.out();
        int secretStart = text.indexOf("apiVersion: v1");
        Map<String, String> properties = properties(text.substring(0, secretStart));
        Map<String, String> secret = secretData(text.substring(secretStart));
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(ProductionKeys.SETTINGS);
        for (String setting : ProductionKeys.SETTINGS) {
            assertThat(secret.get(ProductionKeys.environmentName(setting))).as(setting).isEqualTo(properties.get(setting));
        }
        assertUsable(properties);
    }

    @Test
    void shouldPrintEachFormAloneWithFreshKeys() throws Exception {
        Map<String, String> first = properties(run("--format", "properties").out());
        Map<String, String> second = properties(run("--format=properties").out());
        Map<String, String> secret = secretData(run("--format", "secret").out());

        assertUsable(first);
        assertThat(first.get("tipline.crypto.pepper")).isNotEqualTo(second.get("tipline.crypto.pepper"));
        assertThat(secret).containsOnlyKeys(ProductionKeys.SETTINGS.stream().map(ProductionKeys::environmentName).toList());
    }

    @Test
    void shouldPrintAnEnvFileThatComposeReadsLiterally() throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String line : run("--format", "env").out().split("\n")) {
            String name = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            assertThat(value).startsWith("'").endsWith("'").doesNotContain("\\").doesNotContain("#");
            String setting = ProductionKeys.SETTINGS.stream().filter(s -> ProductionKeys.environmentName(s).equals(name))
                    .findFirst().orElseThrow();
            settings.put(setting, value.substring(1, value.length() - 1));
        }

        assertThat(settings.keySet()).containsExactlyInAnyOrderElementsOf(ProductionKeys.SETTINGS);
        assertUsable(settings);
    }

    @Test
    void shouldRefuseAnUnknownFormatWithUsage() {
        Output output = run("--format", "json");

        assertThat(output.status()).isEqualTo(TiplineMain.USAGE);
        assertThat(output.out()).isEmpty();
        assertThat(output.err()).contains("generate-keys");
        assertThat(run("--verbose").status()).isEqualTo(TiplineMain.USAGE);
    }

    @Test
    void shouldNotPrintKeysWhenPrintedItself() {
        ProductionKeys keys = ProductionKeys.generate("2026-11", "2026-11");

        assertThat(keys.toString()).doesNotContain(keys.values().get("tipline.crypto.pepper")).contains("redacted");
    }

    /** Sizes as the prod profile checks them, and a signing pair that belongs together. */
    private static void assertUsable(Map<String, String> settings) throws Exception {
        String active = settings.get("tipline.crypto.kek.active");
        String kek = settings.get("tipline.crypto.kek.keys");
        assertThat(kek).startsWith(active + ":");
        assertThat(Base64.getDecoder().decode(kek.substring(active.length() + 1))).hasSize(32);
        assertThat(Base64.getDecoder().decode(settings.get("tipline.crypto.pepper"))).hasSize(32);
        assertThat(Base64.getDecoder().decode(settings.get("tipline.crypto.case-code-salt"))).hasSize(16);
        assertThat(settings.get("tipline.intake-key.id")).isNotBlank();
        assertThat(KeyUtils.decodePrivateKey(pkcs8Pem(settings.get("tipline.intake-key.private-key")), SignatureAlgorithm.ES256))
                .isNotNull();
        PrivateKey signing = KeyUtils.decodePrivateKey(settings.get("tipline.auth.signing-key"), SignatureAlgorithm.ES256);
        PublicKey verification = KeyUtils.decodePublicKey(settings.get("tipline.auth.verification-key"), SignatureAlgorithm.ES256);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(signing);
        signer.update(new byte[] { 1, 2, 3 });
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(verification);
        verifier.update(new byte[] { 1, 2, 3 });
        assertThat(verifier.verify(signature)).isTrue();
    }

    private static String pkcs8Pem(String base64) {
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----";
    }

    private static Map<String, String> properties(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> secretData(String yaml) {
        Map<String, Object> secret = new Yaml().load(yaml);
        assertThat(secret).containsEntry("kind", "Secret").containsEntry("apiVersion", "v1");
        assertThat((Map<String, Object>) secret.get("metadata")).containsEntry("name", "tipline-keys");
        Map<String, String> data = new HashMap<>();
        ((Map<String, Object>) secret.get("stringData")).forEach((name, value) -> {
            assertThat(value).as(name + " is text").isInstanceOf(String.class);
            data.put(name, ((String) value).strip());
        });
        return data;
    }
}

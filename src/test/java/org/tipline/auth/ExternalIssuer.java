package org.tipline.auth;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Plays an organisation's OpenID Connect provider for the tests: an RSA key pair whose public half is
 * served as a JWKS over a real local HTTP server, and tokens signed with the private half. Its settings
 * switch Tipline to {@code tipline.auth.mode=external-oidc}.
 */
public class ExternalIssuer implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://idp.test.tipline.local/realms/district";
    static final String AUDIENCE = "tipline-console";
    static final String KEY_ID = "idp-key-1";

    private static KeyPair keys;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        keys = rsaKeyPair();
        String jwks = jwks((RSAPublicKey) keys.getPublic());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "tipline.auth.mode", "external-oidc",
                "tipline.auth.external.issuer", ISSUER,
                "tipline.auth.external.audience", AUDIENCE,
                "tipline.auth.external.jwks-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The claims a provider would put in a token for this email: issuer, audience, a subject of its own. */
    static JwtClaimsBuilder claims(String email) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("idp-user-" + email.hashCode()).claim("email", email)
                .issuedAt(now).expiresAt(now.plusSeconds(300));
    }

    /** Signed with the provider's key, as its JWKS announces it. */
    static String sign(JwtClaimsBuilder claims) {
        return sign(claims, keys.getPrivate());
    }

    static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(KEY_ID);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}

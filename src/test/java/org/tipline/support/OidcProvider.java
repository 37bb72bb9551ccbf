package org.tipline.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Plays an organisation's OpenID Connect provider for the tests, over a real local HTTP server: a JWKS with its RSA
 * key, an authorization endpoint with a login page that asks only for an email and approves (or cancels), a token
 * endpoint that checks the code, client, redirect URI and PKCE verifier (S256 only) and answers CORS for the console,
 * and an end-session endpoint. Two clients are registered: the Tipline console, and another application of the same
 * organisation whose tokens Tipline must refuse. Its settings switch Tipline to {@code tipline.auth.mode=external-oidc}.
 */
public class OidcProvider implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.test.tipline.local/realms/district";
    /** The console's client id, which is also the audience Tipline accepts. */
    public static final String CONSOLE_CLIENT = "tipline-console";
    /** Another application at the same provider, e.g. the district's library system. */
    public static final String OTHER_CLIENT = "district-library";
    public static final String OTHER_REDIRECT = "https://library.example.org/callback";
    static final String KEY_ID = "idp-key-1";

    private static final Pattern CONSOLE_REDIRECT = Pattern.compile("http://(localhost|127\\.0\\.0\\.1):[0-9]+/console");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code the provider handed out, with what it was handed out for. */
    private record Grant(String clientId, String redirectUri, String challenge, String email) {
    }

    private static final Map<String, Grant> CODES = new ConcurrentHashMap<>();
    private static final List<Map<String, String>> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    private static final List<String> SIGN_OUTS = new CopyOnWriteArrayList<>();
    private static KeyPair keys;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        keys = rsaKeyPair();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jwks = jwks((RSAPublicKey) keys.getPublic());
        server.createContext("/jwks", exchange -> send(exchange, 200, "application/json", jwks));
        server.createContext("/authorize", OidcProvider::authorize);
        server.createContext("/token", OidcProvider::token);
        server.createContext("/logout", OidcProvider::logout);
        server.start();
        return Map.of(
                "tipline.auth.mode", "external-oidc",
                "tipline.auth.external.issuer", ISSUER,
                "tipline.auth.external.audience", CONSOLE_CLIENT,
                "tipline.auth.external.jwks-url", url("/jwks"),
                "tipline.auth.external.authorization-endpoint", url("/authorize"),
                "tipline.auth.external.token-endpoint", url("/token"),
                "tipline.auth.external.end-session-endpoint", url("/logout"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The provider's address for a path, e.g. {@code url("/token")}. */
    public static String url(String path) {
        return origin() + path;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public static String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The form of every request the token endpoint received, oldest first. */
    public static List<Map<String, String>> tokenRequests() {
        return List.copyOf(TOKEN_REQUESTS);
    }

    /** The post-logout redirect URI of every session ended at the end-session endpoint. */
    public static List<String> signOuts() {
        return List.copyOf(SIGN_OUTS);
    }

    /** The claims the provider puts in a token for this email: issuer, the console as audience, a subject of its own. */
    public static JwtClaimsBuilder claims(String email) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(CONSOLE_CLIENT).subject("idp-user-" + email.hashCode()).claim("email", email)
                .issuedAt(now).expiresAt(now.plusSeconds(300));
    }

    /** Signed with the provider's key, as its JWKS announces it. */
    public static String sign(JwtClaimsBuilder claims) {
        return sign(claims, keys.getPrivate());
    }

    public static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)) without padding. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- endpoints ----

    /** GET: the login page of a valid request; POST (the page's form): a code, or access_denied, to the redirect URI. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = "POST".equals(exchange.getRequestMethod()) ? form(exchange) : query(exchange);
        String client = request.getOrDefault("client_id", "");
        String redirect = request.getOrDefault("redirect_uri", "");
        if (!registered(client, redirect)) {
            // Never redirect to an address the client did not register.
            send(exchange, 400, "text/plain", "unknown client or redirect URI");
            return;
        }
        String state = request.getOrDefault("state", "");
        if (!"code".equals(request.get("response_type")) || !"S256".equals(request.get("code_challenge_method"))
                || request.getOrDefault("code_challenge", "").isEmpty()) {
            redirect(exchange, redirect + "?error=invalid_request&state=" + encode(state));
        } else if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 200, "text/html; charset=utf-8", loginPage(request));
        } else if (request.containsKey("cancel") || request.getOrDefault("email", "").isBlank()) {
            redirect(exchange, redirect + "?error=access_denied&state=" + encode(state));
        } else {
            String code = random();
            CODES.put(code, new Grant(client, redirect, request.get("code_challenge"), request.get("email").trim()));
            redirect(exchange, redirect + "?code=" + code + "&state=" + encode(state));
        }
    }

    private static void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Accept");
            send(exchange, 204, "text/plain", "");
            return;
        }
        Map<String, String> request = form(exchange);
        TOKEN_REQUESTS.add(request);
        // A code is good once, whatever the outcome of its first use.
        Grant grant = request.containsKey("code") ? CODES.remove(request.get("code")) : null;
        String verifier = request.getOrDefault("code_verifier", "");
        if (grant == null || !"authorization_code".equals(request.get("grant_type"))
                || !grant.clientId().equals(request.get("client_id")) || !grant.redirectUri().equals(request.get("redirect_uri"))
                || !VERIFIER.matcher(verifier).matches() || !MessageDigest.isEqual(
                        challenge(verifier).getBytes(StandardCharsets.US_ASCII), grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = sign(claims(grant.email()).audience(grant.clientId()).claim("azp", grant.clientId()));
        String idToken = sign(claims(grant.email()).audience(grant.clientId()));
        send(exchange, 200, "application/json", "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"id_token\":\"" + idToken + "\",\"scope\":\"openid email\"}");
    }

    private static void logout(HttpExchange exchange) throws IOException {
        Map<String, String> request = query(exchange);
        String back = request.getOrDefault("post_logout_redirect_uri", "");
        if (!registered(request.getOrDefault("client_id", ""), back)) {
            send(exchange, 400, "text/plain", "unknown client or post-logout redirect URI");
            return;
        }
        SIGN_OUTS.add(back);
        redirect(exchange, back);
    }

    private static boolean registered(String client, String redirect) {
        return CONSOLE_CLIENT.equals(client) ? CONSOLE_REDIRECT.matcher(redirect).matches()
                : OTHER_CLIENT.equals(client) && OTHER_REDIRECT.equals(redirect);
    }

    private static String loginPage(Map<String, String> request) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge",
                "code_challenge_method")) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(html(request.getOrDefault(name, ""))).append("\">");
        }
        return "<!doctype html><html><head><title>District sign-in</title><link rel=\"icon\" href=\"data:,\"></head><body><h1>District sign-in</h1>"
                + "<form method=\"post\" action=\"/authorize\">" + hidden
                + "<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\">"
                + "<button id=\"approve\" type=\"submit\">Sign in</button>"
                + "<button id=\"cancel\" name=\"cancel\" value=\"1\" type=\"submit\">Cancel</button></form></body></html>";
    }

    // ---- plumbing ----

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, "text/plain", "");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return parameters(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String jwks(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(KEY_ID);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}

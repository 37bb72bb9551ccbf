package org.tipline.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake SMS gateway for every test, as GreenMail is the SMTP server: a JDK HTTP server on a free port that answers
 * the common "Messages" API (form-encoded POST, basic auth) with 201, records every request, and can be told to fail.
 */
public class SmsGatewayResource implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/2010-04-01/Accounts/AC-test/Messages.json";
    public static final String ACCOUNT = "AC-test";
    public static final String TOKEN = "sms-test-token";
    public static final String FROM = "+13075550100";

    /** One request as the gateway received it. */
    public record Request(String method, String path, String contentType, String authorization, Map<String, String> form) {

        /** The user name and password of the basic auth header, or null without one. */
        public String basicCredentials() {
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return null;
            }
            return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        }
    }

    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", SmsGatewayResource::handle);
        // Several outbox senders post at once, as they would to a real gateway.
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return Map.of(
                "tipline.sms.url", "http://127.0.0.1:" + server.getAddress().getPort() + PATH,
                "tipline.sms.account", ACCOUNT,
                "tipline.sms.token", TOKEN,
                "tipline.sms.from", FROM);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Every request received so far, in order of arrival. */
    public static List<Request> requests() {
        return List.copyOf(REQUESTS);
    }

    /** The requests sent to one number, in order of arrival. */
    public static List<Request> sentTo(String number) {
        return REQUESTS.stream().filter(r -> number.equals(r.form().get("To"))).toList();
    }

    /** The next {@code count} requests are answered 503 (and recorded all the same). */
    public static void failNext(int count) {
        FAILURES_LEFT.set(count);
    }

    /** Back to answering 201, and nothing recorded. */
    public static void reset() {
        FAILURES_LEFT.set(0);
        REQUESTS.clear();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            REQUESTS.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
                    parse(form)));
            boolean fail = FAILURES_LEFT.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            // Gateways echo the number and the text in their answers: the application must keep none of it.
            byte[] answer = (fail ? "{\"message\":\"unavailable\"}" : "{\"status\":\"queued\",\"body\":" + quoted(form) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 201, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> pairs = form.isEmpty() ? new ArrayList<>() : List.of(form.split("&"));
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

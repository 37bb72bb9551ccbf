package org.tipline.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sends an SMS outbox message through the configured HTTP gateway: {@code POST <tipline.sms.url>} with the form
 * {@code To}, {@code From}, {@code Body} and basic auth, the request shape of the most common SMS API. Any 2xx is
 * accepted; any other status, or an I/O error, is a failure that the worker retries like a mail's. The response body
 * is never read into anything kept: gateways echo the number and the text.
 *
 * <p>Created at start-up, so that a gateway configured in part stops the start ({@link SmsGateway#of}).
 */
@ApplicationScoped
@Startup
class SmsSender {

    private final ObjectMapper json;
    private final Optional<SmsGateway> gateway;
    private final Duration timeout;
    private final HttpClient http;

    SmsSender(ObjectMapper json, SmsSettings sms, NotifySettings notify) {
        this.json = json;
        this.gateway = SmsGateway.of(sms);
        this.timeout = notify.sendTimeout();
        // No redirects: a gateway that answers 3xx did not take the message.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(OutboxMessage message) throws IOException {
        // A message enqueued while a gateway was configured, and due after it was removed: retried, then dead.
        SmsGateway to = gateway.orElseThrow(() -> new SendFailure("SMS gateway not configured"));
        SmsText text = json.readValue(message.payload, SmsText.class);
        HttpRequest request = HttpRequest.newBuilder(to.url()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(to.account(), to.token()))
                .POST(HttpRequest.BodyPublishers.ofString(form(message.recipient, to.from(), text.render())))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new SendFailure("SMS gateway answered HTTP " + response.statusCode());
        }
    }

    static String form(String to, String from, String body) {
        return "To=" + encoded(to) + "&From=" + encoded(from) + "&Body=" + encoded(body);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

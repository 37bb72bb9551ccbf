package org.tipline.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Guessing a password in parallel: the growing delay after failures must hold for parallel attempts too, so that a
 * guesser gets at most one checked attempt per delay, however many requests they send at once.
 */
@QuarkusTest
class ParallelSignInTest {

    private static Response login(String email) {
        return given().contentType("application/json").body(Map.of("email", email, "password", "wrong guess " + UUID.randomUUID()))
                .post("/api/v1/auth/login");
    }

    @Test
    void shouldCheckAtMostOneParallelGuessPerDelay() throws Exception {
        String email = "guessed-" + UUID.randomUUID() + "@test.tipline.local";
        for (int i = 0; i < 6; i++) {
            login(email).then().statusCode(401); // earns the longest delay
        }
        Duration maxDelay = ConfigProvider.getConfig().getValue("tipline.auth.max-failure-delay", Duration.class);
        int parallel = 20;
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return login(email);
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            int checked = 0;
            int refused = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 401) {
                    checked++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(429);
                    assertThat(response.header("Retry-After")).isNotBlank();
                    refused++;
                }
            }
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();

            assertThat(checked + refused).isEqualTo(parallel);
            assertThat(checked).as("checked guesses in %d ms with a %d ms delay", elapsedMillis, maxDelay.toMillis())
                    .isLessThanOrEqualTo(1 + (int) (elapsedMillis / maxDelay.toMillis()));
        } finally {
            threads.shutdownNow();
        }
    }
}

package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceNumbersTest {

    @Inject
    ReferenceNumbers references;

    /** A year no other test uses, so that its numbering starts here. */
    private static int unusedYear() {
        return ThreadLocalRandom.current().nextInt(3000, 9000);
    }

    private String next(int year) {
        return QuarkusTransaction.requiringNew().call(() -> references.next(year));
    }

    @Test
    void shouldNumberEachYearFromOneUpwards() {
        int year = unusedYear();

        assertThat(next(year)).isEqualTo("T-%d-000001".formatted(year));
        assertThat(next(year)).isEqualTo("T-%d-000002".formatted(year));
        assertThat(next(year + 1)).as("another year starts at 1").isEqualTo("T-%d-000001".formatted(year + 1));
    }

    @Test
    void shouldNeverGiveANumberTwiceWhenTheFirstTipsOfAYearArriveAtOnce() throws Exception {
        int year = unusedYear();
        int tips = 12;
        ExecutorService pool = Executors.newFixedThreadPool(tips);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> drawn = new ArrayList<>();
        for (int i = 0; i < tips; i++) {
            Callable<String> draw = () -> {
                start.await();
                return next(year);
            };
            drawn.add(pool.submit(draw));
        }
        start.countDown();
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        for (Future<String> number : drawn) {
            numbers.add(number.get());
        }
        pool.shutdown();

        assertThat(numbers).hasSize(tips).allSatisfy(number -> assertThat(number).matches("T-" + year + "-0000[0-9]{2}"));
        assertThat(numbers).contains("T-%d-000001".formatted(year));
    }

    @Test
    void shouldLeaveTheNumberOfAFailedTipUnusedAndGoOnAboveIt() {
        int year = unusedYear();
        next(year);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                references.next(year);
                throw new IllegalStateException("the tip's transaction fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertThat(next(year)).isEqualTo("T-%d-000003".formatted(year));
    }
}

package org.tipline.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BoundedPoolTest {

    @Test
    void shouldRefuseAtOnceWhenTooManyWaitAndAfterMaxWaitOtherwise() throws Exception {
        BoundedPool<String> pool = new BoundedPool<>(List.of("only"), 1, Duration.ofSeconds(5));
        String taken = pool.acquire();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch waiting = new CountDownLatch(1);
            Future<String> waiter = threads.submit(() -> {
                waiting.countDown();
                return pool.acquire();
            });
            waiting.await();
            Thread.sleep(100); // the waiter is now queued for the one item

            assertThatThrownBy(pool::acquire).isInstanceOf(HashingBusyException.class);
            pool.release(taken);
            assertThat(waiter.get()).isEqualTo("only");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldGiveUpAfterTheLongestWait() {
        BoundedPool<String> pool = new BoundedPool<>(List.of("only"), 10, Duration.ofMillis(50));
        pool.acquire();

        assertThatThrownBy(pool::acquire).isInstanceOf(HashingBusyException.class);
        assertThat(pool.free()).isZero();
    }
}

package io.crmsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The sync worker's pool for the messages of one SQS batch: bounded, and refusing a setting that runs nothing. */
class MessagesAtOnceTest {

    @Test
    void messagesAtOnceBelowOne_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new MessagesAtOnce(config(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crmsync.sync.messages-at-once must be at least 1");
    }

    @Test
    void threeMessagesWithAPoolOfTwo_twoRunAtOnce_theThirdWaitsForAThread() throws Exception {
        // given a pool of two, and three messages that each wait until released
        MessagesAtOnce pool = new MessagesAtOnce(config(2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch twoStarted = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try {
            // when all three are subscribed, as Funqy subscribes a batch's Unis
            var unis = java.util.stream.IntStream.range(0, 3).mapToObj(i -> pool.run(() -> {
                threads.add(Thread.currentThread().getName());
                twoStarted.countDown();
                await(release);
                return i;
            })).toList();
            var all = Uni.combine().all().unis(unis).with(list -> list.stream().map(Integer.class::cast).toList()).subscribeAsCompletionStage();

            // then two run at once on the pool's daemon threads, and all three finish once released
            assertThat(twoStarted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("sync-message-"));
            release.countDown();
            assertThat(all.toCompletableFuture().get(5, TimeUnit.SECONDS)).containsExactly(0, 1, 2);
        } finally {
            pool.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A SyncConfig answering {@code messagesAtOnce} only, as the pool reads nothing else. */
    private static SyncConfig config(int messagesAtOnce) {
        return (SyncConfig) Proxy.newProxyInstance(SyncConfig.class.getClassLoader(), new Class<?>[] { SyncConfig.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("messagesAtOnce")) {
                        return messagesAtOnce;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

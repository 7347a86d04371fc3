package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.crmsync.config.SecretResolver;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Several Lambda instances of a function against one portal: deployed, each instance has its own HubSpot client and
 * pacer, and none knows what the others send; only the rate-limit headers tell. Here {@code instances} clients (each
 * its own pacer, as each instance has) send 200-record batch reads from {@code workers} threads each, flat out, against
 * the sandbox's 190 calls per 10 s with 300 ms a call, and the benchmark prints the calls per second, the 429s
 * answered (each met by a retry) and the calls that failed for good. Run with
 * {@code ./mvnw test -pl functions -am -Dtest=IndependentPacersBenchmark -Dgroups=benchmark -DexcludedGroups=
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbenchmark.instances=}, {@code -Dbenchmark.seconds=}).
 */
@Tag("benchmark")
@QuarkusTest
class IndependentPacersBenchmark {

    @Inject
    HubSpotConfig config;
    @Inject
    SecretResolver secrets;

    @AfterEach
    void clear() {
        HubSpotSandboxTestResource.resetSandbox();
    }

    @Test
    void independentPacers_againstOnePortalLimit_countThe429sTheyMeet() throws Exception {
        int instances = Integer.getInteger("benchmark.instances", 2);
        int workers = Integer.getInteger("benchmark.workers-per-instance", 2);
        int seconds = Integer.getInteger("benchmark.seconds", 40);
        HubSpotSandbox sandbox = HubSpotSandboxTestResource.resetSandbox();
        sandbox.faults().latency(Duration.ofMillis(300));
        sandbox.rateLimits().window(Duration.ofSeconds(10), 190);
        List<String> ids = sandbox.seed("contacts", 200, i -> Map.of("email", "pacer" + i + "@example.com"));

        List<HubSpotClient> clients = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            HubSpotClient client = new HubSpotClient(config, secrets);
            client.init();
            clients.add(client);
        }
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(instances * workers);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (HubSpotClient client : clients) {
            for (int w = 0; w < workers; w++) {
                running.add(threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            client.batchRead("contacts", ids, List.of("email"), Optional.empty());
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            synchronized (failures) {
                                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                        }
                    }
                }));
            }
        }
        for (Future<?> f : running) {
            f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        threads.shutdownNow();

        long calls = clients.stream().mapToLong(c -> c.calls().total()).sum();
        long served = sandbox.served().total();
        System.out.printf("%n=== IndependentPacersBenchmark: %d clients (own pacers) x %d workers, %d s, HubSpot 300 ms a"
                + " call, 190 calls per 10 s ===%n", instances, workers, seconds);
        System.out.printf("calls sent %d (%.1f/s = %.2f of the 19/s ceiling); 429s answered %d (each met by a retry);"
                + " calls failed for good %d%s%n", calls, served / elapsed, served / elapsed / 19.0,
                sandbox.statuses().count("429"), failed.get(), failures.isEmpty() ? "" : " " + failures.subList(0,
                        Math.min(3, failures.size())));
        clients.forEach(c -> System.out.printf("client pacer waits (ms summed over its threads): %s%n", c.pacerWaits()));
        assertThat(calls).isPositive();
        clients.forEach(HubSpotClient::stop);
    }
}

package io.crmsync.packaged;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.scheduled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cold and warm start of the packaged {@code api} and {@code poll} functions, started as Lambda starts them (see
 * {@link PackagedFunctionsIT}): process start to first answer, median of 5 cold starts, and the warm latency of 20
 * invocations after that. Prints numbers; asserts nothing about time. Run on request:
 * {@code ./mvnw verify -pl functions -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ColdStartBenchmarkIT -Dgroups=benchmark -DexcludedGroups=}
 */
@Tag("benchmark")
class ColdStartBenchmarkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLD_STARTS = 5;
    private static final int WARM_INVOCATIONS = 20;

    private static PackagedStack stack;

    @BeforeAll
    static void stack() throws Exception {
        stack = PackagedStack.start("cold-start");
        stack.salesforce.seed("Contact", 100, i -> Map.of("LastName", "Hopper " + i, "Email", "grace" + i + "@example.com"));
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    @Test
    void api_tableOnlyRoute_coldAndWarm() throws Exception {
        measure("ApiFunction", "api GET /imports (DynamoDB only)", () -> httpRequest("GET", "/imports", null, null));
    }

    @Test
    void api_salesforceRoute_coldAndWarm() throws Exception {
        measure("ApiFunction", "api POST /imports/review (SSM, Salesforce login and a COUNT query)",
                () -> httpRequest("POST", "/imports/review", null, "{\"object\":\"contacts\"}"));
    }

    @Test
    void poll_coldAndWarm() throws Exception {
        measure("PollFunction", "poll (scheduled)", () -> scheduled(Instant.now().toString()));
    }

    private void measure(String logicalId, String what, java.util.function.Supplier<Object> event) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> init = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int run = 0; run < COLD_STARTS; run++) {
            try (PackagedFunction function = stack.start(logicalId, false)) {
                // the first event waits for the runtime from the moment the process starts, as a cold invoke does
                function.invokeOk(JSON.writeValueAsString(event.get()));
                cold.add(millis(System.nanoTime() - function.startedAt()));
                init.add(millis(function.initNanos()));
                cpu.add(millis(function.cpuNanos()));
                if (run == COLD_STARTS - 1) {
                    for (int i = 0; i < WARM_INVOCATIONS; i++) {
                        long start = System.nanoTime();
                        function.invokeOk(JSON.writeValueAsString(event.get()));
                        warm.add(millis(System.nanoTime() - start));
                    }
                }
            }
        }
        System.out.printf("%n== cold start: %s (function.zip under the runtime interface client, %d runs; load average %.1f on %d cores) ==%n",
                what, COLD_STARTS, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  process start -> first answer  median %.0f ms  (runs: %s)%n", median(cold), rounded(cold));
        System.out.printf("  process start -> init done     median %.0f ms%n", median(init));
        System.out.printf("  CPU time to first answer       median %.0f ms  (all threads; barely depends on the load)%n",
                median(cpu));
        System.out.printf("  warm invoke (%d after start)   median %.1f ms, max %.1f ms%n%n", WARM_INVOCATIONS,
                median(warm), Collections.max(warm));
    }

    private static double millis(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}

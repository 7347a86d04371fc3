package io.crmsync.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;


/**
 * 100,000 seeded contacts: upserts by email and searches must stay quick enough for import benchmarks. A benchmark,
 * not part of the normal run: its time limits are generous, but a timed check still fails on a machine busy enough.
 */
@Tag("benchmark")
class HubSpotSandboxScaleTest {

    static HubSpotSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = HubSpotSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void hundredThousandContacts_seedUpsertAndSearchStayFast() {
        // given
        long seedStart = System.nanoTime();
        sandbox.seed("contacts", 100_000, i -> Map.of("email", "bulk" + i + "@example.com",
                "lifecyclestage", i % 10 == 0 ? "customer" : "lead"));
        Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

        // when: a few upserts by email through a plain HTTP client (the first call warms the JIT)
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Duration upsert = Duration.ZERO;
        for (int round = 0; round < 5; round++) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                            + "/crm/v3/objects/contacts/batch/upsert"))
                    .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"idProperty\":\"email\","
                            + "\"id\":\"BULK9999" + round + "@example.com\",\"properties\":{\"firstname\":\"Last\"}}]}"))
                    .build();
            long upsertStart = System.nanoTime();
            var response = sendQuietly(http, request);
            upsert = Duration.ofNanos(System.nanoTime() - upsertStart);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"new\":false");
        }
        Duration search = Duration.ZERO;
        for (int round = 0; round < 3; round++) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                            + "/crm/v3/objects/contacts/search"))
                    .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"filterGroups\":[{\"filters\":[{"
                            + "\"propertyName\":\"lifecyclestage\",\"operator\":\"EQ\",\"value\":\"customer\"}]}],"
                            + "\"sorts\":[{\"propertyName\":\"lastmodifieddate\",\"direction\":\"ASCENDING\"}],"
                            + "\"limit\":200,\"after\":\"" + (round * 200) + "\"}"))
                    .build();
            long searchStart = System.nanoTime();
            var response = sendQuietly(http, request);
            search = Duration.ofNanos(System.nanoTime() - searchStart);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"total\":10000");
        }

        // then
        System.out.printf("HubSpot sandbox scale: seed 100k %d ms, last of 5 upserts by email %d ms, last of 3 search pages (10,000 matches sorted) %d ms%n",
                seeding.toMillis(), upsert.toMillis(), search.toMillis());
        assertThat(seeding).isLessThan(Duration.ofSeconds(20));
        assertThat(upsert).isLessThan(Duration.ofMillis(100));
        assertThat(search).isLessThan(Duration.ofMillis(500));
    }

    private static java.net.http.HttpResponse<String> sendQuietly(java.net.http.HttpClient http,
            java.net.http.HttpRequest request) {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

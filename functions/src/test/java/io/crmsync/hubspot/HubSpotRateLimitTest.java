package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.ObjectUpsert;
import io.crmsync.sandbox.hubspot.HubSpotError;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HubSpotRateLimitTest extends HubSpotClientTestSupport {

    @BeforeEach
    void configureSandbox() {
        sandbox.rateLimits().window(Duration.ofSeconds(1), 20);
    }

    @Test
    void steadyWorkload_isPacedUnderTheWindow_withoutA429() {
        // given
        String id = sandbox.seed("contacts", List.of(Map.of("email", "a@example.com"))).get(0);
        client.batchRead("contacts", List.of(id), List.of("email"), Optional.empty()); // learns 20 per 1 s

        // when: 60 calls, three windows' worth
        long started = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            client.batchRead("contacts", List.of(id), List.of("email"), Optional.empty());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(sandbox.statuses().count("429")).isZero();
        assertThat(took).isGreaterThan(Duration.ofMillis(2000)); // 18 per second at most
        assertThat(client.headroom()).hasValueSatisfying(h -> {
            assertThat(h.max()).isEqualTo(20);
            assertThat(h.intervalMillis()).isEqualTo(1000);
        });
    }

    @Test
    void tenSecondlyBurst_fromAnotherApp_isAbsorbed_byWaitingOutTheWindow() throws Exception {
        // given: another app spends the whole window just before our call
        String id = sandbox.seed("contacts", List.of(Map.of("email", "a@example.com"))).get(0);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/crm/v3/properties/contacts"))
                    .header("Authorization", "Bearer other-app").build(), HttpResponse.BodyHandlers.discarding());
        }

        // when
        var result = client.batchUpsert("contacts", "email", List.of(new ObjectUpsert("a@example.com",
                Map.of("firstname", "Ann"))));

        // then: HubSpot said 429 TEN_SECONDLY_ROLLING, the client waited and the caller saw only success
        assertThat(sandbox.statuses().count("429")).isGreaterThanOrEqualTo(1);
        assertThat(result.results()).singleElement().satisfies(r -> assertThat(r.object().id()).isEqualTo(id));
        assertThat(sandbox.record("contacts", id).orElseThrow()).containsEntry("firstname", "Ann");
    }

    @Test
    void dailyLimit_surfacesAsTypedError_withResetTime_andIsNotRetried() {
        // given
        sandbox.rateLimits().exhaustDaily();

        // when / then
        assertThatThrownBy(() -> client.properties("contacts"))
                .isInstanceOfSatisfying(HubSpotDailyLimitException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.resetsAt()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
                    assertThat(e.correlationId()).isNotBlank();
                });
        assertThat(sandbox.served().count("properties")).isEqualTo(1);
    }

    @Test
    void searchSecondlyLimit_isRetriedAfterAPause() {
        // given: the next search answers the SECONDLY 429
        sandbox.faults().failNext(1, HubSpotError.secondly());

        // when
        var page = client.search("contacts", io.crmsync.hubspot.model.SearchRequest.of(List.of(), null, List.of()));

        // then
        assertThat(page.total()).isZero();
        assertThat(client.calls().count("search")).isEqualTo(2);
    }

    @Test
    void serverErrorsAndLocks_areRetried_untilTheCallSucceeds() {
        // given
        sandbox.faults().failNext(3, HubSpotError.serverError(503));

        // when
        var properties = client.properties("deals");

        // then
        assertThat(properties).extracting(p -> p.name()).contains("dealname", "amount", "hs_lastmodifieddate");
        assertThat(client.calls().count("properties")).isEqualTo(4);
        assertThat(client.failures().count("properties.503")).isEqualTo(3);
    }

    @Test
    void persistentOutage_reachesTheCaller_asUnavailable_afterTheRetries() {
        // given
        sandbox.faults().failNext(100, HubSpotError.locked());

        // when / then
        assertThatThrownBy(() -> client.properties("deals"))
                .isInstanceOfSatisfying(HubSpotUnavailableException.class, e -> assertThat(e.status()).isEqualTo(423));
        assertThat(client.calls().count("properties")).isEqualTo(7); // first try + 6 retries
    }
}

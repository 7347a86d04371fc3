package io.crmsync.integrity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.CallDeadlineExceededException;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A CRM call's retries never outlast the function: Lambda would kill it mid-write at its timeout, with nothing
 * recorded. Under a deadline, a call that keeps meeting 429s stops retrying at the deadline with a clear failure.
 */
@QuarkusTest
class CallDeadlineTest {

    @Inject
    HubSpotClient hubspot;

    @AfterEach
    void clearFaults() {
        given().baseUri(HubSpotSandboxTestResource.sandbox().baseUrl()).delete("/sandbox/faults").then().statusCode(204);
    }

    @Test
    void hubSpotCall_meetingEndless429s_stopsRetryingAtTheFunctionsDeadline() {
        // given: HubSpot answers the next 50 calls with the 10-second rolling-window 429 (each retry waits ~10 s)
        given().baseUri(HubSpotSandboxTestResource.sandbox().baseUrl()).contentType("application/json")
                .body("{\"failNext\":{\"calls\":50,\"status\":429,\"code\":\"RATE_LIMIT\",\"message\":\"You have"
                        + " reached your ten_secondly_rolling limit.\"}}")
                .put("/sandbox/faults").then().statusCode(204);
        Instant started = Instant.now();

        // when: the call runs with 2 s of the function's time left
        Throwable thrown = catchThrowable(() -> CallDeadline.until(started.plusSeconds(2),
                () -> hubspot.batchRead("companies", List.of("1"), List.of("name"), java.util.Optional.empty())));

        // then: it gives up at the deadline (not after its retry budget of minutes), saying why
        assertThat(thrown).isInstanceOf(CallDeadlineExceededException.class)
                .hasMessageContaining("function's time is nearly up");
        // (a generous bound: without the deadline the call retried for over a minute; a loaded machine must not flake it)
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }
}

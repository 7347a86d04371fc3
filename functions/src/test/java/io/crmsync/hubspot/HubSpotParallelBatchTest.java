package io.crmsync.hubspot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.BatchResult;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.CallDeadlineExceededException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch call of more than 100 inputs sends its chunks at once, under the shared pacer: with real latency a batch of
 * 200 takes one call's time, not two. Answers keep the input order; a failing chunk is thrown once the others are done.
 */
@QuarkusTest
class HubSpotParallelBatchTest extends HubSpotClientTestSupport {

    @Test
    void batchRead_200Records_sendsItsTwoCallsAtOnce_andAnswersInInputOrder() {
        // given: 200 contacts, HubSpot answering in 400 ms (set over the sandbox's fault route), one id unknown
        List<String> ids = new ArrayList<>(sandbox.seed("contacts", 200, i -> Map.of("email", "par" + i + "@example.com",
                "firstname", "P" + i)));
        ids.set(150, "999999999");
        faults("{\"latencyMs\":400}");
        sandbox.inFlight().resetPeak();

        // when
        BatchResult<CrmObject> read = client.batchRead("contacts", ids, List.of("firstname"), Optional.empty());

        // then: both chunks were served at once, and the answer is in input order, the unknown id an error
        assertThat(sandbox.inFlight().peak()).isEqualTo(2);
        assertThat(client.calls().count("objects.batch.read")).isEqualTo(2);
        List<String> expected = new ArrayList<>(ids);
        expected.remove(150);
        assertThat(read.results()).extracting(CrmObject::id).containsExactlyElementsOf(expected);
        assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.ids()).containsExactly("999999999"));
        assertThat(sandbox.statuses().count("429")).isZero();
    }

    @Test
    void batchUpdate_oneChunkRefused_theOtherChunkIsStillWritten_beforeTheRefusalIsThrown() {
        // given: 200 contacts, and HubSpot refusing the next batch update as invalid
        List<String> ids = sandbox.seed("contacts", 200, i -> Map.of("email", "upd" + i + "@example.com"));
        faults("{\"latencyMs\":200,\"failNext\":{\"calls\":1,\"status\":400,\"code\":\"VALIDATION_ERROR\","
                + "\"message\":\"Property values were not valid\",\"path\":\"/batch/update\"}}");
        List<ObjectUpdate> updates = ids.stream().map(id -> new ObjectUpdate(id, Map.of("firstname", "Edited"))).toList();

        // when
        Throwable thrown = catchThrowable(() -> client.batchUpdate("contacts", updates));

        // then: the refusal is thrown, after the other chunk of 100 was sent and written
        assertThat(thrown).isInstanceOf(HubSpotValidationException.class);
        assertThat(sandbox.served().count("objects.batch.update")).isEqualTo(2);
        assertThat(sandbox.inFlight().current()).isZero();
        assertThat(ids.stream().filter(id -> "Edited".equals(sandbox.record("contacts", id).orElseThrow()
                .get("firstname")))).hasSize(100);
    }

    @Test
    void batchCreate_withoutTraceIds_keepsItsChunksOneAfterAnother_soAConflictStopsTheLaterOnes() {
        // given: 200 new contacts without trace ids, the first of them taken already
        sandbox.seed("contacts", List.of(Map.of("email", "new0@example.com")));
        List<ObjectInput> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inputs.add(new ObjectInput(Map.of("email", "new" + i + "@example.com"), null));
        }

        // when
        Throwable thrown = catchThrowable(() -> client.batchCreate("contacts", inputs));

        // then: the documented semantics: the conflict is thrown and the chunk after it was never sent
        assertThat(thrown).isInstanceOf(HubSpotConflictException.class);
        assertThat(sandbox.served().count("objects.batch.create")).isEqualTo(1);
        assertThat(sandbox.count("contacts")).isEqualTo(1);
    }

    @Test
    void batchRead_ofTwoChunks_meetingEndless429s_stopsBothChunksAtTheFunctionsDeadline() {
        // given: HubSpot answers the next 100 calls with the 10-second rolling-window 429 (each retry waits ~10 s)
        faults("{\"failNext\":{\"calls\":100,\"status\":429,\"code\":\"RATE_LIMIT\",\"message\":\"You have"
                + " reached your ten_secondly_rolling limit.\"}}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(String.valueOf(1000 + i));
        }
        Instant started = Instant.now();

        // when: the read runs with 2 s of the function's time left
        Throwable thrown = catchThrowable(() -> CallDeadline.until(started.plusSeconds(2),
                () -> client.batchRead("contacts", ids, List.of("email"), Optional.empty())));

        // then: the chunk sent from the pool thread stops at the caller's deadline too (not after minutes of retries)
        assertThat(thrown).isInstanceOf(CallDeadlineExceededException.class);
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    private void faults(String body) {
        given().baseUri(sandbox.baseUrl()).contentType("application/json").body(body).put("/sandbox/faults").then()
                .statusCode(204);
    }
}

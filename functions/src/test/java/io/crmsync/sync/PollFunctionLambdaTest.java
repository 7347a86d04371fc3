package io.crmsync.sync;

import static io.crmsync.testing.LambdaEvents.call;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.crmsync.testing.PollWatermarks;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PollFunctionLambdaTest {

    @Test
    void scheduledEvent_firesThePoll_atTheEventsTime() {
        // given nothing changed since now (what earlier tests in this application left is not this test's)
        PollWatermarks.allAt(Instant.now());

        // when EventBridge's scheduled event reaches the poll function
        var answer = call("poll", scheduled("2026-11-21T10:15:00Z"));

        // then the poll reports the time the schedule fired, not the time it ran
        assertThat(answer.getString("firedAt")).isEqualTo("2026-11-21T10:15:00Z");
        SyncQueue.drain();
    }
}

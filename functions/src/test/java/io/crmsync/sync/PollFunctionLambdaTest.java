package io.crmsync.sync;

import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.crmsync.testing.ExportProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ExportProfile.Poll.class)
class PollFunctionLambdaTest {

    @Test
    void scheduledEvent_firesThePoll_atTheEventsTime() {
        invoke(scheduled("2026-11-21T10:15:00Z"))
                .then().statusCode(200)
                .body("firedAt", equalTo("2026-11-21T10:15:00Z"));
    }
}

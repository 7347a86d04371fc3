package io.crmsync.sync;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The 15-minute poller, fired by an EventBridge schedule. EventBridge delivers at least once: the poll is leased. */
public class PollFunction {

    @Inject
    PollService poller;

    @Funq("poll")
    public PollSummary poll(ScheduledEvent event) {
        ScheduledEvent valid = event.validate();
        return poller.poll(valid.id(), valid.time());
    }
}

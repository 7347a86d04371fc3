package io.crmsync.sync;

import io.crmsync.usage.UsageRecorder;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The 15-minute poller, fired by an EventBridge schedule. EventBridge delivers at least once: the poll is leased. */
public class PollFunction {

    @Inject
    PollService poller;

    @Inject
    UsageRecorder usage;

    @Funq("poll")
    public PollSummary poll(ScheduledEvent event) {
        ScheduledEvent valid = event.validate();
        try {
            return poller.poll(valid.id(), valid.time());
        } finally {
            // The calls this poll spent go to the persisted usage before Lambda may freeze or drop the instance.
            usage.flush();
        }
    }
}

package io.crmsync.sync;

import java.time.Instant;

import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.LimitsConfig;
import io.crmsync.usage.UsageRecorder;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The 15-minute poller, fired by an EventBridge schedule. EventBridge delivers at least once: the poll is leased. */
public class PollFunction {

    @Inject
    PollService poller;

    @Inject
    UsageRecorder usage;

    @Inject
    SyncConfig config;

    @Inject
    LimitsConfig limits;

    @Funq("poll")
    public PollSummary poll(ScheduledEvent event) {
        ScheduledEvent valid = event.validate();
        // Funqy does not hand its functions the Lambda context, so the run's end is counted from its start with the
        // configured timeout (the template's). Pages stop the poll's stop margin before it, CRM calls (retries
        // included) the limits' deadline margin before it: the run ends with its checkpoint saved, never killed.
        Instant end = Instant.now().plus(config.poll().timeout());
        try {
            return CallDeadline.until(end.minus(limits.deadlineMargin()),
                    () -> poller.poll(valid.id(), valid.time(), poller.budgetUntil(end)));
        } finally {
            // The calls this poll spent go to the persisted usage before Lambda may freeze or drop the instance.
            usage.flush();
        }
    }
}

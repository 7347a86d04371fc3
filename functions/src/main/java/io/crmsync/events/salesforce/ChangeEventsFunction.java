package io.crmsync.events.salesforce;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Salesforce change events, relayed by Event Relay to an EventBridge partner bus whose rule puts them on the
 * change-events queue: one message is one change event. A failure goes back to the queue (reported per message).
 */
public class ChangeEventsFunction {

    @Inject
    ChangeEventService events;

    @Funq("changeEvents")
    public String changeEvents(ChangeEventEnvelope envelope) {
        return events.process(ChangeEvent.from(envelope)).name();
    }
}

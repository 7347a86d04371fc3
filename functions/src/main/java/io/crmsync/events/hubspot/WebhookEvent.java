package io.crmsync.events.hubspot;

import java.util.List;

/**
 * One event of a HubSpot webhook batch, as far as crm-sync uses it: which delivery ({@code eventId},
 * {@code attemptNumber}), what happened ({@code object} and {@code kind} from {@code subscriptionType}), to which
 * records ({@code objectIds}: the record, or a merge's primary and merged records), and who did it.
 */
public record WebhookEvent(String eventId, int attemptNumber, String object, String kind, List<String> objectIds,
        String changeSource, String sourceId, long occurredAt) {

    public WebhookEvent {
        objectIds = List.copyOf(objectIds);
    }

    /** crm-sync's own write coming back: HubSpot marks API writes of an app with changeSource INTEGRATION, sourceId the app. */
    public boolean isOwnWrite(String appId) {
        return appId != null && !appId.isBlank() && "INTEGRATION".equals(changeSource) && appId.equals(sourceId);
    }
}

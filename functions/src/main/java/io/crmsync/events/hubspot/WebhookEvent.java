package io.crmsync.events.hubspot;

import java.util.List;
import java.util.Map;

/**
 * One event of a HubSpot webhook batch, as far as crm-sync uses it: which delivery ({@code eventId},
 * {@code attemptNumber}), what happened ({@code object} and {@code kind} from {@code subscriptionType}), to which
 * records ({@code objectIds}: the record, or a merge's primary and merged records), and who did it. An association
 * change moves both of its ends ({@code related}: the other record, by object): a contact added to a company is a
 * change of the contact's {@code AccountId}, whichever side HubSpot reports it from.
 */
public record WebhookEvent(String eventId, int attemptNumber, String object, String kind, List<String> objectIds,
        String changeSource, String sourceId, long occurredAt, Map<String, String> related) {

    public WebhookEvent {
        objectIds = List.copyOf(objectIds);
        related = related == null ? Map.of() : Map.copyOf(related);
    }

    public WebhookEvent(String eventId, int attemptNumber, String object, String kind, List<String> objectIds,
            String changeSource, String sourceId, long occurredAt) {
        this(eventId, attemptNumber, object, kind, objectIds, changeSource, sourceId, occurredAt, Map.of());
    }

    /** crm-sync's own write coming back: HubSpot marks API writes of an app with changeSource INTEGRATION, sourceId the app. */
    public boolean isOwnWrite(String appId) {
        return appId != null && !appId.isBlank() && "INTEGRATION".equals(changeSource) && appId.equals(sourceId);
    }
}

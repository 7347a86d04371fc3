package io.crmsync.events;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.error.SalesforceException;
import io.crmsync.salesforce.model.OrgLimit;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Change events delivered against the org's DailyDeliveredPlatformEvents allocation (shared by every CDC and
 * platform-event subscriber, Event Relay included; past it Salesforce disconnects the relay). Near it, crm-sync says
 * so: the poll keeps finding every change, at its 15-minute pace.
 */
@ApplicationScoped
public class ChangeEventAllocation {

    public static final String LIMIT = "DailyDeliveredPlatformEvents";

    private final SalesforceClient salesforce;
    private final EventsConfig config;

    ChangeEventAllocation(SalesforceClient salesforce, EventsConfig config) {
        this.salesforce = salesforce;
        this.config = config;
    }

    /** The status of the allocation, and what it means for sync. */
    public enum Status { OK, NEAR_ALLOCATION, EXHAUSTED, UNKNOWN }

    @RegisterForReflection
    public record Usage(Long deliveredLast24Hours, Long allocation, Long remaining, Status status, String message) {
    }

    /** One {@code /limits} call. */
    public Usage usage() {
        OrgLimit limit;
        try {
            limit = salesforce.limits().get(LIMIT);
        } catch (SalesforceException e) {
            return new Usage(null, null, null, Status.UNKNOWN, "Salesforce's /limits could not be read ("
                    + e.getClass().getSimpleName() + "); the 15-minute poll finds every change regardless.");
        }
        if (limit == null) {
            return new Usage(null, null, null, Status.UNKNOWN, "Salesforce's /limits does not report " + LIMIT
                    + " (Change Data Capture not enabled?): changes are found by the 15-minute poll.");
        }
        long delivered = limit.max() - limit.remaining();
        if (limit.remaining() <= 0) {
            return new Usage(delivered, limit.max(), limit.remaining(), Status.EXHAUSTED, "The org has delivered all "
                    + limit.max() + " change events its plan allows in 24 hours; Salesforce disconnects the relay. "
                    + "crm-sync relies on the 15-minute poll until the allocation frees up.");
        }
        if (delivered >= config.salesforce().deliveryWarningShare() * limit.max()) {
            return new Usage(delivered, limit.max(), limit.remaining(), Status.NEAR_ALLOCATION, delivered + " of "
                    + limit.max() + " change events delivered in 24 hours: near the allocation, past which Salesforce "
                    + "disconnects the relay and crm-sync relies on the 15-minute poll. Deselect objects from Change "
                    + "Data Capture or buy the add-on to keep syncing in seconds.");
        }
        return new Usage(delivered, limit.max(), limit.remaining(), Status.OK, delivered + " of " + limit.max()
                + " change events delivered in 24 hours.");
    }
}

package io.crmsync.hubspot;

/**
 * Refused before calling HubSpot: members of a DYNAMIC list follow its filters, so they cannot be added or removed
 * by hand. Change the records (or use a MANUAL list) instead.
 */
public class DynamicListMembershipException extends RuntimeException {

    private final String listId;

    public DynamicListMembershipException(String listId) {
        super("HubSpot list " + listId + " is DYNAMIC: its members follow its filters and cannot be added or removed."
                + " Use a MANUAL list, or change the records so the filters match.");
        this.listId = listId;
    }

    public String listId() {
        return listId;
    }
}

package io.crmsync.segments;

/**
 * An import asked to add its contacts to the inclusion segment, which is an active list whose filters do not admit
 * contacts marked {@value ImportMarker#PROPERTY}: the toggle would do nothing.
 */
public class SegmentIgnoresImportMarkerException extends RuntimeException {

    private final String listId;

    public SegmentIgnoresImportMarkerException(String listId, String listName) {
        super("The contact inclusion segment, list " + listId + " ('" + listName + "'), is an active list: HubSpot "
                + "adds contacts to it only through its filters. Add a filter group holding only '" + ImportMarker.LABEL
                + "' (" + ImportMarker.PROPERTY + ") is true to list " + listId + " (crm-sync has created the property "
                + "on HubSpot contacts), then start the import again; or turn syncToInclusionSegment off.");
        this.listId = listId;
    }

    public String listId() {
        return listId;
    }
}

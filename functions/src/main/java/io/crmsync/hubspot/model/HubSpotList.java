package io.crmsync.hubspot.model;

/** A list (segment) definition. {@code processingType} is DYNAMIC, MANUAL or SNAPSHOT. */
public record HubSpotList(String listId, String name, String objectTypeId, ProcessingType processingType, long size) {

    public enum ProcessingType { DYNAMIC, MANUAL, SNAPSHOT }
}

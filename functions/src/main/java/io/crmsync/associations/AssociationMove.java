package io.crmsync.associations;

/** One association to add or remove in HubSpot: {@code fromId} (of the link's object) to {@code toId}. */
public record AssociationMove(AssociationLink link, String fromId, String toId, boolean add) {
}

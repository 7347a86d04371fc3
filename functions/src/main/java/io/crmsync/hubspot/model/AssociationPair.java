package io.crmsync.hubspot.model;

/** One edge to create: from a record of the first type to a record of the second. */
public record AssociationPair(String fromId, String toId) {
}

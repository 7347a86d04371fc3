package io.crmsync.segments;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The HubSpot list whose members sync for one HubSpot object type (contact, company, ticket, custom). */
@RegisterForReflection
public record InclusionSegment(String object, String listId, Instant chosenAt) {
}

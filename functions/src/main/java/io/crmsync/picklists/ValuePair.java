package io.crmsync.picklists;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One Salesforce picklist value and the HubSpot option it is. */
@RegisterForReflection
public record ValuePair(String salesforce, String hubspot) {
}

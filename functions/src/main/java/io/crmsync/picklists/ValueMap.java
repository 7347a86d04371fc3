package io.crmsync.picklists;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How the values of one mapped picklist translate: Opportunity {@code StageName} "Closed Won" is deal
 * {@code dealstage} "closedwon". Each value appears once on each side, so the translation works both ways.
 * Salesforce compares picklist values without regard to case, and so does this.
 */
@RegisterForReflection
public record ValueMap(String hubspotProperty, String salesforceField, List<ValuePair> values) {

    public ValueMap {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public Optional<String> toHubSpot(String salesforceValue) {
        return values.stream().filter(v -> v.salesforce().equalsIgnoreCase(salesforceValue)).map(ValuePair::hubspot)
                .findFirst();
    }

    public Optional<String> toSalesforce(String hubspotValue) {
        return values.stream().filter(v -> v.hubspot().equals(hubspotValue)).map(ValuePair::salesforce).findFirst();
    }
}

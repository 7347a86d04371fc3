package io.crmsync.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One HubSpot property synced with one Salesforce field under a rule. A null rule means the default rule. */
@RegisterForReflection
public record FieldMapping(String hubspotProperty, String salesforceField, SyncRule rule) {

    public FieldMapping {
        rule = rule == null ? SyncRule.PREFER_SALESFORCE_UNLESS_BLANK : rule;
    }

    public static FieldMapping of(String hubspotProperty, String salesforceField) {
        return new FieldMapping(hubspotProperty, salesforceField, null);
    }

    public FieldMapping withRule(SyncRule newRule) {
        return new FieldMapping(hubspotProperty, salesforceField, newRule);
    }

    /**
     * HubSpot's connector syncs the owner two-way whatever the UI shows; crm-sync does the same, openly, by only
     * accepting TWO_WAY for it.
     */
    @JsonIgnore
    public boolean isOwner() {
        return "OwnerId".equalsIgnoreCase(salesforceField) || "hubspot_owner_id".equals(hubspotProperty);
    }
}

package io.crmsync.owners;

/** A Salesforce User who can own records; matched to a HubSpot owner by email. */
public record SalesforceUser(String id, String name, String email, boolean active) {
}

package io.crmsync.hubspot.model;

/** A HubSpot user who can own records ({@code /crm/v3/owners}); records hold its {@code id} in hubspot_owner_id. */
public record HubSpotOwner(String id, String email, String firstName, String lastName) {
}

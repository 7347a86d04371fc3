package io.crmsync.owners;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.crmsync.hubspot.model.HubSpotOwner;

/**
 * Both CRMs' people at one moment, indexed for translation: Salesforce users by id and by email, HubSpot owners by
 * id and by email. Emails compare without regard to case, as both CRMs treat them.
 */
public final class Owners {

    private final Map<String, SalesforceUser> usersById = new LinkedHashMap<>();
    private final Map<String, SalesforceUser> activeUsersByEmail = new LinkedHashMap<>();
    private final Map<String, HubSpotOwner> ownersById = new LinkedHashMap<>();
    private final Map<String, HubSpotOwner> ownersByEmail = new LinkedHashMap<>();

    public Owners(List<SalesforceUser> users, List<HubSpotOwner> owners) {
        for (SalesforceUser u : users) {
            usersById.put(u.id(), u);
            // Salesforce ids come 15 or 18 characters long; records carry 18.
            usersById.putIfAbsent(u.id().substring(0, Math.min(15, u.id().length())), u);
            if (u.active() && u.email() != null) {
                activeUsersByEmail.putIfAbsent(lower(u.email()), u);
            }
        }
        for (HubSpotOwner o : owners) {
            ownersById.put(o.id(), o);
            if (o.email() != null) {
                ownersByEmail.putIfAbsent(lower(o.email()), o);
            }
        }
    }

    public Optional<SalesforceUser> user(String salesforceUserId) {
        return Optional.ofNullable(usersById.get(salesforceUserId));
    }

    public Optional<HubSpotOwner> owner(String hubspotOwnerId) {
        return Optional.ofNullable(ownersById.get(hubspotOwnerId));
    }

    public Optional<HubSpotOwner> ownerWithEmail(String email) {
        return Optional.ofNullable(email == null ? null : ownersByEmail.get(lower(email)));
    }

    public Optional<SalesforceUser> activeUserWithEmail(String email) {
        return Optional.ofNullable(email == null ? null : activeUsersByEmail.get(lower(email)));
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}

package io.crmsync.owners;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Soql;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Salesforce users and HubSpot owners, read on first need and kept for {@link #FRESH_FOR} (one SOQL query and one
 * owners call per warm function per five minutes), so that a batch translating 200 owners costs nothing more. A
 * person not found triggers a newer read if the last one is over a minute old, so someone just added is found.
 */
@ApplicationScoped
public class OwnerDirectory {

    static final Duration FRESH_FOR = Duration.ofMinutes(5);
    /** A person not found is looked for again in a newer read, at most this often (they may just have been added). */
    static final Duration REREAD_AFTER_MISS = Duration.ofMinutes(1);

    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final Clock clock;
    private volatile Owners owners;
    private volatile Instant readAt = Instant.MIN;

    OwnerDirectory(SalesforceClient salesforce, HubSpotClient hubspot, Clock clock) {
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.clock = clock;
    }

    public Owners current() {
        return readIfOlderThan(FRESH_FOR);
    }

    /** After a person was not found: a newer read, unless the current one is less than a minute old. */
    public Owners afterMiss() {
        return readIfOlderThan(REREAD_AFTER_MISS);
    }

    private synchronized Owners readIfOlderThan(Duration age) {
        Instant now = clock.instant();
        Owners cached = owners;
        if (cached != null && readAt.plus(age).isAfter(now)) {
            return cached;
        }
        List<SalesforceUser> users = new ArrayList<>();
        for (SObject u : salesforce.query(Soql.select("Id", "FirstName", "LastName", "Email", "IsActive").from("User"))) {
            String name = ((u.getString("FirstName") == null ? "" : u.getString("FirstName") + " ")
                    + (u.getString("LastName") == null ? "" : u.getString("LastName"))).trim();
            users.add(new SalesforceUser(u.id(), name, u.getString("Email"), !"false".equals(String.valueOf(
                    u.get("IsActive")))));
        }
        Owners fresh = new Owners(users, hubspot.owners());
        owners = fresh;
        readAt = now;
        return fresh;
    }

    /** Forgets what was read, so the next translation reads both CRMs again (a retry after adding someone). */
    public void forget() {
        owners = null;
    }
}

package io.crmsync.owners;

import io.crmsync.hubspot.model.HubSpotOwner;
import io.crmsync.sync.translate.Translated;
import io.crmsync.sync.translate.ValueTranslation;

/**
 * OwnerId (a Salesforce User id) <-> hubspot_owner_id (a HubSpot owner id), through the person's email, as HubSpot's
 * connector matches owners. A person with no counterpart is a problem that names them and says how to fix it, unless
 * a default owner is set for that direction ({@link DefaultOwners}): then the default stands in, with a note saying
 * whom it replaced.
 */
public record OwnerTranslation(OwnerDirectory directory, DefaultOwners.Choice defaults) implements ValueTranslation {

    public OwnerTranslation(OwnerDirectory directory) {
        this(directory, DefaultOwners.Choice.NONE);
    }

    @Override
    public Translated toHubSpot(String salesforceUserId) {
        Translated first = toHubSpot(salesforceUserId, directory.current());
        Translated found = first.ok() ? first : toHubSpot(salesforceUserId, directory.afterMiss());
        if (found.ok() || defaults.hubspotOwnerId() == null) {
            return found;
        }
        return Translated.defaulted(defaults.hubspotOwnerId(), defaulted(found, "HubSpot owner "
                + defaults.hubspotOwnerId()));
    }

    @Override
    public Translated toSalesforce(String hubspotOwnerId) {
        Translated first = toSalesforce(hubspotOwnerId, directory.current());
        Translated found = first.ok() ? first : toSalesforce(hubspotOwnerId, directory.afterMiss());
        if (found.ok() || defaults.salesforceUserId() == null) {
            return found;
        }
        return Translated.defaulted(defaults.salesforceUserId(), defaulted(found, "Salesforce user "
                + defaults.salesforceUserId()));
    }

    /** "defaulted: Salesforce owner X (x@...) has no HubSpot owner with that email; the default ... was used". */
    private static String defaulted(Translated miss, String defaultOwner) {
        String problem = miss.problem();
        int end = problem.indexOf(". ");
        String why = end < 0 ? problem : problem.substring(0, end);
        return "defaulted: " + why + "; the default owner (" + defaultOwner + ") was used";
    }

    private static Translated toHubSpot(String salesforceUserId, Owners owners) {
        var user = owners.user(salesforceUserId);
        if (user.isEmpty()) {
            return Translated.untranslatable("Salesforce owner " + salesforceUserId + " is not a User the integration "
                    + "user can read; give it access to Users, then retry this error.");
        }
        SalesforceUser u = user.get();
        return owners.ownerWithEmail(u.email()).map(o -> Translated.of(o.id())).orElseGet(() ->
                Translated.untranslatable("Salesforce owner " + u.name() + " (" + u.email() + ") has no HubSpot owner "
                        + "with that email. Add " + u.email() + " as a HubSpot user (owners are matched by email), "
                        + "then retry this error."));
    }

    private static Translated toSalesforce(String hubspotOwnerId, Owners owners) {
        var owner = owners.owner(hubspotOwnerId);
        if (owner.isEmpty()) {
            return Translated.untranslatable("HubSpot owner " + hubspotOwnerId + " is not an active HubSpot owner; "
                    + "choose an active owner in HubSpot.");
        }
        HubSpotOwner o = owner.get();
        String name = ((o.firstName() == null ? "" : o.firstName() + " ") + (o.lastName() == null ? "" : o.lastName()))
                .trim();
        return owners.activeUserWithEmail(o.email()).map(u -> Translated.of(u.id())).orElseGet(() ->
                Translated.untranslatable("HubSpot owner " + name + " (" + o.email() + ") has no active Salesforce "
                        + "user with that email. Add or activate " + o.email() + " in Salesforce (owners are matched "
                        + "by email), then retry this error."));
    }
}

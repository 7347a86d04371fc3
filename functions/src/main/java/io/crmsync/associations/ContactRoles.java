package io.crmsync.associations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.Association;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.model.SaveResult;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.worker.RecordPlan;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A deal's contacts kept in sync with its Opportunity's contact roles, both ways: a role added in Salesforce associates
 * the HubSpot contact with the deal, a contact associated with the deal in HubSpot gets a role (no Role value: HubSpot
 * has none to give), and a removal on either side removes it on the other. Unlike a lookup this is a set, compared
 * against the set last synced on the pairing ({@value #SALESFORCE_KEY} in Salesforce ids, {@value #HUBSPOT_KEY} in
 * HubSpot ids), so a change on one side never undoes one on the other; on a first sync the two sets are merged.
 * The changes are made before the pairing is saved; a deal whose change was refused keeps its previous last synced
 * sets, so the next sync finds the same change and tries again. Costs per batch of deals: one SOQL query per 80
 * deals, one associations read, DynamoDB reads.
 */
@ApplicationScoped
public class ContactRoles {

    public static final String SALESFORCE_KEY = "@OpportunityContactRole";
    public static final String HUBSPOT_KEY = "@contacts";
    /**
     * Opportunity ids per query: a query is a GET, and a batch's 200 ids would make a URL longer than servers take
     * (the sandbox's, like many proxies, stops at 4 KB; an id is 18 characters and ~30 once quoted and encoded).
     */
    static final int QUERY_CHUNK = 80;
    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final PairingRepository pairings;
    private final ContactRoleOpportunities roleOpportunities;

    ContactRoles(SalesforceClient salesforce, HubSpotClient hubspot, PairingRepository pairings,
            ContactRoleOpportunities roleOpportunities) {
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.pairings = pairings;
        this.roleOpportunities = roleOpportunities;
    }

    /** The roles and deal contacts of a batch of deals as they are now, with the contacts' pairings. */
    public record State(Map<String, Map<String, String>> roleIdsByOpportunity, Map<String, List<String>> contactsByDeal,
            Map<String, Pairing> bySalesforceId, Map<String, Pairing> byHubspotId) {

        static final State NONE = new State(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** One change to make: a role to create or delete in Salesforce, or a deal contact to add or remove in HubSpot. */
    public record RoleChange(Kind kind, String dealId, String opportunityId, String contactId, String roleId) {

        public enum Kind {
            CREATE_ROLE, DELETE_ROLE, ASSOCIATE, DISASSOCIATE
        }
    }

    /** One deal's decisions: the changes to make, the sets to store as last synced once they are made, problems. */
    public record Outcome(List<RoleChange> changes, Map<String, String> hubspotAfter,
            Map<String, String> salesforceAfter, List<String> problems) {
    }

    public State read(List<Pairing> deals) {
        List<String> opportunities = deals.stream().map(Pairing::salesforceId).filter(id -> id.startsWith("006"))
                .distinct().toList();
        if (opportunities.isEmpty()) {
            return State.NONE;
        }
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        Map<String, String> opportunityByRole = new LinkedHashMap<>();
        for (int from = 0; from < opportunities.size(); from += QUERY_CHUNK) {
            List<String> chunk = opportunities.subList(from, Math.min(opportunities.size(), from + QUERY_CHUNK));
            for (SObject r : salesforce.query(Soql.select("Id", "OpportunityId", "ContactId")
                    .from("OpportunityContactRole").where(Condition.in("OpportunityId", chunk)).orderBy("Id"))) {
                roles.computeIfAbsent(r.getString("OpportunityId"), k -> new LinkedHashMap<>())
                        .putIfAbsent(r.getString("ContactId"), r.id());
                opportunityByRole.put(r.id(), r.getString("OpportunityId"));
            }
        }
        // So that the role's deletion, which getDeleted reports by role id alone, finds its deal.
        roleOpportunities.remember(opportunityByRole);
        Map<String, List<String>> contacts = new LinkedHashMap<>();
        hubspot.associations().read("deal", "contact", deals.stream().map(Pairing::hubspotId).distinct().toList())
                .forEach((deal, tos) -> contacts.put(deal, tos.stream().map(Association::toId).toList()));
        Set<String> sfContacts = new LinkedHashSet<>();
        roles.values().forEach(r -> sfContacts.addAll(r.keySet()));
        deals.forEach(d -> sfContacts.addAll(split(d.salesforceValues().get(SALESFORCE_KEY))));
        Set<String> hsContacts = new LinkedHashSet<>();
        contacts.values().forEach(hsContacts::addAll);
        deals.forEach(d -> hsContacts.addAll(split(d.hubspotValues().get(HUBSPOT_KEY))));
        return new State(roles, contacts,
                sfContacts.isEmpty() ? Map.of() : pairings.findBySalesforceIds("contact", sfContacts),
                hsContacts.isEmpty() ? Map.of() : pairings.findByHubspotIds("contact", hsContacts));
    }

    public Outcome decide(State state, Pairing deal) {
        Map<String, String> roleIds = state.roleIdsByOpportunity().getOrDefault(deal.salesforceId(), Map.of());
        Set<String> sfNow = new TreeSet<>(roleIds.keySet());
        Set<String> hsNow = new TreeSet<>(state.contactsByDeal().getOrDefault(deal.hubspotId(), List.of()));
        Set<String> sfLast = split(deal.salesforceValues().get(SALESFORCE_KEY));
        Set<String> hsLast = split(deal.hubspotValues().get(HUBSPOT_KEY));
        // The sets both sides hold once the changes below are made: what the pairing stores as last synced.
        Set<String> sfAfter = new TreeSet<>(sfNow);
        Set<String> hsAfter = new TreeSet<>(hsNow);
        List<RoleChange> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        for (String contact : sfNow) {
            Pairing paired = state.bySalesforceId().get(contact);
            if (sfLast.contains(contact)) {
                continue;
            } else if (paired == null) {
                sfAfter.remove(contact);
                problems.add("Waiting for contact to sync: Salesforce Opportunity " + deal.salesforceId()
                        + " has a contact role for Contact " + contact + ", which is not synced to HubSpot yet. Sync"
                        + " that contact, then retry this error.");
            } else if (hsAfter.add(paired.hubspotId())) {
                changes.add(change(RoleChange.Kind.ASSOCIATE, deal, paired.hubspotId(), null));
            }
        }
        for (String contact : sfLast) {
            Pairing paired = state.bySalesforceId().get(contact);
            if (!sfNow.contains(contact) && paired != null && hsAfter.remove(paired.hubspotId())) {
                changes.add(change(RoleChange.Kind.DISASSOCIATE, deal, paired.hubspotId(), null));
            }
        }
        for (String contact : hsNow) {
            Pairing paired = state.byHubspotId().get(contact);
            if (hsLast.contains(contact) || changes.stream().anyMatch(c -> contact.equals(c.contactId()))) {
                continue;
            } else if (paired == null) {
                hsAfter.remove(contact);
                problems.add("Waiting for contact to sync: HubSpot deal " + deal.hubspotId() + " is associated with"
                        + " contact " + contact + ", which has no Salesforce record yet. Sync that contact, then retry"
                        + " this error.");
            } else if (!paired.salesforceId().startsWith("003")) {
                // Kept in HubSpot as it is: Salesforce gives contact roles to Contacts only.
                problems.add("HubSpot deal " + deal.hubspotId() + " is associated with contact " + contact + ", whose"
                        + " Salesforce record " + paired.salesforceId() + " is a Lead: Opportunity contact roles"
                        + " need a Contact. Convert the lead to give it a role.");
            } else if (sfAfter.add(paired.salesforceId())) {
                changes.add(change(RoleChange.Kind.CREATE_ROLE, deal, paired.salesforceId(), null));
            }
        }
        for (String contact : hsLast) {
            Pairing paired = state.byHubspotId().get(contact);
            if (!hsNow.contains(contact) && paired != null && roleIds.containsKey(paired.salesforceId())
                    && sfAfter.remove(paired.salesforceId())) {
                changes.add(change(RoleChange.Kind.DELETE_ROLE, deal, paired.salesforceId(),
                        roleIds.get(paired.salesforceId())));
            }
        }
        return new Outcome(changes, Map.of(HUBSPOT_KEY, String.join(",", hsAfter)),
                Map.of(SALESFORCE_KEY, String.join(",", sfAfter)), problems);
    }

    private static RoleChange change(RoleChange.Kind kind, Pairing deal, String contactId, String roleId) {
        return new RoleChange(kind, deal.hubspotId(), deal.salesforceId(), contactId, roleId);
    }

    /**
     * Makes the changes, before the deals' pairings are saved: a deal whose change was refused must not store the
     * sets as synced (the next sync would read the missing role as a removal and undo the other side).
     *
     * @return a problem per deal with a refused change, by deal (HubSpot id)
     */
    public Map<String, String> apply(List<RoleChange> changes) {
        Map<String, String> refused = new LinkedHashMap<>();
        List<RoleChange> creates = of(changes, RoleChange.Kind.CREATE_ROLE);
        if (!creates.isEmpty()) {
            collect(creates, salesforce.create(creates.stream().map(c -> SObject.of("OpportunityContactRole",
                    Map.<String, Object>of("OpportunityId", c.opportunityId(), "ContactId", c.contactId()))).toList()),
                    "Adding Contact %s to Opportunity %s as a contact role failed: ", refused);
        }
        List<RoleChange> deletes = of(changes, RoleChange.Kind.DELETE_ROLE);
        if (!deletes.isEmpty()) {
            collect(deletes, salesforce.delete(deletes.stream().map(RoleChange::roleId).toList()),
                    "Removing Contact %s's contact role from Opportunity %s failed: ", refused);
        }
        List<RoleChange> adds = of(changes, RoleChange.Kind.ASSOCIATE);
        if (!adds.isEmpty()) {
            for (BatchError error : hubspot.associations().associateDefault("deal", "contact", adds.stream()
                    .map(c -> new AssociationPair(c.dealId(), c.contactId())).toList())) {
                String problem = "HubSpot refused to associate the deal with a contact: " + error.message();
                adds.stream().filter(c -> error.ids().isEmpty() || error.ids().contains(c.dealId())
                        || error.ids().contains(c.contactId())).forEach(c -> refused.merge(c.dealId(), problem,
                                (a, b) -> a));
            }
        }
        List<RoleChange> removals = of(changes, RoleChange.Kind.DISASSOCIATE);
        if (!removals.isEmpty()) {
            hubspot.associations().archive("deal", "contact", removals.stream()
                    .map(c -> new AssociationPair(c.dealId(), c.contactId())).toList());
        }
        return refused;
    }

    private static List<RoleChange> of(List<RoleChange> changes, RoleChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    private static void collect(List<RoleChange> changes, List<SaveResult> results, String what,
            Map<String, String> refused) {
        for (int i = 0; i < changes.size() && i < results.size(); i++) {
            SaveResult result = results.get(i);
            if (!result.success()) {
                RoleChange c = changes.get(i);
                String reason = result.errors().isEmpty() ? "Salesforce gave no reason" : result.errors().get(0)
                        .describe();
                refused.merge(c.dealId(), String.format(what, c.contactId(), c.opportunityId()) + reason,
                        (a, b) -> a + " " + b);
            }
        }
    }

    /** The plan with the deal's contact role sets left as last synced (a refused change is retried next sync). */
    public static RecordPlan withoutRoles(Pairing deal, RecordPlan plan) {
        Map<String, String> hsAfter = new LinkedHashMap<>(plan.hubspotAfter());
        Map<String, String> sfAfter = new LinkedHashMap<>(plan.salesforceAfter());
        hsAfter.put(HUBSPOT_KEY, deal.hubspotValues().get(HUBSPOT_KEY));
        sfAfter.put(SALESFORCE_KEY, deal.salesforceValues().get(SALESFORCE_KEY));
        return new RecordPlan(plan.pairing(), plan.sobject(), plan.triggered(), plan.hubspotWrites(),
                plan.salesforceWrites(), hsAfter, sfAfter, plan.history(), plan.problems());
    }

    private static Set<String> split(String joined) {
        Set<String> out = new TreeSet<>();
        if (joined != null && !joined.isBlank()) {
            for (String id : joined.split(",")) {
                out.add(id.trim());
            }
        }
        return out;
    }
}

package io.crmsync.associations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.Association;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.worker.MappedObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps lookups and associations in sync both ways: a changed {@code AccountId} moves the HubSpot record to the
 * company paired with the new Account (and off the old one); a HubSpot record moved to another company gets that
 * company's Account as its {@code AccountId}. Like a two-way field, the side that changed since the last sync wins,
 * and Salesforce wins when both did. A lookup to a record not synced yet is HubSpot's "Waiting for account to sync".
 * Costs per batch: one associations read per link (1,000 records a call; none for records without the lookup, such
 * as Leads), DynamoDB reads for the targets' pairings, and one associate and one archive call per link when something
 * moved.
 */
@ApplicationScoped
public class AssociationSync {

    private final HubSpotClient hubspot;
    private final PairingRepository pairings;
    private final ContactRoles contactRoles;

    AssociationSync(HubSpotClient hubspot, PairingRepository pairings, ContactRoles contactRoles) {
        this.hubspot = hubspot;
        this.pairings = pairings;
        this.contactRoles = contactRoles;
    }

    /** Reads what the batch's associations are now (nothing when the object has no links). */
    public AssociationState read(MappedObject schema, List<Pairing> batch, Map<String, SObject> salesforceRecords) {
        AssociationState lookups = readLookups(schema, batch, salesforceRecords);
        return schema.object().equals("deal") ? lookups.withRoles(contactRoles.read(batch)) : lookups;
    }

    private AssociationState readLookups(MappedObject schema, List<Pairing> batch,
            Map<String, SObject> salesforceRecords) {
        String object = schema.object();
        List<AssociationLink> links = AssociationLink.of(object);
        // Only records whose Salesforce side has a lookup (a Contact, not a Lead) cost an associations read.
        List<Pairing> paired = batch.stream()
                .filter(p -> !AssociationLink.of(object, schema.sobject(p.salesforceType())).isEmpty()).toList();
        if (links.isEmpty() || paired.isEmpty()) {
            return AssociationState.NONE;
        }
        List<String> hubspotIds = paired.stream().map(Pairing::hubspotId).distinct().toList();
        Map<String, Map<String, List<String>>> associated = new LinkedHashMap<>();
        Map<String, Set<String>> salesforceTargets = new LinkedHashMap<>();
        Map<String, Set<String>> hubspotTargets = new LinkedHashMap<>();
        for (AssociationLink link : links) {
            Map<String, List<String>> byId = associated.computeIfAbsent(link.targetObject(), k -> new LinkedHashMap<>());
            hubspot.associations().read(object, link.targetObject(), hubspotIds).forEach((from, tos) -> {
                List<String> ids = tos.stream().map(Association::toId).toList();
                byId.put(from, ids);
                hubspotTargets.computeIfAbsent(link.targetObject(), k -> new LinkedHashSet<>()).addAll(ids);
            });
            for (Pairing p : paired) {
                SObject record = salesforceRecords.get(p.salesforceId());
                String target = record == null ? null : record.getString(link.field());
                if (target != null && link.accepts(target)) {
                    salesforceTargets.computeIfAbsent(link.targetObject(), k -> new LinkedHashSet<>()).add(target);
                }
            }
        }
        Map<String, Map<String, Pairing>> bySalesforce = new LinkedHashMap<>();
        salesforceTargets.forEach((target, ids) -> bySalesforce.put(target, pairings.findBySalesforceIds(target, ids)));
        Map<String, Map<String, Pairing>> byHubspot = new LinkedHashMap<>();
        hubspotTargets.forEach((target, ids) -> byHubspot.put(target, pairings.findByHubspotIds(target, ids)));
        return new AssociationState(associated, bySalesforce, byHubspot, ContactRoles.State.NONE);
    }

    /** Decides one pairing's associations against the last synced ones. */
    public AssociationOutcome decide(AssociationState state, Pairing pairing, String sobject, SObject salesforce) {
        Decisions out = new Decisions();
        for (List<AssociationLink> group : AssociationLink.byField(pairing.objectType(), sobject)) {
            if (group.size() == 1 && !group.get(0).polymorphic()) {
                decideLookup(state, pairing, sobject, salesforce, group.get(0), out);
            } else {
                decidePolymorphic(state, pairing, sobject, salesforce, group, out);
            }
        }
        List<ContactRoles.RoleChange> roleChanges = List.of();
        if (pairing.objectType().equals("deal") && sobject.equals("Opportunity")) {
            ContactRoles.Outcome roles = contactRoles.decide(state.roles(), pairing);
            out.hsAfter.putAll(roles.hubspotAfter());
            out.sfAfter.putAll(roles.salesforceAfter());
            out.problems.addAll(roles.problems());
            roleChanges = roles.changes();
        }
        return new AssociationOutcome(out.sfWrites, out.moves, roleChanges, out.hsAfter, out.sfAfter, out.problems);
    }

    /** What one pairing's links decided, collected across its lookups. */
    private static final class Decisions {
        final Map<String, Object> sfWrites = new LinkedHashMap<>();
        final List<AssociationMove> moves = new ArrayList<>();
        final Map<String, String> hsAfter = new LinkedHashMap<>();
        final Map<String, String> sfAfter = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
    }

    private void decideLookup(AssociationState state, Pairing pairing, String sobject, SObject salesforce,
            AssociationLink link, Decisions out) {
        String sfNow = blankToNull(salesforce.getString(link.field()));
        String hsLast = pairing.hubspotValues().get(link.hubspotKey());
        boolean known = known(link, pairing);
        List<String> hsNow = state.associated(link, pairing.hubspotId());
        boolean sfChanged = lookupChanged(link, pairing, sfNow);
        boolean hsChanged = hsLast == null ? !hsNow.isEmpty() : !hsNow.contains(hsLast);
        if (sfChanged) {
            String target = sfNow == null ? null : state.hubspotIdOf(link, sfNow);
            if (sfNow != null && target == null) {
                out.problems.add(waitingForHubSpot(link, pairing, sobject, sfNow));
                return;
            }
            if (target != null && !hsNow.contains(target)) {
                out.moves.add(new AssociationMove(link, pairing.hubspotId(), target, true));
            }
            if (hsLast != null && !hsLast.equals(target) && hsNow.contains(hsLast)) {
                out.moves.add(new AssociationMove(link, pairing.hubspotId(), hsLast, false));
            }
            out.hsAfter.put(link.hubspotKey(), target);
            out.sfAfter.put(link.field(), sfNow);
        } else if (hsChanged) {
            String newHs = hsNow.isEmpty() ? null : hsNow.get(0);
            String target = newHs == null ? null : state.salesforceIdOf(link, newHs);
            if (newHs != null && target == null) {
                out.problems.add(waitingForSalesforce(link, pairing, newHs));
                return;
            }
            if (!Objects.equals(target, sfNow)) {
                out.sfWrites.put(link.field(), target);
            }
            out.hsAfter.put(link.hubspotKey(), newHs);
            out.sfAfter.put(link.field(), target);
        } else if (!known) {
            out.hsAfter.put(link.hubspotKey(), hsLast);
            out.sfAfter.put(link.field(), sfNow);
        }
    }

    /**
     * A polymorphic lookup ({@code WhatId}) against the HubSpot associations of its several targets. Salesforce holds
     * one record where HubSpot may hold several (a task on a company and its deal): the association last synced
     * stands for the lookup while it exists; when it goes, the most specific one left (deal, then ticket, then
     * company) becomes the lookup. Associations HubSpot has beside it are left alone. A lookup to a record type
     * with no HubSpot counterpart (a Campaign) is kept as it is, with no association.
     */
    private void decidePolymorphic(AssociationState state, Pairing pairing, String sobject, SObject salesforce,
            List<AssociationLink> group, Decisions out) {
        AssociationLink any = group.get(0);
        String field = any.field();
        String key = any.hubspotKey();
        String sfNow = blankToNull(salesforce.getString(field));
        String hsLast = pairing.hubspotValues().get(key);
        boolean known = known(any, pairing);
        String hsNow = stillAssociated(state, pairing, group, hsLast) ? hsLast : preferred(state, pairing, group);
        boolean sfChanged = lookupChanged(any, pairing, sfNow);
        boolean hsChanged = !Objects.equals(hsNow, hsLast);
        if (sfChanged) {
            AssociationLink link = sfNow == null ? null
                    : group.stream().filter(l -> l.accepts(sfNow)).findFirst().orElse(null);
            String target = link == null ? null : state.hubspotIdOf(link, sfNow);
            if (link != null && target == null) {
                out.problems.add(waitingForHubSpot(link, pairing, sobject, sfNow));
                return;
            }
            String qualified = link == null ? null : link.targetObject() + ":" + target;
            if (link != null && !state.associated(link, pairing.hubspotId()).contains(target)) {
                out.moves.add(new AssociationMove(link, pairing.hubspotId(), target, true));
            }
            if (hsLast != null && !hsLast.equals(qualified) && stillAssociated(state, pairing, group, hsLast)) {
                AssociationLink old = linkOf(group, hsLast);
                out.moves.add(new AssociationMove(old, pairing.hubspotId(), idOf(hsLast), false));
            }
            out.hsAfter.put(key, qualified);
            out.sfAfter.put(field, sfNow);
        } else if (hsChanged) {
            String target = null;
            if (hsNow != null) {
                target = state.salesforceIdOf(linkOf(group, hsNow), idOf(hsNow));
                if (target == null) {
                    out.problems.add(waitingForSalesforce(linkOf(group, hsNow), pairing, idOf(hsNow)));
                    return;
                }
            }
            if (!Objects.equals(target, sfNow)) {
                out.sfWrites.put(field, target);
            }
            out.hsAfter.put(key, hsNow);
            out.sfAfter.put(field, target);
        } else if (!known) {
            out.hsAfter.put(key, hsLast);
            out.sfAfter.put(field, sfNow);
        }
    }

    private static boolean stillAssociated(AssociationState state, Pairing pairing, List<AssociationLink> group,
            String qualified) {
        AssociationLink link = qualified == null ? null : linkOf(group, qualified);
        return link != null && state.associated(link, pairing.hubspotId()).contains(idOf(qualified));
    }

    /** The most specific association HubSpot has among the group's targets, as {@code target:id}. */
    private static String preferred(AssociationState state, Pairing pairing, List<AssociationLink> group) {
        for (AssociationLink link : group) {
            List<String> ids = state.associated(link, pairing.hubspotId());
            if (!ids.isEmpty()) {
                return link.targetObject() + ":" + ids.get(0);
            }
        }
        return null;
    }

    private static AssociationLink linkOf(List<AssociationLink> group, String qualified) {
        String target = qualified.substring(0, qualified.indexOf(':'));
        return group.stream().filter(l -> l.targetObject().equals(target)).findFirst().orElse(null);
    }

    private static String idOf(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    private static String waitingForHubSpot(AssociationLink link, Pairing pairing, String sobject, String sfNow) {
        return "Waiting for " + link.targetObject() + " to sync: Salesforce " + sobject + " " + pairing.salesforceId()
                + " has " + link.field() + " " + sfNow + ", which is not synced to HubSpot yet. Import or sync that"
                + " record, then retry this error.";
    }

    private static String waitingForSalesforce(AssociationLink link, Pairing pairing, String hubspotId) {
        return "Waiting for " + link.targetObject() + " to sync: HubSpot " + pairing.objectType() + " "
                + pairing.hubspotId() + " is associated with " + link.targetObject() + " " + hubspotId + ", which has no"
                + " Salesforce record yet. Sync that record, then retry this error.";
    }

    /**
     * Makes the Opportunity contact role changes the outcomes ask for (roles in Salesforce, deal contacts in HubSpot).
     *
     * @return refusals by deal (HubSpot id)
     */
    public Map<String, String> applyRoles(List<ContactRoles.RoleChange> changes) {
        return changes.isEmpty() ? Map.of() : contactRoles.apply(changes);
    }

    /** Applies the moves: adds first, then removals, so a record is never left with no company in between. */
    public List<BatchError> apply(String object, List<AssociationMove> moves) {
        List<BatchError> errors = new ArrayList<>();
        Map<String, List<AssociationPair>> adds = new LinkedHashMap<>();
        Map<String, List<AssociationPair>> removals = new LinkedHashMap<>();
        for (AssociationMove m : moves) {
            (m.add() ? adds : removals).computeIfAbsent(m.link().targetObject(), k -> new ArrayList<>())
                    .add(new AssociationPair(m.fromId(), m.toId()));
        }
        adds.forEach((target, pairs) -> errors.addAll(hubspot.associations().associateDefault(object, target, pairs)));
        removals.forEach((target, pairs) -> hubspot.associations().archive(object, target, pairs));
        return errors;
    }

    /**
     * Whether a Salesforce lookup's value differs from the one last synced; a link never synced counts as changed once
     * it has a value. The poll asks the same to tell crm-sync's own writes from moves ({@code OwnWrites}).
     */
    public static boolean lookupChanged(AssociationLink link, Pairing pairing, Object lookupNow) {
        String now = lookupNow == null ? null : blankToNull(lookupNow.toString());
        return known(link, pairing) ? !Objects.equals(now, pairing.salesforceValues().get(link.field())) : now != null;
    }

    private static boolean known(AssociationLink link, Pairing pairing) {
        return pairing.salesforceValues().containsKey(link.field())
                || pairing.hubspotValues().containsKey(link.hubspotKey());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

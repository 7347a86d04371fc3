package io.crmsync.sync.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.crmsync.associations.AssociationLink;
import io.crmsync.associations.AssociationSync;
import io.crmsync.settings.FieldMapping;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.rules.ValueCodec;
import io.crmsync.sync.rules.Values;
import io.crmsync.sync.worker.MappedObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recognises crm-sync's own writes among the changes a poll found, before anything is read again: a paired record
 * whose mapped values (already in the change search's answer) are all what the pairing recorded as last synced
 * changed nothing the sync would act on, the same test the sync worker applies ({@code ChangeDetector}: a field not
 * synced yet, or a value other than the last synced one, is a change; a Salesforce formula alone is not), and whose
 * lookups ({@code AccountId}) and lead conversion are unchanged too, since those move associations and pairings. Without
 * this, the poll after a sync of 10,000 records re-read all 10,000 on both sides to find nothing. DynamoDB reads only.
 */
@ApplicationScoped
public class OwnWrites {

    private final PairingRepository pairings;

    OwnWrites(PairingRepository pairings) {
        this.pairings = pairings;
    }

    /** The Salesforce changes of {@code sobject} that are not just crm-sync's own writes. */
    public List<Change> salesforceChanges(MappedObject schema, String sobject, List<Change> changes) {
        if (changes.isEmpty()) {
            return changes;
        }
        Map<String, Pairing> paired = pairings.findBySalesforceIds(schema.object(),
                changes.stream().map(Change::id).toList());
        List<Change> real = new ArrayList<>();
        for (Change c : changes) {
            Pairing p = paired.get(c.id());
            if (p == null || !salesforceEcho(schema, sobject, p, c)) {
                real.add(c);
            }
        }
        return real;
    }

    /** The HubSpot changes that are not just crm-sync's own writes. */
    public List<Change> hubspotChanges(MappedObject schema, List<Change> changes) {
        if (changes.isEmpty()) {
            return changes;
        }
        Map<String, Pairing> paired = pairings.findByHubspotIds(schema.object(),
                changes.stream().map(Change::id).toList());
        List<Change> real = new ArrayList<>();
        for (Change c : changes) {
            Pairing p = paired.get(c.id());
            if (p == null || !hubspotEcho(schema, p, c)) {
                real.add(c);
            }
        }
        return real;
    }

    private static boolean salesforceEcho(MappedObject schema, String sobject, Pairing p, Change c) {
        List<FieldMapping> mappings = schema.mappingsFor(sobject);
        if (mappings.isEmpty()) {
            return false;
        }
        for (FieldMapping m : mappings) {
            String field = schema.fieldName(sobject, m.salesforceField());
            if (!known(p, m.hubspotProperty(), field) || !c.values().containsKey(field)) {
                return false;
            }
            String now = ValueCodec.normalize(c.values().get(field), schema.fieldType(sobject, m.salesforceField()));
            if (!schema.isFormula(sobject, m.salesforceField()) && !Values.same(now, p.salesforceValues().get(field))) {
                return false;
            }
        }
        return !lookupMoved(schema, sobject, p, c) && !converted(sobject, c);
    }

    /** A changed lookup ({@code AccountId}) moves an association, as {@code AssociationSync} decides it. */
    private static boolean lookupMoved(MappedObject schema, String sobject, Pairing p, Change c) {
        for (AssociationLink link : AssociationLink.of(schema.object(), sobject)) {
            if (!c.values().containsKey(link.field())
                    || AssociationSync.lookupChanged(link, p, c.values().get(link.field()))) {
                return true;
            }
        }
        return false;
    }

    /** A converted lead is re-paired with its new Contact by the worker ({@code LeadConversions}): never an echo. */
    private static boolean converted(String sobject, Change c) {
        return "Lead".equals(sobject) && "true".equalsIgnoreCase(String.valueOf(c.values().get("IsConverted")));
    }

    private static boolean hubspotEcho(MappedObject schema, Pairing p, Change c) {
        String sobject = schema.sobject(p.salesforceType());
        List<FieldMapping> mappings = schema.describes().containsKey(sobject) ? schema.mappingsFor(sobject) : List.of();
        if (mappings.isEmpty()) {
            return false;
        }
        for (FieldMapping m : mappings) {
            String key = m.hubspotProperty();
            if (!known(p, key, schema.fieldName(sobject, m.salesforceField())) || !c.values().containsKey(key)) {
                return false;
            }
            String now = ValueCodec.normalize(c.values().get(key), schema.fieldType(sobject, m.salesforceField()));
            if (!Values.same(now, p.hubspotValues().get(key))) {
                return false;
            }
        }
        return true;
    }

    /** As the sync worker sees it: a field with a last synced value on either side was synced before. */
    private static boolean known(Pairing p, String hubspotProperty, String salesforceField) {
        return p.hubspotValues().containsKey(hubspotProperty) || p.salesforceValues().containsKey(salesforceField);
    }
}

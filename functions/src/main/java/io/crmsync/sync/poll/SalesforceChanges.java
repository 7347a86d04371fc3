package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.DeletedRecords;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.sync.rules.ValueCodec;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Salesforce records changed since a point: one query on SystemModstamp (indexed; bumped by automation too, so
 * nothing is missed), {@code >=} with Id order so records sharing the boundary timestamp are never lost. Callers pass
 * a point already moved back by the lookback window, which also catches late commits. Deletes come from getDeleted.
 */
@ApplicationScoped
public class SalesforceChanges {

    private final SalesforceClient salesforce;

    SalesforceChanges(SalesforceClient salesforce) {
        this.salesforce = salesforce;
    }

    /** Changes at or after {@code since}, oldest first (ties by Id). */
    public List<Change> changedSince(String sobject, Instant since) {
        return changedSince(sobject, since, List.of());
    }

    /**
     * Changes at or after {@code since} with the values of {@code fields} (read in the same query pages: the values
     * come free with the page, and let the poll tell crm-sync's own writes from users' changes).
     */
    public List<Change> changedSince(String sobject, Instant since, List<String> fields) {
        java.util.Set<String> select = new java.util.LinkedHashSet<>(List.of("Id", "SystemModstamp"));
        select.addAll(fields);
        Soql soql = Soql.select(select.toArray(String[]::new)).from(sobject)
                .where(Condition.ge("SystemModstamp", since))
                .orderBy("SystemModstamp").orderBy("Id");
        List<Change> changes = new ArrayList<>();
        for (SObject r : salesforce.query(soql)) {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            fields.forEach(f -> values.put(f, r.get(f)));
            changes.add(new Change(r.id(), ValueCodec.instant(r.getString("SystemModstamp")), values));
        }
        return changes;
    }

    /**
     * Opportunities whose contact roles were added or edited at or after {@code since}: a role's change leaves its
     * Opportunity's SystemModstamp alone, so the deal poll asks for them separately (one query). A deleted role is
     * not in it (its row is gone and getDeleted names no Opportunity): the poll finds the deal through
     * {@link io.crmsync.associations.ContactRoleOpportunities}.
     */
    public List<String> opportunitiesWithRoleChanges(Instant since) {
        Soql soql = Soql.select("Id", "OpportunityId", "SystemModstamp").from("OpportunityContactRole")
                .where(Condition.ge("SystemModstamp", since)).orderBy("SystemModstamp").orderBy("Id");
        return salesforce.query(soql).stream().map(r -> r.getString("OpportunityId")).distinct().toList();
    }

    /** Records deleted in [start, end]; getDeleted needs a window of at least a minute, so short ones are widened. */
    public List<Change> deletedBetween(String sobject, Instant start, Instant end) {
        Instant from = end.minusSeconds(60).isBefore(start) ? end.minusSeconds(60) : start;
        DeletedRecords deleted = salesforce.getDeleted(sobject, from, end);
        List<Change> out = new ArrayList<>();
        deleted.deletedRecords().forEach(d -> out.add(new Change(d.id(),
                d.deletedDate() == null ? end : ValueCodec.instant(d.deletedDate()))));
        return out;
    }
}

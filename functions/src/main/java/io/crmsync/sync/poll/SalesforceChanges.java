package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.crmsync.limits.CallDeadlineExceededException;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.DeletedRecords;
import io.crmsync.salesforce.model.QueryPage;
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
     * Changes from {@code start} in keyset order ({@code (SystemModstamp, Id) > (t, id)}, ordered by both), at most
     * the budget's records ({@code LIMIT}), following the query's pages while the run has time. The query locator
     * serves this run only (it dies in 15 minutes); the next run resumes from the checkpoint alone. As many calls as
     * one unlimited query: an idle poll is one query, 10,000 rows are five pages.
     */
    public ChangeRead read(String sobject, ReadStart start, List<String> fields, PollBudget budget) {
        java.util.Set<String> select = new java.util.LinkedHashSet<>(List.of("Id", "SystemModstamp"));
        select.addAll(fields);
        List<Change> changes = new ArrayList<>();
        if (!budget.hasTime()) {
            return new ChangeRead(changes, false, 0, start);
        }
        Soql soql = Soql.select(select.toArray(String[]::new)).from(sobject).where(after(start))
                .orderBy("SystemModstamp").orderBy("Id").limit(budget.maxRecords());
        int pages = 0;
        try {
            QueryPage page = salesforce.queryPage(soql);
            pages++;
            add(changes, page, fields);
            while (!page.done()) {
                if (!budget.hasTime()) {
                    return incomplete(changes, pages, start);
                }
                page = salesforce.queryMore(page.nextRecordsUrl());
                pages++;
                add(changes, page, fields);
            }
        } catch (CallDeadlineExceededException e) {
            // the run's time is up: what was read is queued and checkpointed, the rest is the next run's
            return incomplete(changes, pages, start);
        }
        // A full budget may have stopped short of the end: the next run resumes after it (one query, maybe empty).
        return changes.size() < budget.maxRecords() ? new ChangeRead(changes, true, pages, start)
                : incomplete(changes, pages, start);
    }

    private static ChangeRead incomplete(List<Change> changes, int pages, ReadStart start) {
        if (changes.isEmpty()) {
            return new ChangeRead(changes, false, pages, start);
        }
        Change last = changes.get(changes.size() - 1);
        return new ChangeRead(changes, false, pages, ReadStart.after(last.modifiedAt(), java.util.Optional.of(last.id())));
    }

    private static void add(List<Change> changes, QueryPage page, List<String> fields) {
        for (SObject r : page.records()) {
            java.util.Map<String, Object> values = new java.util.HashMap<>();
            fields.forEach(f -> values.put(f, r.get(f)));
            changes.add(new Change(r.id(), ValueCodec.instant(r.getString("SystemModstamp")), values));
        }
    }

    private static Condition after(ReadStart from) {
        if (from.inclusive()) {
            return Condition.ge("SystemModstamp", from.at());
        }
        return from.afterId()
                .map(id -> Condition.or(Condition.gt("SystemModstamp", from.at()),
                        Condition.and(Condition.eq("SystemModstamp", from.at()), Condition.gt("Id", id))))
                .orElse(Condition.gt("SystemModstamp", from.at()));
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

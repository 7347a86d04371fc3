package io.crmsync.sync.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotValidationException;
import io.crmsync.hubspot.model.BatchError;
import io.crmsync.hubspot.model.BatchResult;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.model.SaveResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the changed fields of many pairings: one Collections update per 200 Salesforce records, one HubSpot batch
 * update per 100. Failures are per record; the caller leaves those pairings as they were and records sync errors.
 */
@ApplicationScoped
public class SyncWriter {

    private final HubSpotClient hubspot;
    private final SalesforceClient salesforce;

    SyncWriter(HubSpotClient hubspot, SalesforceClient salesforce) {
        this.hubspot = hubspot;
        this.salesforce = salesforce;
    }

    /** @return failures by HubSpot id; records not listed were written in full */
    public Map<String, RecordFailure> write(String object, List<RecordPlan> plans) {
        Map<String, RecordFailure> failures = new LinkedHashMap<>();
        writeSalesforce(plans, failures);
        List<RecordPlan> hubspotPlans = plans.stream().filter(p -> !p.hubspotWrites().isEmpty())
                .filter(p -> !failures.containsKey(p.pairing().hubspotId())).toList();
        writeHubSpot(object, hubspotPlans, failures);
        return failures;
    }

    private void writeSalesforce(List<RecordPlan> plans, Map<String, RecordFailure> failures) {
        List<RecordPlan> writing = plans.stream().filter(p -> !p.salesforceWrites().isEmpty()).toList();
        if (writing.isEmpty()) {
            return;
        }
        List<SObject> records = writing.stream()
                .map(p -> SObject.of(p.sobject(), p.pairing().salesforceId(), p.salesforceWrites())).toList();
        List<SaveResult> results = salesforce.update(records);
        for (int i = 0; i < writing.size(); i++) {
            SaveResult result = results.get(i);
            if (!result.success()) {
                SaveResult.SaveError first = result.errors().isEmpty() ? new SaveResult.SaveError("UNKNOWN",
                        "Salesforce gave no reason", List.of()) : result.errors().get(0);
                failures.put(writing.get(i).pairing().hubspotId(), new RecordFailure(
                        ErrorCategory.ofSalesforce(first.statusCode()), "Salesforce " + first.describe()));
            }
        }
    }

    private void writeHubSpot(String object, List<RecordPlan> plans, Map<String, RecordFailure> failures) {
        if (plans.isEmpty()) {
            return;
        }
        List<ObjectUpdate> updates = plans.stream()
                .map(p -> new ObjectUpdate(p.pairing().hubspotId(), p.hubspotWrites())).toList();
        try {
            collect(updates, hubspot.batchUpdate(object, updates), failures);
        } catch (HubSpotValidationException e) {
            // HubSpot fails a whole batch update for one bad input: write one by one to find which records fail.
            for (ObjectUpdate update : updates) {
                try {
                    collect(List.of(update), hubspot.batchUpdate(object, List.of(update)), failures);
                } catch (HubSpotValidationException single) {
                    failures.put(update.id(), new RecordFailure(ErrorCategory.ofHubSpot(single.category(),
                            single.getMessage()), "HubSpot: " + single.getMessage()));
                }
            }
        }
    }

    /**
     * Each input's outcome: refused (an error names it), written (a result is it), or unknown. An input the answer
     * names neither way is not counted as synced: its pairing keeps the values last synced, so a retry writes it again
     * (a write is idempotent), and Sync Health says why.
     */
    private static void collect(List<ObjectUpdate> updates, BatchResult<CrmObject> result,
            Map<String, RecordFailure> failures) {
        for (BatchError error : result.errors()) {
            for (String id : error.ids()) {
                failures.put(id, new RecordFailure(ErrorCategory.ofHubSpot(error.category(), error.message()),
                        "HubSpot " + error.category() + ": " + error.message()));
            }
        }
        Set<String> written = result.results().stream().map(CrmObject::id).collect(Collectors.toSet());
        for (ObjectUpdate update : updates) {
            if (!written.contains(update.id()) && !failures.containsKey(update.id())) {
                failures.put(update.id(), new RecordFailure(ErrorCategory.OTHER, "HubSpot's batch answer named"
                        + " record " + update.id() + " neither among its results nor among its errors, so crm-sync"
                        + " cannot tell whether it was written; it is not counted as synced. Retry this error."));
            }
        }
    }
}

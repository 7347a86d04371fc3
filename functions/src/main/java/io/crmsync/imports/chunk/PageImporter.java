package io.crmsync.imports.chunk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.imports.catalogue.MappedRecord;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.segments.ImportMarker;
import io.crmsync.store.ImportCounters;
import io.crmsync.store.SalesforceType;
import io.crmsync.store.SyncErrorRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes one page of Salesforce records to HubSpot: maps them, skips those that cannot exist in HubSpot (no email),
 * upserts the rest, records per-record failures as sync errors, pairs what was written, associates it, and for
 * contacts queues the post-import sync. Every step is safe to repeat, so a redelivered page changes nothing.
 */
@ApplicationScoped
public class PageImporter {

    private final HubSpotUpserter upserter;
    private final CampaignListMerger campaigns;
    private final CampaignMergeLock campaignLock;
    private final PairingWriter pairings;
    private final RecordAssociations associations;
    private final ContactFollowUp followUp;
    private final SyncErrorRepository syncErrors;
    private final Clock clock;

    PageImporter(HubSpotUpserter upserter, CampaignListMerger campaigns, CampaignMergeLock campaignLock,
            PairingWriter pairings, RecordAssociations associations, ContactFollowUp followUp,
            SyncErrorRepository syncErrors, Clock clock) {
        this.upserter = upserter;
        this.campaignLock = campaignLock;
        this.campaigns = campaigns;
        this.pairings = pairings;
        this.associations = associations;
        this.followUp = followUp;
        this.syncErrors = syncErrors;
        this.clock = clock;
    }

    /**
     * What one page did: the counters to add to the job, the skip/failure reasons by category, how long its HubSpot
     * writes took with the pairings made meanwhile, and the pairings' own time summed over the batches (for the
     * chunk's log line: where an import's time goes).
     */
    public record PageResult(ImportCounters counters, Map<String, Long> reasons, int queuedForSync,
            long hubspotMillis, long pairingMillis) {
    }

    public PageResult importPage(String importId, String chunkId, ImportPhase phase, List<SObject> records,
            boolean addToSegment) {
        Map<String, Long> reasons = new TreeMap<>();
        List<MappedRecord> toWrite = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long skipped = 0;
        for (SObject record : records) {
            MappedRecord mapped = phase.mapper().apply(record);
            String reason = mapped.skipped() ? mapped.skipReason()
                    : keys.add(mapped.uniqueKey().toLowerCase(Locale.ROOT)) ? null : "DUPLICATE_KEY";
            if (reason != null) {
                // Two records of one page with one email would be one HubSpot contact: the first one wins.
                skipped++;
                reasons.merge(reason, 1L, Long::sum);
            } else {
                toWrite.add(addToSegment && phase.pairingType().equals("contact") ? marked(mapped) : mapped);
            }
        }
        long started = System.nanoTime();
        // each upsert batch is paired as soon as HubSpot answers it, while the page's other batches are in flight
        PairingWriter.PagePairings paired = pairings.forPage(phase.pairingType(), id -> salesforceType(phase, id));
        HubSpotUpserter.Outcome outcome;
        try {
            outcome = upsert(phase, toWrite, paired);
        } catch (RuntimeException e) {
            // the pairings already started are waited for too: nothing of the page still writes when SQS redelivers it
            try {
                paired.await();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        paired.await();
        for (RecordFailure failure : outcome.failures()) {
            syncErrors.record(phase.pairingType(), null, failure.salesforceId(), failure.category(),
                    failure.message(), clock.instant());
            reasons.merge(failure.category(), 1L, Long::sum);
        }
        long upsertedAndPaired = System.nanoTime();
        associations.associate(phase, records, outcome.written());
        int queued = phase.pairingType().equals("contact")
                ? followUp.followUp(importId, chunkId, outcome.written(), addToSegment)
                : 0;
        long created = outcome.written().stream().filter(Written::created).count();
        long updated = outcome.written().size() - created;
        return new PageResult(ImportCounters.chunk(created, updated, skipped, outcome.failures().size()), reasons,
                queued, (upsertedAndPaired - started) / 1_000_000, paired.millis());
    }

    private HubSpotUpserter.Outcome upsert(ImportPhase phase, List<MappedRecord> toWrite,
            PairingWriter.PagePairings paired) {
        if (campaigns.carriesCampaigns(toWrite)) {
            // read-merge-write of the campaign list, one page at a time (see CampaignMergeLock)
            return campaignLock.holding(() -> upserter.upsert(phase,
                    campaigns.withExistingCampaigns(phase.hubspotObjectType(), toWrite), paired::add));
        }
        return upserter.upsert(phase, toWrite, paired::add);
    }

    /** The contact with the visible "keep in sync" marker an active inclusion segment admits it by. */
    private static MappedRecord marked(MappedRecord contact) {
        Map<String, String> properties = new java.util.HashMap<>(contact.properties());
        properties.put(ImportMarker.PROPERTY, "true");
        return MappedRecord.write(contact.salesforceId(), contact.uniqueKey(), properties);
    }

    /** Campaign members pair the lead or contact they stand for; its Id prefix says which. */
    private static SalesforceType salesforceType(ImportPhase phase, String salesforceId) {
        if (phase.salesforceType() != null) {
            return phase.salesforceType();
        }
        return salesforceId.startsWith("00Q") ? SalesforceType.LEAD : SalesforceType.CONTACT;
    }
}

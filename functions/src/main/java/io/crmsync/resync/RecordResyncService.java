package io.crmsync.resync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.segments.SegmentGate;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchService;
import io.crmsync.sync.worker.ChangeDetector;
import io.crmsync.sync.worker.ErrorCategory;
import io.crmsync.sync.worker.MappedObject;
import io.crmsync.sync.worker.MappedObjects;
import io.crmsync.sync.worker.PairingSaver;
import io.crmsync.sync.worker.RecordFailure;
import io.crmsync.sync.worker.RecordPlan;
import io.crmsync.sync.worker.SyncWriter;
import io.crmsync.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Syncs one paired record now, with the sync worker's own rules, writer and pairing saver, so an on-demand resync
 * and a polled sync can never disagree. Unlike the worker it syncs every mapped field whether or not it changed
 * since the last sync (that is what a user asks for with "resync"), and it can stop short of writing (dry run).
 * Costs: one HubSpot batch read and one Salesforce Collections retrieve, plus at most one write on each side.
 */
@ApplicationScoped
public class RecordResyncService {

    private final MappedObjects schemas;
    private final PairingRepository pairings;
    private final SegmentGate gate;
    private final HubSpotClient hubspot;
    private final SalesforceClient salesforce;
    private final SyncWriter writer;
    private final PairingSaver saver;
    private final SyncErrorRepository errors;
    private final UsageRecorder usage;
    private final Clock clock;
    private final SyncBatchService worker;

    RecordResyncService(MappedObjects schemas, PairingRepository pairings, SegmentGate gate, HubSpotClient hubspot,
            SalesforceClient salesforce, SyncWriter writer, PairingSaver saver, SyncErrorRepository errors,
            UsageRecorder usage, Clock clock, SyncBatchService worker) {
        this.worker = worker;
        this.schemas = schemas;
        this.pairings = pairings;
        this.gate = gate;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.writer = writer;
        this.saver = saver;
        this.errors = errors;
        this.usage = usage;
        this.clock = clock;
    }

    /** Exactly one of {@code hubspotId} / {@code salesforceId} is given (the caller checks). */
    public RecordResyncResult resync(String object, String hubspotId, String salesforceId, boolean dryRun) {
        try {
            return run(object, hubspotId, salesforceId, dryRun);
        } finally {
            usage.flush();
        }
    }

    private RecordResyncResult run(String object, String hubspotId, String salesforceId, boolean dryRun) {
        MappedObject schema = schemas.forObject(object);
        Instant now = clock.instant();
        Optional<Pairing> found = hubspotId != null ? pairings.findByHubspotId(object, hubspotId)
                : pairings.findBySalesforceId(object, salesforceId);
        if (found.isEmpty()) {
            requireExists(schema, hubspotId, salesforceId);
            if (dryRun) {
                return new RecordResyncResult(object, hubspotId, salesforceId, null, true,
                        RecordResyncResult.Outcome.NOT_PAIRED, "This record has no partner in the other CRM yet. A "
                                + "resync without dryRun pairs it (by email for contacts, domain or name for "
                                + "companies, else by creating the partner) and syncs it.", List.of());
            }
            return pairAndSync(object, hubspotId, salesforceId);
        }
        Pairing pairing = found.get();
        String sobject = schema.sobject(pairing.salesforceType());
        Optional<CrmObject> hs = hubspot.batchRead(object, List.of(pairing.hubspotId()), schema.hubspotProperties(),
                Optional.empty()).results().stream().filter(o -> !o.archived()).findFirst();
        Optional<SObject> sf = salesforce.retrieve(sobject, List.of(pairing.salesforceId()),
                schema.salesforceFields(sobject)).get(0);
        if (hs.isEmpty() || sf.isEmpty()) {
            throwIfAskedRecordIsGone(hubspotId, salesforceId, hs.isEmpty(), sf.isEmpty());
            return result(pairing, sobject, dryRun, RecordResyncResult.Outcome.PARTNER_MISSING, hs.isEmpty()
                    ? "The paired HubSpot record no longer exists; the next sync of this record removes the pairing."
                    : "Salesforce did not return the paired record: it was deleted (the next poll's deletion check "
                            + "removes the pairing) or the integration user cannot see it.", List.of());
        }
        // A user's explicit resync does not wait for the settle window, nor for the next poll's snapshot: membership
        // as HubSpot has it now decides (one call).
        if (!gate.isMemberNow(object, pairing.hubspotId())) {
            return result(pairing, sobject, dryRun, RecordResyncResult.Outcome.OUTSIDE_INCLUSION_SEGMENT,
                    "The HubSpot record is not in the " + object + " inclusion segment, so it does not sync.",
                    List.of());
        }
        RecordPlan plan = ChangeDetector.plan(schema, pairing, sobject, hs.get(), sf.get(), now);
        if (!plan.writesAnything()) {
            if (!dryRun) {
                saver.save(plan, now);
                resolveErrors(pairing, now);
                recordProblems(plan, now);
            }
            return result(pairing, sobject, dryRun, RecordResyncResult.Outcome.NOTHING_TO_CHANGE,
                    "Both records already agree under the mapping rules.", plan.history());
        }
        if (dryRun) {
            return result(pairing, sobject, true, RecordResyncResult.Outcome.SYNCED, "Dry run: nothing was written.",
                    plan.history());
        }
        RecordFailure failure = writer.write(object, List.of(plan)).get(pairing.hubspotId());
        if (failure != null) {
            errors.record(object, pairing.hubspotId(), pairing.salesforceId(), failure.category().name(),
                    failure.message(), now);
            return result(pairing, sobject, false, RecordResyncResult.Outcome.FAILED,
                    failure.category() + ": " + failure.message(), plan.history());
        }
        saver.save(plan, now);
        resolveErrors(pairing, now);
        recordProblems(plan, now);
        return result(pairing, sobject, false, RecordResyncResult.Outcome.SYNCED, plan.problems().isEmpty()
                ? "Synced." : "Synced, except: " + String.join(" ", plan.problems()), plan.history());
    }

    /**
     * "If a record doesn't sync automatically after the import, you can manually sync it": the sync worker pairs it
     * exactly as a poll would (matching an existing partner first, creating one otherwise) and syncs it.
     */
    private RecordResyncResult pairAndSync(String object, String hubspotId, String salesforceId) {
        worker.process(new SyncBatchMessage("resync-" + UUID.randomUUID(), object, "RESYNC",
                List.of(new SyncBatchMessage.RecordRef(hubspotId, salesforceId))));
        Optional<Pairing> paired = hubspotId != null ? pairings.findByHubspotId(object, hubspotId)
                : pairings.findBySalesforceId(object, salesforceId);
        if (paired.isEmpty()) {
            return new RecordResyncResult(object, hubspotId, salesforceId, null, false,
                    RecordResyncResult.Outcome.NOT_PAIRED, "The record could not be paired: it is outside the "
                            + object + " inclusion segment, has no email (contacts), or creating its partner failed "
                            + "(see GET /sync-errors?object=" + object + ").", List.of());
        }
        Pairing p = paired.get();
        MappedObject schema = schemas.forObject(object);
        return result(p, schema.sobject(p.salesforceType()), false, RecordResyncResult.Outcome.SYNCED,
                "Paired with " + (hubspotId != null ? "Salesforce " + p.salesforceId() : "HubSpot " + p.hubspotId())
                        + " and synced.", p.history());
    }

    private void requireExists(MappedObject schema, String hubspotId, String salesforceId) {
        if (hubspotId != null) {
            boolean exists = hubspot.batchRead(schema.object(), List.of(hubspotId), List.of(), Optional.empty())
                    .results().stream().anyMatch(o -> !o.archived());
            if (!exists) {
                throw new RecordNotFoundException("HubSpot has no " + schema.object() + " " + hubspotId + ".");
            }
            return;
        }
        String sobject = schema.sobjectOfId(salesforceId).orElseThrow(() -> new RecordNotFoundException(
                "'" + salesforceId + "' is not the id of a Salesforce " + schema.pair().salesforceObjects() + " record."));
        if (salesforce.retrieve(sobject, List.of(salesforceId), List.of("Id")).get(0).isEmpty()) {
            throw new RecordNotFoundException("Salesforce has no " + sobject + " " + salesforceId + ".");
        }
    }

    /** The record the user named is gone: that is a bad id, not a pairing to report on. */
    private static void throwIfAskedRecordIsGone(String hubspotId, String salesforceId, boolean hsGone, boolean sfGone) {
        if (hubspotId != null && hsGone) {
            throw new RecordNotFoundException("HubSpot record " + hubspotId + " no longer exists.");
        }
        if (salesforceId != null && sfGone) {
            throw new RecordNotFoundException("Salesforce record " + salesforceId + " no longer exists.");
        }
    }

    private void recordProblems(RecordPlan plan, Instant now) {
        if (!plan.problems().isEmpty()) {
            Pairing p = plan.pairing();
            errors.record(p.objectType(), p.hubspotId(), p.salesforceId(), ErrorCategory.PROPERTY_VALUE.name(),
                    String.join(" ", plan.problems()), now);
        }
    }

    private void resolveErrors(Pairing pairing, Instant now) {
        for (ErrorCategory category : ErrorCategory.values()) {
            errors.resolve(pairing.objectType(), pairing.hubspotId(), pairing.salesforceId(), category.name(), now);
        }
    }

    private static RecordResyncResult result(Pairing p, String sobject, boolean dryRun,
            RecordResyncResult.Outcome outcome, String message, List<io.crmsync.store.FieldChange> changes) {
        return new RecordResyncResult(p.objectType(), p.hubspotId(), p.salesforceId(), sobject, dryRun, outcome,
                message, changes);
    }
}

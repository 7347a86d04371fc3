package io.crmsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import io.crmsync.associations.AssociationMove;
import io.crmsync.associations.AssociationOutcome;
import io.crmsync.associations.AssociationState;
import io.crmsync.associations.AssociationSync;
import io.crmsync.associations.ContactRoles;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotTokenRejectedException;
import io.crmsync.limits.CallsAtOnce;
import io.crmsync.limits.LimitPauses;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.segments.SegmentGate;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.sync.poll.FanOut;
import io.crmsync.sync.worker.ChangeDetector;
import io.crmsync.sync.worker.ErrorCategory;
import io.crmsync.sync.worker.GoneRecords;
import io.crmsync.sync.worker.LeadConversions;
import io.crmsync.sync.worker.MappedObject;
import io.crmsync.sync.worker.MappedObjects;
import io.crmsync.sync.worker.NewRecordPairer;
import io.crmsync.sync.worker.PairingChangedException;
import io.crmsync.sync.worker.PairingSaver;
import io.crmsync.sync.worker.RecordFailure;
import io.crmsync.sync.worker.RecordPlan;
import io.crmsync.sync.worker.SyncWriter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Syncs one batch: pairs unpaired records, reads both sides in bulk (one HubSpot batch read, one Collections retrieve
 * per Salesforce object; at once when every record is paired already), runs the rules, writes only changed fields, then stores the new last synced values on each
 * pairing. Redelivery is harmless: a second run finds both sides agreeing with the pairing and writes nothing.
 */
@ApplicationScoped
public class SyncBatchService {

    private static final Logger LOG = Logger.getLogger(SyncBatchService.class);
    private static final String RESYNC = "RESYNC";
    private static final String RETRY = "RETRY";
    /** Rounds of planning a record whose pairing other workers keep saving, before the batch is left to SQS. */
    private static final int MAX_PLANNING_ROUNDS = 3;
    /** How long a DELETE batch refused for HubSpot's token waits on the queue before it tries again (SQS's most). */
    private static final Duration CREDENTIAL_RECHECK = Duration.ofSeconds(900);
    private static final List<String> ERROR_CATEGORIES = java.util.Arrays.stream(ErrorCategory.values())
            .map(ErrorCategory::name).toList();

    private final MappedObjects schemas;
    private final PairingRepository pairings;
    private final NewRecordPairer newRecords;
    private final SegmentGate gate;
    private final HubSpotClient hubspot;
    private final SalesforceClient salesforce;
    private final SyncWriter writer;
    private final PairingSaver saver;
    private final GoneRecords goneRecords;
    private final SyncErrorRepository errors;
    private final Clock clock;
    private final SyncConfig config;
    private final AssociationSync associations;
    private final LeadConversions conversions;
    private final LimitPauses limitPauses;
    private final FanOut queue;
    private final CallsAtOnce reads;

    SyncBatchService(MappedObjects schemas, PairingRepository pairings, NewRecordPairer newRecords, SegmentGate gate,
            HubSpotClient hubspot, SalesforceClient salesforce, SyncWriter writer, PairingSaver saver,
            GoneRecords goneRecords, SyncErrorRepository errors, Clock clock, SyncConfig config,
            AssociationSync associations, LeadConversions conversions, LimitPauses limitPauses, FanOut queue) {
        this.limitPauses = limitPauses;
        this.queue = queue;
        this.associations = associations;
        this.conversions = conversions;
        this.schemas = schemas;
        this.pairings = pairings;
        this.newRecords = newRecords;
        this.gate = gate;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.writer = writer;
        this.saver = saver;
        this.goneRecords = goneRecords;
        this.errors = errors;
        this.clock = clock;
        this.config = config;
        this.reads = new CallsAtOnce("sync-batch-reads", config.parallelReads());
    }

    @PreDestroy
    void stop() {
        reads.close();
    }

    /**
     * Runs the batch, or, when a CRM's daily API budget is spent, puts it back on the queue to wait for the reset
     * and answers empty: the message counts as handled, so waiting never walks it towards the dead-letter queue. A
     * batch cut short by the limit is redone whole later, which is harmless (see the class comment).
     */
    public Optional<SyncOutcome> processOrPause(SyncBatchMessage message) {
        try {
            SyncOutcome outcome = process(message);
            limitPauses.resumed();
            return Optional.of(outcome);
        } catch (HubSpotTokenRejectedException e) {
            return Optional.ofNullable(credentialRefused(message, e));
        } catch (RuntimeException e) {
            var hit = limitPauses.hitBy(e);
            if (hit.isEmpty()) {
                throw e;
            }
            Duration delay = limitPauses.pause(hit.get(), "Sync batch " + message.batchId());
            queue.resend(message, (int) delay.toSeconds());
            return Optional.empty();
        }
    }

    /**
     * HubSpot refused the token also after crm-sync read it again: no redelivery will fix that, and failing the
     * message would walk it to the dead-letter queue unseen. Each record of the batch becomes a Sync Health error
     * naming the setting to fix (never the token), which the poll's automatic retries and {@code POST
     * /sync-errors/retry} sync once the token is right. A DELETE batch, whose records a retry could not tell were
     * deleted, waits on the queue instead (and is named in Sync Health too).
     *
     * @return the batch's outcome (all records failed), or null when the batch waits on the queue
     */
    private SyncOutcome credentialRefused(SyncBatchMessage message, HubSpotTokenRejectedException e) {
        LOG.errorf("Sync batch %s (%s): %s", message.batchId(), message.object(), e.getMessage());
        Instant now = clock.instant();
        for (SyncBatchMessage.RecordRef ref : message.records()) {
            errors.record(message.object(), ref.hubspotId(), ref.salesforceId(), ErrorCategory.PERMISSIONS.name(),
                    e.getMessage(), now);
        }
        if (isDelete(message)) {
            queue.resend(message, (int) CREDENTIAL_RECHECK.toSeconds());
            return null;
        }
        return new SyncOutcome(0, 0, message.records().size(), 0);
    }

    public SyncOutcome process(SyncBatchMessage message) {
        return process(message, 1);
    }

    private SyncOutcome process(SyncBatchMessage message, int round) {
        Instant now = clock.instant();
        MappedObject schema = schemas.forObject(message.object());
        String object = schema.object();
        SegmentGate.Eligibility segment = message.membershipSnapshotId() != null
                ? gate.eligibilityAsOf(object, message.membershipSnapshotId(), config.segmentSettle(), askedFor(message))
                : gate.eligibility(object, config.segmentSettle());

        long started = System.nanoTime();
        List<Pairing> paired = resolvePairings(object, message.records());
        long pairingsRead = System.nanoTime();
        Candidates candidates = pairAndRead(schema, message, segment, paired, now);
        resolveErrorsBeforePairing(object, candidates, now);
        List<Pairing> eligible = eligible(message, candidates, segment);
        Map<String, SObject> salesforceRecords = readSalesforce(schema, eligible, candidates.salesforceRead());
        List<Pairing> followed = conversions.follow(eligible, salesforceRecords);
        if (followed != eligible) {
            // Converted leads now pair with their Contacts: read those (one more retrieve, only when leads converted).
            eligible = followed;
            salesforceRecords = readSalesforce(schema, eligible, SalesforceRead.NONE);
        }
        long read = System.nanoTime();
        Plans plans = plan(schema, message, eligible, candidates.hubspotRecords(), salesforceRecords, now);
        long planned = System.nanoTime();
        int stopped = goneRecords.endPairings(object, plans.gone(), isDelete(message));
        Map<String, RecordFailure> failures = writer.write(object, plans.plans());
        long wrote = System.nanoTime();
        Map<String, String> rolesRefused = applyContactRoles(plans, failures);
        List<AssociationMove> moves = new ArrayList<>();
        List<SyncBatchMessage.RecordRef> changedMeanwhile = new ArrayList<>();
        int written = saveOutcomes(object, message, plans, candidates.pairedNow(), failures, rolesRefused, moves,
                changedMeanwhile, now);
        applyAssociationMoves(object, moves, now);
        long saved = System.nanoTime();
        // where a batch's time goes: the pairings' read (store), pairing new records and reading both CRMs (at once
        // when all are paired), planning (and association reads), the writes to both CRMs (Salesforce first), the
        // pairings' saves (one conditional write each)
        LOG.infof("Sync batch %s (%s, %s): %d records, %d synced with writes, %d failed, %d unpaired (deleted) in %d ms"
                + " (pairings read %d ms, CRM reads %d ms, plan %d ms, writes %d ms, pairing saves %d ms)",
                message.batchId(), object, message.reason(), message.records().size(), written, failures.size(), stopped,
                millis(started, saved), millis(started, pairingsRead), millis(pairingsRead, read),
                millis(read, planned), millis(planned, wrote), millis(wrote, saved));
        SyncOutcome outcome = new SyncOutcome(plans.plans().size(), written, failures.size() + plans.unreadable(),
                stopped);
        return changedMeanwhile.isEmpty() ? outcome : outcome.plus(planAgain(message, changedMeanwhile, round));
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /**
     * Records whose pairing another worker saved while this one synced them: planned again from the newer pairing,
     * with both sides read again. A record that keeps racing fails the batch after a few rounds; SQS redelivers it.
     */
    private SyncOutcome planAgain(SyncBatchMessage message, List<SyncBatchMessage.RecordRef> records, int round) {
        if (round >= MAX_PLANNING_ROUNDS) {
            throw new PairingChangedException(message.object(), records.get(0).hubspotId(), "still racing after "
                    + round + " rounds");
        }
        LOG.infof("Sync batch %s: %d records changed by another worker meanwhile; planning them again",
                message.batchId(), records.size());
        return process(new SyncBatchMessage(message.batchId() + "-again" + round, message.object(), message.reason(),
                records, message.membershipSnapshotId()), round + 1);
    }

    /**
     * The batch's pairings, with its unpaired records paired now (their HubSpot ids in {@code pairedNow}), and the
     * HubSpot side of all of them.
     */
    private record Candidates(List<Pairing> pairings, Map<String, CrmObject> hubspotRecords, Set<String> pairedNow,
            SalesforceRead salesforceRead) {
    }

    /** Salesforce records read already, with the HubSpot read: the ids asked for, and those found. */
    private record SalesforceRead(Set<String> asked, Map<String, SObject> found) {

        static final SalesforceRead NONE = new SalesforceRead(Set.of(), Map.of());
    }

    /** What the batch will do: the records to write, the pairings whose partner is gone, and what could not be read. */
    private record Plans(List<RecordPlan> plans, Map<Pairing, String> gone,
            Map<String, AssociationOutcome> associations, int unreadable) {
    }

    /** A user asked for these records (a resync, an import's follow-up), after reading their membership. */
    private static boolean askedFor(SyncBatchMessage message) {
        return RESYNC.equals(message.reason()) || "IMPORT".equals(message.reason());
    }

    /**
     * A record paired now was created on the other side: the errors its earlier failed creates left (keyed by its
     * one side, as it had no partner) are resolved. Errors of what follows (the sync itself) are recorded anew.
     */
    private void resolveErrorsBeforePairing(String object, Candidates candidates, Instant now) {
        candidates.pairings().stream().filter(p -> candidates.pairedNow().contains(p.hubspotId()))
                .forEach(p -> errors.resolveBeforePairing(object, p.hubspotId(), p.salesforceId(), ERROR_CATEGORIES,
                        now));
    }

    private static boolean isDelete(SyncBatchMessage message) {
        return SyncBatchMessage.DELETE.equals(message.reason());
    }

    private Candidates pairAndRead(MappedObject schema, SyncBatchMessage message, SegmentGate.Eligibility segment,
            List<Pairing> paired, Instant now) {
        Set<String> pairedHs = new LinkedHashSet<>();
        Set<String> pairedSf = new LinkedHashSet<>();
        paired.forEach(p -> {
            pairedHs.add(p.hubspotId());
            pairedSf.add(p.salesforceId());
        });
        // A deleted record that was never paired has nothing to end, and cannot be read to pair it now.
        List<String> newSalesforce = isDelete(message) ? List.of()
                : message.records().stream().filter(r -> r.hubspotId() == null)
                        .map(SyncBatchMessage.RecordRef::salesforceId).filter(id -> !pairedSf.contains(id))
                        .distinct().toList();
        List<String> newHubSpot = message.records().stream().filter(r -> r.salesforceId() == null)
                .map(SyncBatchMessage.RecordRef::hubspotId).filter(id -> !pairedHs.contains(id))
                .filter(segment::isMember).distinct().toList();

        if (newSalesforce.isEmpty() && newHubSpot.isEmpty()) {
            return readBothAtOnce(schema, message, segment, paired);
        }
        List<Pairing> candidates = new ArrayList<>(paired);
        if (!newSalesforce.isEmpty()) {
            candidates.addAll(newRecords.pairSalesforceRecords(schema, newSalesforce, now));
        }
        Map<String, CrmObject> hubspotRecords = readHubSpot(schema, candidates, newHubSpot);
        if (!newHubSpot.isEmpty()) {
            List<CrmObject> unpairedRecords = newHubSpot.stream().map(hubspotRecords::get).filter(r -> r != null)
                    .filter(r -> segment.allows(r.id(), r.updatedAt())).toList();
            candidates.addAll(newRecords.pairHubSpotRecords(schema, unpairedRecords, now));
        }
        Set<String> pairedNow = new LinkedHashSet<>();
        candidates.subList(paired.size(), candidates.size()).forEach(p -> pairedNow.add(p.hubspotId()));
        return new Candidates(candidates, hubspotRecords, pairedNow, SalesforceRead.NONE);
    }

    /**
     * The usual batch, every record paired already: its HubSpot read and its Salesforce retrieve go at once (each
     * taking a call's latency) instead of one after the other. Salesforce is asked only for the records the segment
     * can let through (every record of a delete), so no retrieve is made that the sequential order would have
     * skipped, except for members whose change has not settled yet: those are in the same call anyway.
     */
    private Candidates readBothAtOnce(MappedObject schema, SyncBatchMessage message, SegmentGate.Eligibility segment,
            List<Pairing> paired) {
        List<Pairing> salesforceSide = isDelete(message) ? paired
                : paired.stream().filter(p -> segment.isMember(p.hubspotId())).toList();
        var both = reads.both(() -> readHubSpot(schema, paired, List.of()),
                () -> readSalesforce(schema, salesforceSide, SalesforceRead.NONE));
        Set<String> asked = new LinkedHashSet<>();
        salesforceSide.forEach(p -> asked.add(p.salesforceId()));
        return new Candidates(paired, both.first(), Set.of(), new SalesforceRead(asked, both.second()));
    }

    /**
     * Updates in either direction wait until the HubSpot record is in the inclusion segment. A member changed moments
     * before the snapshot waits: its change may be about to take it out of the segment. A retry is asked for (as a
     * resync is): membership as of the latest snapshot decides, without that wait. A deletion ends a pairing whatever
     * the segment: a record outside it must not stay paired to nothing.
     */
    private static List<Pairing> eligible(SyncBatchMessage message, Candidates candidates,
            SegmentGate.Eligibility segment) {
        if (isDelete(message)) {
            return candidates.pairings();
        }
        boolean retry = RETRY.equals(message.reason());
        return candidates.pairings().stream().filter(p -> {
            CrmObject hs = candidates.hubspotRecords().get(p.hubspotId());
            return hs == null || retry ? segment.isMember(p.hubspotId()) : segment.allows(p.hubspotId(), hs.updatedAt());
        }).toList();
    }

    private Plans plan(MappedObject schema, SyncBatchMessage message, List<Pairing> eligible,
            Map<String, CrmObject> hubspotRecords, Map<String, SObject> salesforceRecords, Instant now) {
        AssociationState associationState = associations.read(schema, eligible, salesforceRecords);
        Map<String, AssociationOutcome> associationOutcomes = new LinkedHashMap<>();
        List<RecordPlan> plans = new ArrayList<>();
        Map<Pairing, String> gone = new LinkedHashMap<>();
        int unreadable = 0;
        for (Pairing p : eligible) {
            CrmObject hs = hubspotRecords.get(p.hubspotId());
            SObject sf = salesforceRecords.get(p.salesforceId());
            if (hs == null) {
                // HubSpot has no record-level access: a record its batch read misses is archived or merged away.
                gone.put(p, GoneRecords.HUBSPOT);
                continue;
            }
            if (sf == null && isDelete(message)) {
                gone.put(p, GoneRecords.SALESFORCE);
                continue;
            }
            if (sf == null) {
                // Only getDeleted's word ends a pairing: a record missing from a read may only be hidden from the
                // integration user (sharing, ownership) for a while. Ending the pairing would make the next change
                // create a second record; it is kept, and Sync Health says why nothing synced.
                recordUnreadable(schema.object(), schema.sobject(p.salesforceType()), p, now);
                unreadable++;
                continue;
            }
            RecordPlan plan = ChangeDetector.plan(schema, p, schema.sobject(p.salesforceType()), hs, sf, now);
            AssociationOutcome moved = associations.decide(associationState, p, plan.sobject(), sf);
            associationOutcomes.put(p.hubspotId(), moved);
            plan = withAssociations(plan, moved);
            if (isWanted(message, plan)) {
                plans.add(plan);
            }
        }
        return new Plans(plans, gone, associationOutcomes, unreadable);
    }

    /**
     * A resync is asked for by a user: it carries current values even when no change triggers a sync (a formula that
     * changed alone), which is what a resync is for. A retry is asked for too: a record that already agrees (a poll
     * synced it since its error) is checked and saved, so its error is resolved.
     */
    private static boolean isWanted(SyncBatchMessage message, RecordPlan plan) {
        return plan.triggered() || (RESYNC.equals(message.reason()) && plan.writesAnything())
                || RETRY.equals(message.reason());
    }

    /**
     * Records each write's result: a failure in Sync Health, a success on its pairing (resolving a retried record's
     * errors), and what did not fully sync (an association, an untranslatable value) as an error beside it.
     * Returns how many records synced with a write; collects the association moves to make, and the records whose
     * pairing another worker saved meanwhile (their plan was not stored).
     */
    private int saveOutcomes(String object, SyncBatchMessage message, Plans plans, Set<String> pairedNow,
            Map<String, RecordFailure> failures, Map<String, String> rolesRefused, List<AssociationMove> moves,
            List<SyncBatchMessage.RecordRef> changedMeanwhile, Instant now) {
        boolean retry = RETRY.equals(message.reason());
        List<RecordPlan> toSave = new ArrayList<>();
        for (RecordPlan plan : plans.plans()) {
            Pairing p = plan.pairing();
            RecordFailure failure = failures.get(p.hubspotId());
            if (failure != null) {
                errors.record(object, p.hubspotId(), p.salesforceId(), failure.category().name(), failure.message(), now);
                continue;
            }
            String refusedRoles = rolesRefused.get(p.hubspotId());
            if (refusedRoles != null) {
                // Its contact roles keep their last synced sets: the next sync finds the same change and retries it.
                plan = ContactRoles.withoutRoles(plan.pairing(), plan);
                errors.record(object, p.hubspotId(), p.salesforceId(), ErrorCategory.ASSOCIATIONS.name(), refusedRoles,
                        now);
            }
            toSave.add(plan);
        }
        int written = 0;
        RuntimeException failed = null;
        for (PairingSaver.Saved saved : saver.saveAll(toSave, now)) {
            RecordPlan plan = saved.plan();
            Pairing p = plan.pairing();
            if (saved.changedMeanwhile()) {
                changedMeanwhile.add(new SyncBatchMessage.RecordRef(p.hubspotId(), null));
                continue;
            }
            if (saved.failure() != null) {
                // thrown once the saved ones are recorded: SQS retries the batch, which re-plans this record
                failed = failed == null ? saved.failure() : failed;
                continue;
            }
            AssociationOutcome moved = plans.associations().get(p.hubspotId());
            moves.addAll(moved.moves());
            if (plan.writesAnything() || moved.changed()) {
                written++;
            }
            if (retry) {
                for (ErrorCategory category : ErrorCategory.values()) {
                    errors.resolve(object, p.hubspotId(), p.salesforceId(), category.name(), now);
                }
            }
            if (retry && !pairedNow.contains(p.hubspotId())) {
                // Errors from before it had a partner (a failed create) name one side only: resolved now it synced.
                errors.resolveBeforePairing(object, p.hubspotId(), p.salesforceId(), ERROR_CATEGORIES, now);
            }
            if (!moved.problems().isEmpty()) {
                errors.record(object, p.hubspotId(), p.salesforceId(), ErrorCategory.ASSOCIATIONS.name(),
                        String.join(" ", moved.problems()), now);
            }
            if (!plan.problems().isEmpty()) {
                // The other fields synced; the untranslatable ones wait for the user, visibly.
                errors.record(object, p.hubspotId(), p.salesforceId(), ErrorCategory.PROPERTY_VALUE.name(),
                        String.join(" ", plan.problems()), now);
            }
        }
        if (failed != null) {
            throw failed;
        }
        return written;
    }

    /**
     * A deal's contact roles change before its pairing is saved (of the records whose own write succeeded), so a
     * refused change is not stored as synced. Returns the refusals by deal.
     */
    private Map<String, String> applyContactRoles(Plans plans, Map<String, RecordFailure> failures) {
        List<ContactRoles.RoleChange> changes = plans.plans().stream()
                .filter(plan -> !failures.containsKey(plan.pairing().hubspotId()))
                .flatMap(plan -> plans.associations().get(plan.pairing().hubspotId()).roleChanges().stream()).toList();
        return associations.applyRoles(changes);
    }

    /** After the pairings are saved: a failed association call retries the batch, which finds them still to move. */
    private void applyAssociationMoves(String object, List<AssociationMove> moves, Instant now) {
        for (var refused : associations.apply(object, moves)) {
            for (String id : refused.ids()) {
                errors.record(object, id, null, ErrorCategory.ASSOCIATIONS.name(), "HubSpot refused an association: "
                        + refused.message(), now);
            }
        }
    }

    private void recordUnreadable(String object, String sobject, Pairing p, Instant now) {
        errors.record(object, p.hubspotId(), p.salesforceId(), ErrorCategory.PERMISSIONS.name(), "Salesforce did not"
                + " return " + sobject + " " + p.salesforceId() + " to the integration user: it cannot see the record"
                + " (sharing rules, ownership), or the record was deleted and the next poll's deletion check ends the"
                + " pairing. The pairing is kept; give the integration user access and retry.", now);
    }

    /** The association outcome folded into the record's plan: its lookup writes and last synced values. */
    private static RecordPlan withAssociations(RecordPlan plan, AssociationOutcome moved) {
        if (moved.salesforceAfter().isEmpty() && moved.hubspotAfter().isEmpty() && !moved.changed()) {
            return plan;
        }
        Map<String, Object> sfWrites = new LinkedHashMap<>(plan.salesforceWrites());
        sfWrites.putAll(moved.salesforceWrites());
        Map<String, String> hsAfter = new LinkedHashMap<>(plan.hubspotAfter());
        hsAfter.putAll(moved.hubspotAfter());
        Map<String, String> sfAfter = new LinkedHashMap<>(plan.salesforceAfter());
        sfAfter.putAll(moved.salesforceAfter());
        return new RecordPlan(plan.pairing(), plan.sobject(), plan.triggered() || moved.changed()
                || !moved.problems().isEmpty(), plan.hubspotWrites(), sfWrites, hsAfter, sfAfter, plan.history(),
                plan.problems());
    }

    private List<Pairing> resolvePairings(String object, List<SyncBatchMessage.RecordRef> refs) {
        Map<String, Pairing> found = new LinkedHashMap<>();
        List<String> hsIds = refs.stream().map(SyncBatchMessage.RecordRef::hubspotId).filter(id -> id != null).toList();
        pairings.findByHubspotIds(object, hsIds).values().forEach(p -> found.put(p.hubspotId(), p));
        List<String> sfOnly = refs.stream().filter(r -> r.hubspotId() == null)
                .map(SyncBatchMessage.RecordRef::salesforceId).toList();
        if (!sfOnly.isEmpty()) {
            pairings.findBySalesforceIds(object, sfOnly).values().forEach(p -> found.put(p.hubspotId(), p));
        }
        return new ArrayList<>(found.values());
    }

    private Map<String, CrmObject> readHubSpot(MappedObject schema, List<Pairing> paired, List<String> unpaired) {
        Set<String> ids = new LinkedHashSet<>(unpaired);
        paired.forEach(p -> ids.add(p.hubspotId()));
        Map<String, CrmObject> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            hubspot.batchRead(schema.object(), List.copyOf(ids), schema.hubspotProperties(), Optional.empty()).results()
                    .stream().filter(o -> !o.archived()).forEach(o -> out.put(o.id(), o));
        }
        return out;
    }

    /** The Salesforce side of {@code paired}, retrieving only what {@code already} has not asked for. */
    private Map<String, SObject> readSalesforce(MappedObject schema, List<Pairing> paired, SalesforceRead already) {
        Map<String, List<String>> idsByObject = new LinkedHashMap<>();
        Map<String, SObject> out = new LinkedHashMap<>();
        for (Pairing p : paired) {
            if (already.asked().contains(p.salesforceId())) {
                SObject found = already.found().get(p.salesforceId());
                if (found != null) {
                    out.put(found.id(), found);
                }
            } else {
                idsByObject.computeIfAbsent(schema.sobject(p.salesforceType()), k -> new ArrayList<>())
                        .add(p.salesforceId());
            }
        }
        idsByObject.forEach((sobject, ids) -> salesforce.retrieve(sobject, ids, schema.salesforceFields(sobject))
                .forEach(r -> r.ifPresent(o -> out.put(o.id(), o))));
        return out;
    }

    /** What a batch did, for logs and tests. */
    public record SyncOutcome(int recordsTriggered, int recordsWritten, int recordsFailed, int pairingsRemoved) {

        SyncOutcome plus(SyncOutcome other) {
            return new SyncOutcome(recordsTriggered + other.recordsTriggered, recordsWritten + other.recordsWritten,
                    recordsFailed + other.recordsFailed, pairingsRemoved + other.pairingsRemoved);
        }
    }
}

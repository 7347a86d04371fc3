package io.crmsync.resync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.crmsync.associations.AssociationLink;
import io.crmsync.health.ApiUsageService;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotNotFoundException;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.limits.LimitPauses;
import io.crmsync.segments.SegmentGate;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.poll.FanOut;
import io.crmsync.sync.worker.MappedObject;
import io.crmsync.usage.UsageConfig;
import io.crmsync.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A segment resync in two steps, so neither runs longer than a request may and a crash at any point is resumed:
 * <ol>
 * <li>{@link #start} (the API call) checks the list, picks the job that answers the request (the same one for a
 * retried request), queues the planning step and records the job as QUEUED, in that order: a crash after queuing
 * leaves a message from which the worker records the job itself; a crash before it leaves nothing to be stuck, and
 * the retried request queues it.</li>
 * <li>{@link #plan} (the sync worker, from that message) reads the members, estimates the calls from the members'
 * pairings, checks the Salesforce budget, stores the batches it will queue, moves the job to RUNNING and queues the
 * batches. A redelivered step finds the stored plan and queues it again (a repeated batch is counted once, see
 * {@link ResyncJobRepository#applyBatch}); only a step whose batches were all queued does nothing.</li>
 * </ol>
 * HubSpot's own connector asks for "segment size x 3" Salesforce calls; batching 200 members per Collections call
 * needs about 2 per 200.
 */
@ApplicationScoped
public class SegmentResyncService {

    private static final Logger LOG = Logger.getLogger(SegmentResyncService.class);
    static final String BATCH_PREFIX = "resync-";
    /** The request key without an Idempotency-Key header: "the resync of this list still open". */
    private static final String OPEN_KEY = "open";
    /** How long an Idempotency-Key answers the same job (as long as the job itself is kept). */
    private static final Duration KEY_RETENTION = Duration.ofDays(30);
    private static final Map<String, String> OBJECTS_BY_TYPE_ID = Map.of("0-1", "contact", "0-2", "company",
            "0-3", "deal", "0-5", "ticket");

    private final HubSpotClient hubspot;
    private final PairingRepository pairings;
    private final ObjectPairs objects;
    private final ApiUsageService usageReport;
    private final UsageRecorder usage;
    private final UsageConfig budget;
    private final FanOut fanOut;
    private final ResyncJobRepository jobs;
    private final SegmentGate gate;
    private final LimitPauses limitPauses;
    private final Clock clock;

    SegmentResyncService(HubSpotClient hubspot, PairingRepository pairings, ObjectPairs objects,
            ApiUsageService usageReport, UsageRecorder usage, UsageConfig budget, FanOut fanOut,
            ResyncJobRepository jobs, SegmentGate gate, LimitPauses limitPauses, Clock clock) {
        this.gate = gate;
        this.hubspot = hubspot;
        this.pairings = pairings;
        this.objects = objects;
        this.usageReport = usageReport;
        this.usage = usage;
        this.budget = budget;
        this.fanOut = fanOut;
        this.jobs = jobs;
        this.limitPauses = limitPauses;
        this.clock = clock;
    }

    /**
     * Accepts a resync of list {@code listId}: the job that answers this request, queued unless it is under way or
     * done. {@code idempotencyKey} (null: none) names the request: the same key answers the same job for 30 days;
     * without one, a request answers the list's resync that is still open, if any.
     */
    public ResyncJob start(String listId, String idempotencyKey) {
        try {
            String object = objectOf(readList(listId));
            boolean keyed = idempotencyKey != null;
            String id = jobs.claimRequest(listId, keyed ? digest(idempotencyKey) : OPEN_KEY, newId(), !keyed,
                    KEY_RETENTION, clock.instant());
            ResyncJob job = jobs.find(id).orElse(null);
            if (job == null || job.status() == ResyncJob.Status.QUEUED) {
                // New, or an earlier attempt may have died before queuing: queue (again; planning twice is harmless)
                fanOut.send(SyncBatchMessage.segmentResync(id, object, listId));
                jobs.createIfAbsent(ResyncJob.queued(id, object, listId, clock.instant()));
                job = jobs.find(id).orElseThrow();
                LOG.infof("Resync %s of list %s (%s) queued", id, listId, object);
            }
            return job;
        } finally {
            usage.flush();
        }
    }

    /**
     * The worker's step for a {@link SyncBatchMessage#RESYNC_SEGMENT} message; when a CRM's daily budget is spent,
     * the step waits on the queue for the reset like a sync batch does.
     */
    public void planOrPause(SyncBatchMessage step) {
        try {
            plan(step);
            limitPauses.resumed();
        } catch (RuntimeException e) {
            var hit = limitPauses.hitBy(e);
            if (hit.isEmpty()) {
                throw e;
            }
            fanOut.resend(step, (int) limitPauses.pause(hit.get(), "Segment resync " + step.batchId()).toSeconds());
        } finally {
            usage.flush();
        }
    }

    void plan(SyncBatchMessage step) {
        String id = resyncIdOf(step.batchId());
        ResyncJob job = jobs.find(id).orElseGet(() -> {
            // the API died after queuing this step and before recording the job
            jobs.createIfAbsent(ResyncJob.queued(id, step.object(), step.listId(), clock.instant()));
            return jobs.find(id).orElseThrow();
        });
        if (job.status() == ResyncJob.Status.QUEUED) {
            readMembersAndPlan(job);
        }
        queuePlannedBatches(id);
    }

    private void readMembersAndPlan(ResyncJob job) {
        String id = job.resyncId();
        String listId = job.listId();
        String object = job.object();
        Instant now = clock.instant();
        try {
            objectOf(readList(listId));
        } catch (SegmentNotFoundException | UnsupportedSegmentException e) {
            refuse(id, null, e instanceof SegmentNotFoundException ? "LIST_NOT_FOUND" : "UNSUPPORTED_LIST",
                    e.getMessage() + " Nothing was queued.", now);
            return;
        }
        List<String> members = hubspot.lists().allMembers(listId);
        Map<String, Pairing> paired = pairings.findByHubspotIds(object, members);

        List<List<String>> batches = new ArrayList<>();
        List<ResyncEstimate.BatchShape> shapes = new ArrayList<>();
        String primary = objects.require(object).primarySalesforceObject();
        for (int i = 0; i < members.size(); i += SyncBatchMessage.MAX_RECORDS) {
            List<String> chunk = members.subList(i, Math.min(members.size(), i + SyncBatchMessage.MAX_RECORDS));
            Set<String> sobjects = new HashSet<>();
            boolean pairsNew = false;
            for (String member : chunk) {
                Pairing p = paired.get(member);
                if (p == null) {
                    pairsNew = true;
                    sobjects.add(MappedObject.typeOf(primary).name());
                } else {
                    sobjects.add(p.salesforceType().name());
                }
            }
            batches.add(List.copyOf(chunk));
            int links = (int) AssociationLink.of(object).stream()
                    .filter(l -> sobjects.contains(MappedObject.typeOf(l.sobject()).name())).count();
            shapes.add(new ResyncEstimate.BatchShape(chunk.size(), sobjects.size(), pairsNew, links));
        }
        ResyncEstimate estimate = ResyncEstimate.of(shapes);
        long remaining = usageReport.currentOrgUsage().map(u -> u.remaining()).orElse(Long.MAX_VALUE);
        if (estimate.salesforceCalls() > remaining - budget.salesforceReserve()) {
            var shortBy = new SalesforceBudgetShortException(estimate, remaining, budget.salesforceReserve());
            refuse(id, estimate, "SALESFORCE_BUDGET_SHORT", shortBy.getMessage(), now);
            return;
        }
        // Judged by membership as read now, not by the last poll's snapshot (which may predate the list).
        String pinned = members.isEmpty() ? null
                : gate.pinCurrentMembers(object, members, listId, members).orElse(null);
        jobs.savePlan(id, batches, now);
        if (jobs.startRunning(id, estimate, pinned, now)) {
            LOG.infof("Resync %s of list %s (%s): %d members in %d batches, estimated %d Salesforce and %d HubSpot"
                    + " calls", id, listId, object, estimate.members(), estimate.batches(), estimate.salesforceCalls(),
                    estimate.hubspotCalls());
        }
    }

    private void refuse(String id, ResyncEstimate estimate, String code, String message, Instant now) {
        if (jobs.refuse(id, estimate, new ResyncJob.Refusal(code, message), now)) {
            LOG.warnf("Resync %s refused (%s): %s", id, code, message);
        }
    }

    /** Queues every planned batch of a RUNNING job not yet confirmed queued; nothing for other jobs. */
    private void queuePlannedBatches(String id) {
        jobs.pendingFanOut(id).ifPresent(pending -> {
            List<SyncBatchMessage.RecordRef> refs = new ArrayList<>();
            for (int n = 0; n < pending.batches(); n++) {
                jobs.plannedBatch(id, n).forEach(h -> refs.add(new SyncBatchMessage.RecordRef(h, null)));
            }
            // FanOut cuts the same 200-record batches, named resync-<id>-<n>, so a repeat is counted once
            fanOut.send(pending.object(), "RESYNC", BATCH_PREFIX + id, refs, pending.membershipSnapshotId());
            jobs.markQueued(id, clock.instant());
        });
    }

    private HubSpotList readList(String listId) {
        try {
            return hubspot.lists().get(listId);
        } catch (HubSpotNotFoundException e) {
            throw new SegmentNotFoundException(listId);
        }
    }

    private String objectOf(HubSpotList list) {
        String object = OBJECTS_BY_TYPE_ID.get(list.objectTypeId());
        if (object == null) {
            // Custom objects: the configured pair whose HubSpot type is the list's object type id.
            object = objects.all().keySet().stream().filter(o -> o.equals(list.objectTypeId())).findFirst()
                    .orElseThrow(() -> new UnsupportedSegmentException("List " + list.listId() + " ('" + list.name()
                            + "') holds records of type " + list.objectTypeId() + ", which crm-sync does not sync."));
        }
        return object;
    }

    private static String newId() {
        return "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Keys are the client's text: stored only as a digest, of fixed length whatever the client sent. */
    private static String digest(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    /** The resync a sync batch belongs to, from the batch id {@code resync-<resyncId>-<n>}; null for other batches. */
    static String resyncIdOf(String batchId) {
        if (batchId == null || !batchId.startsWith(BATCH_PREFIX)) {
            return null;
        }
        int dash = batchId.lastIndexOf('-');
        return dash <= BATCH_PREFIX.length() ? null : batchId.substring(BATCH_PREFIX.length(), dash);
    }
}

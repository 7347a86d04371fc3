package io.crmsync.resync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.crmsync.health.ApiUsageService;
import io.crmsync.associations.AssociationLink;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotNotFoundException;
import io.crmsync.hubspot.model.HubSpotList;
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
 * Starts a segment resync: snapshots the list's members, estimates the calls from the members' pairings, checks the
 * Salesforce budget, then queues the members for the sync worker in batches. HubSpot's own connector asks for
 * "segment size x 3" Salesforce calls; batching 200 members per Collections call needs about 2 per 200.
 */
@ApplicationScoped
public class SegmentResyncService {

    private static final Logger LOG = Logger.getLogger(SegmentResyncService.class);
    static final String BATCH_PREFIX = "resync-";
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
    private final Clock clock;

    SegmentResyncService(HubSpotClient hubspot, PairingRepository pairings, ObjectPairs objects,
            ApiUsageService usageReport, UsageRecorder usage, UsageConfig budget, FanOut fanOut,
            ResyncJobRepository jobs, SegmentGate gate, Clock clock) {
        this.gate = gate;
        this.hubspot = hubspot;
        this.pairings = pairings;
        this.objects = objects;
        this.usageReport = usageReport;
        this.usage = usage;
        this.budget = budget;
        this.fanOut = fanOut;
        this.jobs = jobs;
        this.clock = clock;
    }

    public ResyncJob start(String listId) {
        try {
            return run(listId);
        } finally {
            usage.flush();
        }
    }

    private ResyncJob run(String listId) {
        HubSpotList list;
        try {
            list = hubspot.lists().get(listId);
        } catch (HubSpotNotFoundException e) {
            throw new SegmentNotFoundException(listId);
        }
        String object = objectOf(list);
        List<String> members = hubspot.lists().allMembers(listId);
        Map<String, Pairing> paired = pairings.findByHubspotIds(object, members);

        List<List<SyncBatchMessage.RecordRef>> batches = new ArrayList<>();
        List<ResyncEstimate.BatchShape> shapes = new ArrayList<>();
        String primary = objects.require(object).primarySalesforceObject();
        for (int i = 0; i < members.size(); i += SyncBatchMessage.MAX_RECORDS) {
            List<String> chunk = members.subList(i, Math.min(members.size(), i + SyncBatchMessage.MAX_RECORDS));
            Set<String> sobjects = new HashSet<>();
            boolean pairsNew = false;
            for (String id : chunk) {
                Pairing p = paired.get(id);
                if (p == null) {
                    pairsNew = true;
                    sobjects.add(MappedObject.typeOf(primary).name());
                } else {
                    sobjects.add(p.salesforceType().name());
                }
            }
            batches.add(chunk.stream().map(id -> new SyncBatchMessage.RecordRef(id, null)).toList());
            int links = (int) AssociationLink.of(object).stream()
                    .filter(l -> sobjects.contains(MappedObject.typeOf(l.sobject()).name())).count();
            shapes.add(new ResyncEstimate.BatchShape(chunk.size(), sobjects.size(), pairsNew, links));
        }
        ResyncEstimate estimate = ResyncEstimate.of(shapes);
        long remaining = usageReport.currentOrgUsage().map(u -> u.remaining()).orElse(Long.MAX_VALUE);
        if (estimate.salesforceCalls() > remaining - budget.salesforceReserve()) {
            throw new SalesforceBudgetShortException(estimate, remaining, budget.salesforceReserve());
        }
        Instant now = clock.instant();
        String id = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ResyncJob job = jobs.create(new ResyncJob(id, object, listId, members.isEmpty() ? ResyncJob.Status.COMPLETED
                : ResyncJob.Status.RUNNING, estimate.members(), estimate.batches(), estimate.salesforceCalls(),
                estimate.hubspotCalls(), 0, 0, 0, 0, now, members.isEmpty() ? now : null));
        List<SyncBatchMessage.RecordRef> all = batches.stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            // Judged by membership as read now, not by the last poll's snapshot (which may predate the list).
            String pinned = gate.pinCurrentMembers(object, members, listId, members).orElse(null);
            fanOut.send(object, "RESYNC", BATCH_PREFIX + id, all, pinned);
        }
        LOG.infof("Resync %s of list %s (%s): %d members in %d batches, estimated %d Salesforce and %d HubSpot calls",
                id, listId, object, estimate.members(), estimate.batches(), estimate.salesforceCalls(),
                estimate.hubspotCalls());
        return job;
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

    /** The resync a sync batch belongs to, from the batch id {@code resync-<resyncId>-<n>}; null for other batches. */
    static String resyncIdOf(String batchId) {
        if (batchId == null || !batchId.startsWith(BATCH_PREFIX)) {
            return null;
        }
        int dash = batchId.lastIndexOf('-');
        return dash <= BATCH_PREFIX.length() ? null : batchId.substring(BATCH_PREFIX.length(), dash);
    }
}

package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.associations.ContactRoleOpportunities;
import io.crmsync.segments.InclusionSegment;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.ObjectPair;
import io.crmsync.store.CrmSide;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.PollSummary;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchMessage.RecordRef;
import io.crmsync.sync.SyncConfig;
import io.crmsync.sync.worker.MappedObject;
import io.crmsync.sync.worker.MappedObjects;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Polls one object once: Salesforce changes and deletes per sObject, HubSpot changes, then (after those reads) the
 * inclusion segment snapshot; fans the records out; advances the watermarks only once every message was accepted.
 */
@ApplicationScoped
public class ObjectPoller {

    private final SalesforceChanges salesforce;
    private final HubSpotChanges hubspot;
    private final SegmentRefresher segments;
    private final InclusionSegmentSettings segmentSettings;
    private final WatermarkRepository watermarks;
    private final FanOut fanOut;
    private final ErrorRetries retries;
    private final SyncConfig config;
    private final PairingRepository pairings;
    private final MappedObjects schemas;
    private final OwnWrites ownWrites;
    private final ContactRoleOpportunities roleOpportunities;

    ObjectPoller(SalesforceChanges salesforce, HubSpotChanges hubspot, SegmentRefresher segments,
            InclusionSegmentSettings segmentSettings, WatermarkRepository watermarks, FanOut fanOut,
            ErrorRetries retries, SyncConfig config, PairingRepository pairings, MappedObjects schemas,
            OwnWrites ownWrites, ContactRoleOpportunities roleOpportunities) {
        this.roleOpportunities = roleOpportunities;
        this.schemas = schemas;
        this.ownWrites = ownWrites;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.segments = segments;
        this.segmentSettings = segmentSettings;
        this.watermarks = watermarks;
        this.fanOut = fanOut;
        this.retries = retries;
        this.config = config;
        this.pairings = pairings;
    }

    public PollSummary.ObjectResult poll(ObjectPair pair, String pollId, Instant now, PollBudget budget) {
        String object = pair.hubspotObject();
        Map<String, RecordRef> refs = new LinkedHashMap<>();
        List<RecordRef> deleted = new ArrayList<>();
        List<Save> saves = new ArrayList<>();
        boolean incomplete = false;
        MappedObject schema = schemas.forObject(object);
        int pageSize = config.poll().pageSize();

        for (String sobject : pair.salesforceObjects()) {
            if (!budget.hasTime()) {
                incomplete = true;
                break; // the next poll reads this sObject from where it stands
            }
            String key = object + "." + sobject;
            Optional<Watermark> mark = watermarks.find(key, CrmSide.SALESFORCE);
            ReadStart start = start(mark, now);
            ChangeRead read = salesforce.read(sobject, start, schema.salesforceFields(sobject), budget);
            ownWrites.salesforceChanges(schema, sobject, read.changes()).stream()
                    .filter(c -> schema.includes(sobject, c.values()::get))
                    .forEach(c -> refs.putIfAbsent("sf:" + c.id(), new RecordRef(null, c.id())));
            if (object.equals("deal") && sobject.equals("Opportunity")) {
                salesforce.opportunitiesWithRoleChanges(start.at())
                        .forEach(id -> refs.putIfAbsent("sf:" + id, new RecordRef(null, id)));
                if (mark.isPresent()) {
                    // A deleted role names no Opportunity: the one remembered when the role was synced does.
                    List<String> deletedRoles = salesforce.deletedBetween("OpportunityContactRole", start.at(), now)
                            .stream().map(Change::id).toList();
                    roleOpportunities.opportunitiesOf(deletedRoles).values()
                            .forEach(id -> refs.putIfAbsent("sf:" + id, new RecordRef(null, id)));
                }
            }
            if (mark.isPresent()) {
                salesforce.deletedBetween(sobject, start.at(), now)
                        .forEach(c -> deleted.add(new RecordRef(null, c.id())));
            }
            incomplete |= !read.complete();
            if (read.complete()) {
                saves.add(finished(mark, advanced(key, CrmSide.SALESFORCE, read.changes(), now, now)));
            } else if (!read.changes().isEmpty()) {
                saves.add(checkpoint(key, CrmSide.SALESFORCE, mark, read, read.checkpoint(), now));
            }
        }

        Optional<SegmentRefresher.Refresh> refreshed = Optional.empty();
        if (budget.hasTime()) {
            Optional<Watermark> hsMark = watermarks.find(object, CrmSide.HUBSPOT);
            ChangeRead hsRead = hubspot.read(object, start(hsMark, now), schema.hubspotProperties(), pageSize, budget);
            // The watermark moves past crm-sync's own writes too; only the sync work leaves them out.
            List<Change> hsWork = ownWrites.hubspotChanges(schema, hsRead.changes());

            // Taken after the changes were read: membership is at least as new as every change fanned out below.
            Optional<InclusionSegment> segment = segmentSettings.find(object).filter(s -> s.listId() != null);
            Instant settledBefore = now.minus(config.segmentSettle());
            Instant hsBookmark = now;
            if (segment.isPresent() && !budget.hasTime()) {
                // No time left to read the membership the changes are judged by: the next poll reads them again.
                hsRead = new ChangeRead(List.of(), false, hsRead.pages(), hsRead.next());
                hsWork = List.of();
            } else if (segment.isPresent()) {
                var refresh = segments.refresh(object, segment.get().listId(), pollId, now);
                refreshed = Optional.of(refresh);
                Set<String> members = refresh.snapshot().members();
                for (Change c : hsWork) {
                    // A member changed moments ago may be about to leave the segment (HubSpot re-evaluates lists
                    // later): it waits for a later snapshot instead of racing the re-evaluation.
                    if (members.contains(c.id()) && c.modifiedAt().isAfter(settledBefore)) {
                        hsBookmark = hsBookmark.isAfter(c.modifiedAt()) ? c.modifiedAt().minusMillis(1) : hsBookmark;
                    } else if (members.contains(c.id())) {
                        refs.putIfAbsent("hs:" + c.id(), new RecordRef(c.id(), null));
                    }
                }
                refresh.entered().forEach(id -> refs.putIfAbsent("hs:" + id, new RecordRef(id, null)));
            } else {
                hsWork.forEach(c -> refs.putIfAbsent("hs:" + c.id(), new RecordRef(c.id(), null)));
            }
            incomplete |= !hsRead.complete();
            if (hsRead.complete()) {
                saves.add(finished(hsMark, advanced(object, CrmSide.HUBSPOT, hsRead.changes(), hsBookmark, now)));
            } else if (!hsRead.changes().isEmpty()) {
                // A held-back member change lies before the checkpoint: resume just before it, so it is read again.
                ReadStart resume = hsBookmark.isBefore(hsRead.checkpoint().at())
                        ? ReadStart.after(hsBookmark, Optional.empty())
                        : hsRead.checkpoint();
                saves.add(checkpoint(object, CrmSide.HUBSPOT, hsMark, hsRead, resume, now));
            }
        } else {
            incomplete = true;
        }

        List<RecordRef> work = byPairing(object, refs);
        int changes = work.size();
        // The batches name the snapshot taken above: workers judge by it (read by id, strongly consistent), not by
        // whatever the segment's current snapshot is when they run.
        String snapshotId = refreshed.map(r -> r.snapshot().snapshotId()).orElse(null);
        int batches = fanOut.send(object, "POLL", pollId + "-" + object, work, snapshotId);
        // Apart, so that what getDeleted reported (and only that) may archive a HubSpot record, whatever the segment.
        batches += fanOut.send(object, SyncBatchMessage.DELETE, pollId + "-" + object + "-deleted", deleted);
        List<RecordRef> due = retries.due(object, now);
        batches += fanOut.send(object, "RETRY", pollId + "-" + object + "-retry", due, snapshotId);
        // Only now that its joiners are queued does the snapshot become the one the next poll compares with.
        refreshed.ifPresent(r -> segments.makeCurrent(r, now));
        // Only now that every change read is queued does a watermark or checkpoint move past them.
        saves.forEach(this::save);
        List<PollSummary.CatchUpProgress> catchingUp = saves.stream()
                .filter(sv -> sv.next().catchingUp().isPresent())
                .map(sv -> PollSummary.CatchUpProgress.of(sv.next()))
                .toList();
        return new PollSummary.ObjectResult(object, incomplete ? "CATCHING_UP" : "POLLED",
                changes + deleted.size() + due.size(), batches, null, catchingUp);
    }

    /** A watermark to store, and the one the run read ({@code readFrom}), which a checkpoint replaces. */
    private record Save(Watermark next, Optional<Watermark> readFrom, boolean replaces) {
    }

    private void save(Save save) {
        if (save.replaces()) {
            watermarks.replace(save.next(), save.readFrom());
        } else {
            watermarks.advance(save.next());
        }
    }

    /**
     * A read that reached the end: the watermark takes {@code next}. Ending a catch-up replaces the checkpoint (which
     * may lie ahead of {@code next}); otherwise the watermark only moves forward, as always.
     */
    private static Save finished(Optional<Watermark> mark, Watermark next) {
        return new Save(next, mark, mark.flatMap(Watermark::catchingUp).isPresent());
    }

    /** A read stopped at its budget: the checkpoint after what it read, counting what the catch-up has read. */
    private static Save checkpoint(String key, CrmSide side, Optional<Watermark> mark, ChangeRead read,
            ReadStart resume, Instant now) {
        Optional<Watermark.CatchUp> before = mark.flatMap(Watermark::catchingUp);
        Instant progressAt = read.changes().isEmpty() ? before.map(Watermark.CatchUp::progressAt).orElse(now) : now;
        Watermark.CatchUp catchUp = new Watermark.CatchUp(before.map(Watermark.CatchUp::since).orElse(now),
                before.map(Watermark.CatchUp::readSoFar).orElse(0L) + read.changes().size(), progressAt);
        if (resume.inclusive()) {
            // Nothing was read (no time left): the stored position stays; a first read's start becomes a checkpoint
            // just before it, so the next poll reads the same records.
            resume = ReadStart.after(resume.at().minusMillis(1), Optional.empty());
        }
        return new Save(new Watermark(key, side, resume.at(), resume.afterId().orElse(null), now, catchUp), mark, true);
    }

    /**
     * A record changed on both sides (or whose own write echoes back) is reported by both searches: paired Salesforce
     * ids become their HubSpot id so each pairing is synced once. DynamoDB reads only, no API calls.
     */
    private List<RecordRef> byPairing(String object, Map<String, RecordRef> refs) {
        List<String> salesforceIds = refs.values().stream().filter(r -> r.hubspotId() == null)
                .map(RecordRef::salesforceId).toList();
        Map<String, Pairing> paired = salesforceIds.isEmpty() ? Map.of()
                : pairings.findBySalesforceIds(object, salesforceIds);
        Map<String, RecordRef> unique = new LinkedHashMap<>();
        for (RecordRef r : refs.values()) {
            Pairing p = r.hubspotId() == null ? paired.get(r.salesforceId()) : null;
            String hubspotId = p != null ? p.hubspotId() : r.hubspotId();
            if (hubspotId != null) {
                unique.putIfAbsent("hs:" + hubspotId, new RecordRef(hubspotId, null));
            } else {
                unique.putIfAbsent("sf:" + r.salesforceId(), r);
            }
        }
        return List.copyOf(unique.values());
    }

    /**
     * A checkpoint is resumed strictly after its position (keyset, no lookback: the records before it were queued);
     * otherwise the read starts at the watermark minus the lookback, or the first-poll window.
     */
    private ReadStart start(Optional<Watermark> mark, Instant now) {
        if (mark.isPresent() && mark.get().catchingUp().isPresent()) {
            return ReadStart.after(mark.get().modifiedAt(), mark.get().lastRecordId());
        }
        return ReadStart.since(mark.map(w -> w.modifiedAt().minus(config.lookback()))
                .orElse(now.minus(config.firstPollWindow())));
    }

    /**
     * The next watermark: the newest change read (timestamp then id), but never past {@code bookmarkLimit} (records
     * held back for the segment, and the poll's own start: anything committed later belongs to the next poll), and
     * never behind {@code bookmarkLimit} minus the lookback. That floor is what the lookback already assumes (a commit
     * is visible within the lookback of its timestamp, clocks agree within it); without it an object that goes quiet
     * after a burst of changes would re-read the whole burst on every poll until something else changed.
     */
    private Watermark advanced(String key, CrmSide side, List<Change> changes, Instant bookmarkLimit, Instant now) {
        Change newest = null;
        for (Change c : changes) {
            if (!c.modifiedAt().isAfter(bookmarkLimit)) {
                newest = c;
            }
        }
        Instant floor = bookmarkLimit.minus(config.lookback());
        if (newest == null || newest.modifiedAt().isBefore(floor)) {
            return new Watermark(key, side, floor, null, now);
        }
        return new Watermark(key, side, newest.modifiedAt(), newest.id(), now);
    }
}

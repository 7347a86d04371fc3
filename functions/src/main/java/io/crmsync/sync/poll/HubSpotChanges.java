package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.limits.CallDeadlineExceededException;
import io.crmsync.hubspot.model.SearchPage;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import io.crmsync.hubspot.model.SearchRequest.FilterGroup;
import io.crmsync.hubspot.model.SearchRequest.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HubSpot records changed since a point: a search on the type's last-modified property (contacts:
 * {@code lastmodifieddate}, others {@code hs_lastmodifieddate}), ascending, which the client re-windows past the
 * 10,000-result cap. An idle poll is one search call.
 */
@ApplicationScoped
public class HubSpotChanges {

    private static final Logger LOG = Logger.getLogger(HubSpotChanges.class);
    /** HubSpot answers 400 to a page starting at or past 10,000 results of one query. */
    static final int RESULT_CAP = 10_000;

    private final HubSpotClient hubspot;

    HubSpotChanges(HubSpotClient hubspot) {
        this.hubspot = hubspot;
    }

    public List<Change> changedSince(String object, Instant since) {
        return changedSince(object, since, List.of());
    }

    /** With the values of {@code properties}, which the search pages carry at no extra call. */
    public List<Change> changedSince(String object, Instant since, List<String> properties) {
        String lastModified = HubSpotClient.lastModifiedProperty(object);
        java.util.Set<String> read = new java.util.LinkedHashSet<>(properties);
        read.add(lastModified);
        SearchRequest request = SearchRequest.of(
                List.of(FilterGroup.of(Filter.of(lastModified, "GTE", String.valueOf(since.toEpochMilli())))),
                Sort.ascending(lastModified), List.copyOf(read));
        return hubspot.searchAll(object, request)
                .map(o -> new Change(o.id(), o.updatedAt() != null ? o.updatedAt() : since,
                        new java.util.HashMap<String, Object>(o.properties())))
                .toList();
    }

    /**
     * Changes from {@code start}, page by page, as many pages as {@code budget} allows. HubSpot search takes one sort
     * (the last-modified date) and orders records sharing a millisecond as it likes, so a read never stops inside such
     * a tie: it stops after the last whole millisecond read, and resumes with {@code > that millisecond}. Records of
     * the cut-off millisecond are read again by the next query (a few records, no extra call). Past the 10,000-result
     * cap of one query the read restarts the same way, so a resumed read and a long read use one mechanism.
     */
    public ChangeRead read(String object, ReadStart start, List<String> properties, int pageSize, PollBudget budget) {
        String lastModified = HubSpotClient.lastModifiedProperty(object);
        java.util.Set<String> read = new java.util.LinkedHashSet<>(properties);
        read.add(lastModified);
        int limit = Math.min(pageSize, 200);
        List<Change> changes = new ArrayList<>();
        ReadStart from = start;
        int windowStart = 0;
        String after = null;
        int pages = 0;
        // A tie larger than the budget is read to its end while time allows: cutting inside it would lose records.
        while (budget.allowsPage(pages, limit) || (!changes.isEmpty() && cut(changes, 0) == 0 && budget.hasTime())) {
            SearchRequest request = new SearchRequest(List.of(FilterGroup.of(window(lastModified, from))),
                    List.of(Sort.ascending(lastModified)), List.copyOf(read), limit, after);
            SearchPage page;
            try {
                page = hubspot.search(object, request);
            } catch (CallDeadlineExceededException e) {
                break; // the run's time is up: what was read is queued and checkpointed, the rest is the next run's
            }
            pages++;
            page.results().forEach(o -> changes.add(new Change(o.id(), modifiedAt(o, lastModified, start.at()),
                    new java.util.HashMap<String, Object>(o.properties()))));
            if (page.nextAfter().isEmpty()) {
                return new ChangeRead(changes, true, pages, from);
            }
            after = page.nextAfter().get();
            if (Integer.parseInt(after) + limit > RESULT_CAP) {
                int cut = cut(changes, windowStart);
                if (cut == windowStart) {
                    throw new IllegalStateException("More than " + RESULT_CAP + " " + object + " share " + lastModified
                            + " = " + changes.get(changes.size() - 1).modifiedAt()
                            + "; HubSpot search cannot page past them.");
                }
                from = truncate(changes, cut);
                windowStart = changes.size();
                after = null;
            }
        }
        if (changes.isEmpty()) {
            return new ChangeRead(List.of(), false, pages, from);
        }
        int cut = cut(changes, windowStart);
        if (cut == 0) {
            LOG.warnf("The %s read stopped inside %d records sharing one modification time; the next poll reads them"
                    + " again from %s", object, changes.size(), from.at());
            return new ChangeRead(List.of(), false, pages, start);
        }
        ReadStart checkpoint = truncate(changes, cut);
        return new ChangeRead(changes, false, pages, checkpoint);
    }

    /**
     * Where the records read so far may be cut: after the last record whose millisecond differs from the final
     * record's (never before {@code windowStart}, which is itself such a boundary).
     */
    private static int cut(List<Change> changes, int windowStart) {
        if (changes.size() <= windowStart) {
            return windowStart;
        }
        Instant lastMillis = changes.get(changes.size() - 1).modifiedAt();
        int i = changes.size();
        while (i > windowStart && changes.get(i - 1).modifiedAt().toEpochMilli() == lastMillis.toEpochMilli()) {
            i--;
        }
        return i;
    }

    /** Drops the records from {@code cut} on; the next read starts after the millisecond of the last one kept. */
    private static ReadStart truncate(List<Change> changes, int cut) {
        changes.subList(cut, changes.size()).clear();
        return ReadStart.after(changes.get(cut - 1).modifiedAt(), Optional.empty());
    }

    private static Filter window(String lastModified, ReadStart from) {
        return Filter.of(lastModified, from.inclusive() ? "GTE" : "GT", String.valueOf(from.at().toEpochMilli()));
    }

    private static Instant modifiedAt(io.crmsync.hubspot.model.CrmObject o, String lastModified, Instant fallback) {
        String value = o.property(lastModified);
        if (value != null) {
            try {
                return Instant.parse(value);
            } catch (java.time.format.DateTimeParseException notIso) {
                // some portals answer epoch milliseconds
                try {
                    return Instant.ofEpochMilli(Long.parseLong(value));
                } catch (NumberFormatException neither) {
                    // fall through to updatedAt
                }
            }
        }
        return o.updatedAt() != null ? o.updatedAt() : fallback;
    }
}

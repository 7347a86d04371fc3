package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.SearchPage;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Re-windowing must return every matching record exactly once whatever the tie pattern on the sort value and
 * whatever order the search engine puts ties in (HubSpot documents none), with a small result cap so every try
 * crosses it several times.
 */
class SearchCursorPropertyTest {

    private static final int CAP = 50;

    @Property(tries = 200)
    void reWindowing_returnsEveryRecordExactlyOnce(@ForAll @IntRange(min = 0, max = 400) int records,
            @ForAll @IntRange(min = 1, max = 12) int maxTie, @ForAll @IntRange(min = 1, max = 20) int pageSize,
            @ForAll long seed) {
        // given: sort values in runs of 1..maxTie equal values (fewer than fit in one capped window)
        Random random = new Random(seed);
        List<CrmObject> all = new ArrayList<>();
        long value = 1_000;
        int runLeft = 1 + random.nextInt(maxTie);
        for (int i = 0; i < records; i++) {
            if (runLeft-- == 0) {
                value += 1 + random.nextInt(3);
                runLeft = random.nextInt(maxTie);
            }
            all.add(record(i, value));
        }
        SearchRequest request = new SearchRequest(List.of(), List.of(SearchRequest.Sort.ascending("stamp")),
                List.of("stamp"), pageSize, null);

        // when
        SearchCursor cursor = new SearchCursor(r -> engine(all, r, seed), request, "stamp", CAP);
        List<String> seen = StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, 0), false)
                .map(CrmObject::id).toList();

        // then
        assertThat(seen).doesNotHaveDuplicates().hasSameElementsAs(all.stream().map(CrmObject::id).toList());
    }

    @Example
    void moreTiesThanOneWindowHolds_failsWithAClearError_insteadOfLoopingOrSkipping() {
        // given: 60 records with the same sort value and a cap of 50
        List<CrmObject> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(record(i, 7));
        }
        SearchRequest request = new SearchRequest(List.of(), List.of(SearchRequest.Sort.ascending("stamp")),
                List.of("stamp"), 10, null);
        SearchCursor cursor = new SearchCursor(r -> engine(all, r, 1L), request, "stamp", CAP);

        // when / then
        assertThatThrownBy(() -> cursor.forEachRemaining(o -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share stamp = 7");
    }

    private static CrmObject record(int i, long stamp) {
        return new CrmObject(String.valueOf(10_000 + i), Map.of("stamp", String.valueOf(stamp)), null, null, false);
    }

    /** A search engine with HubSpot's contract: GTE filters, ascending sort, ties in any order, a result cap. */
    private static SearchPage engine(List<CrmObject> all, SearchRequest request, long seed) {
        long floor = request.filterGroups().stream().flatMap(g -> g.filters().stream())
                .filter(f -> f.operator().startsWith("GT")).mapToLong(f -> Long.parseLong(f.value()) + (f.operator().equals("GT") ? 1 : 0)).max()
                .orElse(Long.MIN_VALUE);
        List<CrmObject> matches = new ArrayList<>(all.stream()
                .filter(o -> Long.parseLong(o.property("stamp")) >= floor).toList());
        // ties come back in an arbitrary order that is stable for one query (offset paging relies on that) but
        // differs between queries, so each re-windowed query may order its ties differently
        Collections.shuffle(matches, new Random(seed ^ floor));
        matches.sort(Comparator.comparingLong(o -> Long.parseLong(o.property("stamp")))); // stable: keeps tie order
        int after = request.after() == null ? 0 : Integer.parseInt(request.after());
        if (after >= CAP) {
            throw new IllegalStateException("paged past the cap: after=" + after);
        }
        int end = Math.min(matches.size(), after + request.limit());
        Optional<String> next = end < matches.size() ? Optional.of(String.valueOf(end)) : Optional.empty();
        return new SearchPage(matches.size(), matches.subList(after, end), next);
    }
}

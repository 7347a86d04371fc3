package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.SearchPage;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import io.crmsync.hubspot.model.SearchRequest.FilterGroup;
import io.crmsync.hubspot.model.SearchRequest.Sort;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HubSpotSearchTest extends HubSpotClientTestSupport {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void searchAll_12000Matches_returnsEachOnce_byReWindowingPastTheCap() {
        // given: 12,000 customers whose last-modified dates come in ties of 7, plus 500 leads that must not match
        List<String> customers = sandbox.seed("contacts", 12_000, i -> contact(i, "customer", BASE.plusMillis(i / 7)));
        sandbox.seed("contacts", 500, i -> contact(20_000 + i, "lead", BASE.plusMillis(i)));
        SearchRequest request = SearchRequest.of(
                List.of(FilterGroup.of(Filter.of("lifecyclestage", "EQ", "customer"))),
                Sort.ascending("lastmodifieddate"), List.of("email", "lifecyclestage"));

        // when
        List<CrmObject> all = client.searchAll("contacts", request).toList();

        // then
        assertThat(all).hasSize(12_000);
        assertThat(all.stream().map(CrmObject::id).collect(Collectors.toSet())).isEqualTo(Set.copyOf(customers));
        assertThat(all).allMatch(o -> o.property("lifecyclestage").equals("customer"));
        assertThat(client.calls().count("search")).isBetween(61L, 64L); // 60 pages of 200, plus the re-window overlap
        assertThat(sandbox.statuses().count("400")).isZero();
    }

    @Test
    void searchAll_byObjectId_reWindowsWithGreaterThan() {
        // given
        List<String> ids = sandbox.seed("companies", 10_450, i -> Map.of("name", "Company " + i));

        // when
        List<String> seen = client.searchAll("companies", SearchRequest.of(List.of(), Sort.ascending("hs_object_id"),
                List.of("name"))).map(CrmObject::id).toList();

        // then
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void search_singlePage_reportsTotalAndNextAfter() {
        // given
        sandbox.seed("deals", 25, i -> Map.of("dealname", "Deal " + i, "amount", String.valueOf(i * 100)));
        SearchRequest request = new SearchRequest(List.of(FilterGroup.of(Filter.of("amount", "GTE", "1000"))),
                List.of(Sort.ascending("amount")), List.of("dealname", "amount"), 10, null);

        // when
        SearchPage first = client.search("deals", request);
        SearchPage second = client.search("deals", request.withAfter(first.nextAfter().orElseThrow()));

        // then
        assertThat(first.total()).isEqualTo(15);
        assertThat(first.results()).extracting(o -> o.property("amount")).startsWith("1000", "1100");
        assertThat(second.results()).hasSize(5);
        assertThat(second.nextAfter()).isEmpty();
    }

    @Test
    void search_pastTheCapWithoutReWindowing_isAValidationError() {
        // given
        sandbox.seed("contacts", 10, i -> contact(i, "lead", BASE));
        SearchRequest pastCap = new SearchRequest(List.of(), List.of(), List.of(), 100, "10000");

        // when / then
        assertThatThrownBy(() -> client.search("contacts", pastCap))
                .isInstanceOfSatisfying(HubSpotValidationException.class,
                        e -> assertThat(e.getMessage()).contains("10000"));
    }

    @Test
    void search_moreThan18Filters_isRefusedLikeHubSpot() {
        // given
        List<FilterGroup> groups = java.util.stream.IntStream.range(0, 4)
                .mapToObj(g -> new FilterGroup(java.util.stream.IntStream.range(0, 5)
                        .mapToObj(f -> Filter.of("firstname", "NEQ", "x" + f)).toList()))
                .toList();

        // when / then
        assertThatThrownBy(() -> client.search("contacts", SearchRequest.of(groups, null, List.of())))
                .isInstanceOf(HubSpotValidationException.class).hasMessageContaining("18");
    }

    private static Map<String, String> contact(int i, String stage, Instant modified) {
        Map<String, String> c = new HashMap<>();
        c.put("email", "c" + i + "@example.com");
        c.put("lifecyclestage", stage);
        c.put("lastmodifieddate", modified.toString());
        return c;
    }
}

package io.crmsync.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.salesforce.store.SalesforceIds;

class IdRangesTest {

    @Test
    void boundaries_cutTheSpanIntoOrderedValidIds_strictlyBetweenItsEnds() {
        // given the Ids of 100,000 contacts, as Salesforce (and the sandbox) number them
        String after = SalesforceIds.of("003", 2_000);
        String last = SalesforceIds.of("003", 100_000);

        // when the span after the first page is cut into 4 ranges
        List<String> cuts = IdRanges.boundaries(after, last, 4);

        // then 3 cuts, in order, strictly inside, each an 18-character Id with Salesforce's own case-safe suffix
        assertThat(cuts).hasSize(3);
        List<String> ordered = new ArrayList<>(List.of(after));
        ordered.addAll(cuts);
        ordered.add(last);
        assertThat(ordered).isSortedAccordingTo(String::compareTo).doesNotHaveDuplicates();
        assertThat(cuts).allSatisfy(id -> {
            assertThat(id).hasSize(18).startsWith("003");
            assertThat(SalesforceIds.to18(id.substring(0, 15))).isEqualTo(id);
        });
        // and the ranges are about equal where Ids are dense
        assertThat(cuts.get(1)).isEqualTo(SalesforceIds.of("003", 2_000 + (100_000 - 2_000) * 2 / 4));
    }

    @Test
    void boundaries_refuseSpansTheyCannotCut() {
        assertThat(IdRanges.boundaries(SalesforceIds.of("003", 1), SalesforceIds.of("00Q", 50_000), 4))
                .as("two objects' Ids").isEmpty();
        assertThat(IdRanges.boundaries(SalesforceIds.of("003", 10), SalesforceIds.of("003", 12), 4))
                .as("fewer Ids than ranges").isEmpty();
        assertThat(IdRanges.boundaries(null, SalesforceIds.of("003", 12), 4)).isEmpty();
        assertThat(IdRanges.boundaries("not an id", SalesforceIds.of("003", 12), 4)).isEmpty();
        assertThat(IdRanges.boundaries(SalesforceIds.of("003", 1), SalesforceIds.of("003", 50_000), 1)).isEmpty();
    }
}

package io.crmsync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResyncEstimateTest {

    @Test
    void fullBatchesOfOneSalesforceObject_costTwoSalesforceAndFiveHubSpotCallsPer200_withTheirCompanies() {
        // given: 5,000 paired contacts, all Salesforce Contacts, whose company association is kept in sync
        var shapes = Collections.nCopies(25, new ResyncEstimate.BatchShape(200, 1, false, 1));

        // when
        ResyncEstimate estimate = ResyncEstimate.of(shapes);

        // then
        assertThat(estimate.members()).isEqualTo(5_000);
        assertThat(estimate.salesforceCalls()).isEqualTo(50);
        assertThat(estimate.hubspotCalls()).as("2 reads + 2 updates + 1 associations read per batch").isEqualTo(125);
        assertThat(estimate.salesforceCalls() * 1000 / estimate.members()).isLessThanOrEqualTo(30);
    }

    @Test
    void batchMixingLeadsAndContacts_andPairingNewRecords_costsAReadPerObjectAndACreate() {
        // given: one batch of 150 holding Leads and Contacts and unpaired members
        var shapes = List.of(new ResyncEstimate.BatchShape(150, 2, true, 0));

        // when
        ResyncEstimate estimate = ResyncEstimate.of(shapes);

        // then: 2 retrieves + 1 update + 1 create; HubSpot 2 reads + 2 updates of 100
        assertThat(estimate.salesforceCalls()).isEqualTo(4);
        assertThat(estimate.hubspotCalls()).isEqualTo(4);
    }

    @Test
    void resyncIdOf_readsTheJobFromResyncBatchIds_only() {
        assertThat(SegmentResyncService.resyncIdOf("resync-rs0123456789abcdef-12")).isEqualTo("rs0123456789abcdef");
        assertThat(SegmentResyncService.resyncIdOf("poll-contact-3")).isNull();
        assertThat(SegmentResyncService.resyncIdOf("resync-")).isNull();
    }
}

package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.editSalesforce;
import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.store.CrmSide;
import io.crmsync.store.Watermark;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Inclusion segments through the poll function: entry, exit, the re-evaluation race, and Salesforce-created records. */
@QuarkusTest
@TestProfile(PollTestProfile.class)
class SegmentPollTest extends PollTestSupport {

    @Test
    void segment_entrySyncs_exitStops_andAnUpdateThatLeavesTheSegmentNeverRacesItsReEvaluation() throws Exception {
        // given: an active list of customers; "stays" and "leaves" are members, changed long enough ago
        HubSpotList list = hubspotClient.lists().create(unique("Customers"), "0-1", HubSpotList.ProcessingType.DYNAMIC,
                customers());
        String old = Instant.now().minus(Duration.ofMinutes(10)).toString();
        List<String> ids = hubspot().seed("contact", List.of(
                contact("stays", "customer", old), contact("leaves", "customer", old), contact("outside", "lead", old)));
        String stays = ids.get(0);
        String leaves = ids.get(1);
        String outside = ids.get(2);
        segments.choose("contact", list.listId());
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, Instant.now().minus(Duration.ofMinutes(12)), null,
                Instant.now()));

        // when: first poll after choosing the segment
        syncAll(poll());

        // then: members entered and synced (Salesforce leads created), the outsider did not
        assertThat(pairings.findByHubspotIds("contact", List.of(stays, leaves, outside))).containsOnlyKeys(stays, leaves);
        String leavesLead = pairings.findByHubspotId("contact", leaves).orElseThrow().salesforceId();

        // when: "leaves" is edited so that it drops out of the list, but HubSpot has not re-evaluated the list yet
        List<Runnable> pendingEvaluation = new ArrayList<>();
        hubspot().listEvaluation(pendingEvaluation::add);
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(leaves,
                Map.of("lifecyclestage", "other", "firstname", "Should not reach Salesforce"))));
        syncAll(poll());
        pendingEvaluation.forEach(Runnable::run);
        hubspot().listEvaluation(Runnable::run);
        syncAll(poll());

        // then: the update never reached Salesforce, before or after the re-evaluation
        assertThat(salesforce().record("Lead", leavesLead).get("FirstName")).isNotEqualTo("Should not reach Salesforce");

        // when: the outsider entered the segment through an edit made a while ago (a fresh edit waits one poll to settle)
        hubspot().clock(Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(outside, Map.of("lifecyclestage", "customer"))));
        hubspot().clock(Clock.systemUTC());
        syncAll(poll());

        // then
        assertThat(pairings.findByHubspotId("contact", outside)).isPresent();
    }

    @Test
    void salesforceLeadOutsideTheSegment_createsItsHubSpotContact_butLaterUpdatesWait() throws Exception {
        // given
        HubSpotList list = hubspotClient.lists().create(unique("Customers"), "0-1", HubSpotList.ProcessingType.DYNAMIC,
                customers());
        segments.choose("contact", list.listId());
        String leadId = salesforce().insert("Lead", lead("outside-sf"));

        // when
        syncAll(poll());

        // then
        var pairing = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
        assertThat(pairing).isNotNull();
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow()).containsKey("email");

        // when
        editSalesforce("Lead", leadId, Map.of("FirstName", "Waiting"));
        syncAll(poll());

        // then
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow().get("firstname")).isNotEqualTo("Waiting");
    }
}

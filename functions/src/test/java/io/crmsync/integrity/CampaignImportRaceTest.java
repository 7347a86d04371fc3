package io.crmsync.integrity;

import static io.crmsync.resync.ResyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.imports.ImportTestSupport;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two campaign imports reaching the same contacts at once: "Salesforce Campaigns" ends with both, whichever page
 * wrote last. Run as Lambda runs them: both imports' pages on the import queue, two concurrent workers, HubSpot
 * answering slowly enough that a read-merge-write of one overlaps the other's.
 */
@QuarkusTest
class CampaignImportRaceTest {

    private static final int MEMBERS = 12;

    @AfterEach
    void clearFaults() {
        hubspot().faults().clear();
    }

    @Test
    void twoCampaignImportsAtOnce_sameContacts_eachContactListsBothCampaigns() {
        // given: two active campaigns with the same members
        String tag = unique("race");
        String spring = salesforce().insert("Campaign", Map.of("Name", "Spring " + tag, "IsActive", true));
        String autumn = salesforce().insert("Campaign", Map.of("Name", "Autumn " + tag, "IsActive", true));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String email = tag + "-" + i + "@example.com";
            emails.add(email);
            String contact = salesforce().insert("Contact", Map.of("LastName", "Member " + i, "Email", email));
            for (String campaign : List.of(spring, autumn)) {
                salesforce().insert("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact,
                        "Status", "Sent"));
            }
        }
        for (String campaign : List.of(spring, autumn)) {
            var started = ImportTestSupport.api("POST", "/imports", null,
                    "{\"object\":\"campaign\",\"campaignId\":\"" + campaign + "\"}");
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
        }
        hubspot().faults().latency(Duration.ofMillis(150));

        // when: both imports' pages run at once
        QueueWorkers.Drain drain = QueueWorkers.drain("ImportChunksQueue", "importChunk", 2);

        // then
        assertThat(drain.peakConcurrency()).isEqualTo(2);
        for (String email : emails) {
            var contacts = hubspot().find("contacts", "email", email);
            assertThat(contacts).as(email).hasSize(1);
            assertThat(List.of(contacts.get(0).get("salesforce_campaigns").split(";"))).as(email)
                    .containsExactlyInAnyOrder("Spring " + tag, "Autumn " + tag);
        }
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}

package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.settings.FieldMapping;
import io.crmsync.store.Pairing;
import io.crmsync.settings.SyncRule;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The automatic retry policy of errored records: interval, attempt cap, resolution once the record syncs, and no
 * automatic retries once three quarters of the portal's daily HubSpot calls are spent.
 */
@QuarkusTest
@TestProfile(PollTestProfile.class)
class ErrorRetryPollTest extends PollTestSupport {

    @Test
    void erroredRecord_isRetriedAfterTheInterval_upToTheAttemptCap_andResolvedOnceItSyncs() {
        // given: a two-way last name cleared in HubSpot; Salesforce requires LastName, so the write fails
        String leadId = salesforce().insert("Lead", lead("retry"));
        var pairing = pairedLeadWhoseLastNameWasClearedInHubSpot(leadId);
        var error = errors.find("contact", pairing.hubspotId(), leadId, "PROPERTY_VALUE").orElseThrow();
        assertThat(error.message()).isEqualTo("Salesforce REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]");

        // then: not due at once, due after 30 minutes
        Instant now = Instant.now();
        assertThat(retries.due("contact", now)).extracting(SyncBatchMessage.RecordRef::hubspotId)
                .doesNotContain(pairing.hubspotId());
        List<SyncBatchMessage.RecordRef> due = retries.due("contact", now.plus(Duration.ofMinutes(31)));
        assertThat(due).extracting(SyncBatchMessage.RecordRef::hubspotId).contains(pairing.hubspotId());

        // when: the cause is fixed without touching the record (the rule now prefers Salesforce) and the retry runs
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        worker.process(new SyncBatchMessage(unique("r"), "contact", "RETRY", due));

        // then
        assertThat(errors.find("contact", pairing.hubspotId(), leadId, "PROPERTY_VALUE").orElseThrow().resolved()).isTrue();
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow()).containsEntry("lastname", "retry");

        // and: an error that failed 10 times is no longer retried automatically
        for (int i = 0; i < 10; i++) {
            errors.record("contact", "999" + pairing.hubspotId(), leadId, "PERMISSIONS", "no access", now);
        }
        assertThat(retries.due("contact", now.plus(Duration.ofHours(1)))).extracting(SyncBatchMessage.RecordRef::hubspotId)
                .doesNotContain("999" + pairing.hubspotId());
    }

    @Test
    void automaticRetries_stop_whileThreeQuartersOfTheDailyHubSpotCallsAreSpent() {
        // given: an errored record whose retry is due
        String leadId = salesforce().insert("Lead", lead("budget"));
        var pairing = pairedLeadWhoseLastNameWasClearedInHubSpot(leadId);
        Instant later = Instant.now().plus(Duration.ofMinutes(31));
        assertThat(retries.due("contact", later)).extracting(SyncBatchMessage.RecordRef::hubspotId)
                .contains(pairing.hubspotId());
        try {
            // when: the portal's daily limit leaves only a few calls, as HubSpot's headers then say
            hubspot().rateLimits().dailyMax(hubspot().rateLimits().dailyUsed() + 3);
            hubspotClient.batchRead("contact", List.of(pairing.hubspotId()), List.of("email"), Optional.empty());

            // then: nothing is retried automatically
            assertThat(retries.due("contact", later)).isEmpty();

            // and when: the daily allowance is back (the next response's headers say so)
            hubspot().rateLimits().dailyMax(650_000);
            hubspotClient.batchRead("contact", List.of(pairing.hubspotId()), List.of("email"), Optional.empty());

            // then: the record is due again
            assertThat(retries.due("contact", later)).extracting(SyncBatchMessage.RecordRef::hubspotId)
                    .contains(pairing.hubspotId());
        } finally {
            hubspot().rateLimits().dailyMax(650_000);
        }
    }

    /** A lead paired by a first sync whose HubSpot last name is then cleared: Salesforce refuses the blank value. */
    private Pairing pairedLeadWhoseLastNameWasClearedInHubSpot(String leadId) {
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("lastname", "LastName", SyncRule.TWO_WAY), FieldMapping.of("company", "Company")));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.sf(leadId))));
        var pairing = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(pairing.hubspotId(), Map.of("lastname", ""))));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.hs(pairing.hubspotId()))));
        return pairing;
    }
}

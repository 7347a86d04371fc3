package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.owners.OwnerDirectory;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.SyncError;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Owners through the functions: Salesforce {@code User} and HubSpot owners matched by email, translated both ways by
 * the poll -> queue -> worker path; a person with no counterpart is a Sync Health error naming them.
 */
@QuarkusTest
class OwnersSyncTest extends CrmPollSupport {

    @Inject
    OwnerDirectory directory;

    private String maryUser;
    private String maryOwner;
    private String dorothyUser;
    private String dorothyOwner;

    @BeforeEach
    void people() {
        String mary = unique("mary") + "@nasa.example.com";
        String dorothy = unique("dorothy") + "@nasa.example.com";
        maryUser = salesforce().insert("User", Map.of("FirstName", "Mary", "LastName", "Jackson", "Email", mary,
                "IsActive", true));
        dorothyUser = salesforce().insert("User", Map.of("FirstName", "Dorothy", "LastName", "Vaughan",
                "Email", dorothy, "IsActive", true));
        // HubSpot spells emails as it likes; matching ignores case
        maryOwner = hubspot().addOwner(mary.toUpperCase(), "Mary", "Jackson");
        dorothyOwner = hubspot().addOwner(dorothy, "Dorothy", "Vaughan");
        directory.forget();
        mappings.replace("deal", List.of(FieldMapping.of("dealname", "Name"), FieldMapping.of("amount", "Amount"),
                FieldMapping.of("closedate", "CloseDate"), FieldMapping.of("dealstage", "StageName"),
                new FieldMapping("hubspot_owner_id", "OwnerId", SyncRule.TWO_WAY)));
        mappings.replace("company", List.of(FieldMapping.of("name", "Name"),
                new FieldMapping("hubspot_owner_id", "OwnerId", SyncRule.TWO_WAY)));
    }

    @Test
    void ownerChangedInSalesforce_becomesTheHubSpotOwnerWithTheSameEmail_afterAPoll() {
        // given: an opportunity of Mary's, synced
        String opportunity = salesforce().insert("Opportunity", opportunity(maryUser));
        pollAndSync();
        String dealId = pairings.findBySalesforceId("deal", opportunity).orElseThrow().hubspotId();
        assertThat(hubspot().record("deals", dealId).orElseThrow()).containsEntry("hubspot_owner_id", maryOwner);

        // when: Dorothy takes it over in Salesforce
        editSalesforce("Opportunity", opportunity, Map.of("OwnerId", dorothyUser));
        pollAndSync();

        // then
        assertThat(hubspot().record("deals", dealId).orElseThrow()).containsEntry("hubspot_owner_id", dorothyOwner);
        assertThat(openErrors("deal", dealId)).isEmpty();
    }

    @Test
    void ownerChangedInHubSpot_becomesTheSalesforceUserWithTheSameEmail_afterAPoll() {
        // given
        String opportunity = salesforce().insert("Opportunity", opportunity(maryUser));
        pollAndSync();
        String dealId = pairings.findBySalesforceId("deal", opportunity).orElseThrow().hubspotId();

        // when: reassigned in HubSpot (the owner syncs two-way)
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(dealId, Map.of("hubspot_owner_id", dorothyOwner))));
        pollAndSync();

        // then
        assertThat(salesforce().record("Opportunity", opportunity)).containsEntry("OwnerId", dorothyUser);
    }

    @Test
    void ownerWithNoHubSpotCounterpart_isASyncHealthErrorNamingThePerson_andTheRestSyncs() {
        // given: an account owned by someone who is not a HubSpot user
        String katherine = unique("katherine") + "@nasa.example.com";
        String katherineUser = salesforce().insert("User", Map.of("FirstName", "Katherine", "LastName", "Johnson",
                "Email", katherine, "IsActive", true));
        String name = unique("Langley");
        String account = salesforce().insert("Account", Map.of("Name", name, "OwnerId", katherineUser));

        // when
        pollAndSync();

        // then
        String companyId = pairings.findBySalesforceId("company", account).orElseThrow().hubspotId();
        assertThat(hubspot().record("companies", companyId).orElseThrow()).containsEntry("name", name)
                .doesNotContainKey("hubspot_owner_id");
        assertThat(openErrors("company", companyId)).singleElement().satisfies(e -> assertThat(e.message())
                .contains("Katherine Johnson (" + katherine + ")", "Add " + katherine + " as a HubSpot user"));

        // when: she is added to HubSpot and the error retried
        String katherineOwner = hubspot().addOwner(katherine, "Katherine", "Johnson");
        directory.forget();
        worker.process(new io.crmsync.sync.SyncBatchMessage(unique("retry"), "company", "RETRY",
                List.of(new io.crmsync.sync.SyncBatchMessage.RecordRef(companyId, null))));

        // then
        assertThat(hubspot().record("companies", companyId).orElseThrow())
                .containsEntry("hubspot_owner_id", katherineOwner);
        assertThat(openErrors("company", companyId)).isEmpty();
    }

    private static Map<String, Object> opportunity(String ownerId) {
        return Map.of("Name", unique("Apollo"), "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 5, 1),
                "Amount", new BigDecimal("5000"), "OwnerId", ownerId);
    }

    private List<SyncError> openErrors(String object, String hubspotId) {
        return errors.listOpen(object, Optional.empty(), Optional.empty(), 100).items().stream()
                .filter(e -> hubspotId.equals(e.hubspotId())).toList();
    }
}

package io.crmsync.crm;

import static io.crmsync.resync.ResyncFixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.owners.OwnerDirectory;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.SyncError;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.testing.LambdaEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The default owner setting ({@code PUT /settings/default-owners}): a record owned by someone with no counterpart in
 * the other CRM gets the default owner of that direction instead of a Sync Health error, and the field's history says
 * whom the default stood in for. Without the setting such an owner stays an error, as before. Through the api, poll
 * and syncBatch functions against both sandboxes.
 */
@QuarkusTest
class DefaultOwnerTest extends CrmPollSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OwnerDirectory directory;
    @Inject
    FunctionDispatcher functions;

    private String maryUser;
    private String maryOwner;
    private String katherineUser;
    private String katherine;

    @BeforeEach
    void people() {
        String mary = unique("mary") + "@nasa.example.com";
        katherine = unique("katherine") + "@nasa.example.com";
        maryUser = salesforce().insert("User", Map.of("FirstName", "Mary", "LastName", "Jackson", "Email", mary,
                "IsActive", true));
        maryOwner = hubspot().addOwner(mary, "Mary", "Jackson");
        // the integration user: owns records in Salesforce, is no HubSpot user
        katherineUser = salesforce().insert("User", Map.of("FirstName", "Katherine", "LastName", "Johnson",
                "Email", katherine, "IsActive", true));
        directory.forget();
        mappings.replace("company", List.of(FieldMapping.of("name", "Name"),
                new FieldMapping("hubspot_owner_id", "OwnerId", SyncRule.TWO_WAY)));
    }

    @AfterEach
    void noDefaults() {
        api("PUT", "/settings/default-owners", null, "{}", 200);
    }

    @Test
    void salesforceOwnerWithNoHubSpotOwner_isAnErrorWithoutTheSetting_andTheDefaultOwnerWithIt_notedInTheHistory()
            throws Exception {
        // given: an account of Katherine's, synced without a default owner
        String name = unique("Langley");
        String account = salesforce().insert("Account", Map.of("Name", name, "OwnerId", katherineUser));
        pollAndSyncThroughFunctions();
        String companyId = pairings.findBySalesforceId("company", account).orElseThrow().hubspotId();
        assertThat(hubspot().record("companies", companyId).orElseThrow()).doesNotContainKey("hubspot_owner_id");
        assertThat(openErrors("company", companyId)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Katherine Johnson"));

        // when: Mary is made the default HubSpot owner and the error retried
        JsonNode chosen = api("PUT", "/settings/default-owners", null,
                "{\"hubspotOwnerId\":\"" + maryOwner + "\"}", 200);
        worker.process(new SyncBatchMessage(unique("retry"), "company", "RETRY",
                List.of(new SyncBatchMessage.RecordRef(companyId, null))));

        // then: Mary owns it in HubSpot, Salesforce keeps Katherine, no error, and the history says why
        assertThat(chosen.path("hubspotOwnerId").asText()).isEqualTo(maryOwner);
        assertThat(api("GET", "/settings/default-owners", null, null, 200).path("hubspotOwnerId").asText())
                .isEqualTo(maryOwner);
        assertThat(hubspot().record("companies", companyId).orElseThrow()).containsEntry("hubspot_owner_id", maryOwner);
        assertThat(salesforce().record("Account", account)).containsEntry("OwnerId", katherineUser);
        assertThat(openErrors("company", companyId)).isEmpty();
        JsonNode history = api("GET", "/pairings/company/" + companyId, null, null, 200).path("history");
        assertThat(history.findValuesAsText("note")).anySatisfy(note -> assertThat(note)
                .contains("defaulted", "Katherine Johnson (" + katherine + ")", maryOwner));

        // when: nothing changes, the next poll writes nothing back to Salesforce
        pollAndSyncThroughFunctions();

        // then
        assertThat(salesforce().record("Account", account)).containsEntry("OwnerId", katherineUser);
    }

    @Test
    void hubspotOwnerWithNoSalesforceUser_becomesTheDefaultSalesforceUser() throws Exception {
        // given: an account of Mary's, synced; Grace owns records in HubSpot but has no Salesforce user; records
        // from HubSpot whose owner is not in Salesforce go to the integration user
        String grace = hubspot().addOwner(unique("grace") + "@nasa.example.com", "Grace", "Hopper");
        directory.forget();
        api("PUT", "/settings/default-owners", null, "{\"salesforceUserId\":\"" + katherineUser + "\"}", 200);
        String account = salesforce().insert("Account", Map.of("Name", unique("Ames"), "OwnerId", maryUser));
        pollAndSyncThroughFunctions();
        String companyId = pairings.findBySalesforceId("company", account).orElseThrow().hubspotId();

        // when: Grace takes it over in HubSpot
        hubspotClient.batchUpdate("companies", List.of(new ObjectUpdate(companyId, Map.of("hubspot_owner_id", grace))));
        pollAndSyncThroughFunctions();

        // then: the default Salesforce user owns it there, and nothing is left in Sync Health
        assertThat(salesforce().record("Account", account)).containsEntry("OwnerId", katherineUser);
        assertThat(openErrors("company", companyId)).isEmpty();
        JsonNode history = api("GET", "/pairings/company/" + companyId, null, null, 200).path("history");
        assertThat(history.findValuesAsText("note")).anySatisfy(note -> assertThat(note)
                .contains("defaulted", "Grace Hopper", katherineUser));

        // when: the account changes in Salesforce afterwards
        editSalesforce("Account", account, Map.of("Name", "Ames Research Center"));
        pollAndSyncThroughFunctions();

        // then: the stand-in owner is not taken for a change (Grace stays, no error about Katherine)
        assertThat(hubspot().record("companies", companyId).orElseThrow()).containsEntry("name", "Ames Research Center")
                .containsEntry("hubspot_owner_id", grace);
        assertThat(openErrors("company", companyId)).isEmpty();
    }

    @Test
    void defaultOwnersThatAreNotActivePeople_areRefusedNamingTheField() {
        JsonNode noOwner = api("PUT", "/settings/default-owners", null, "{\"hubspotOwnerId\":\"99999\"}", 400);
        assertThat(noOwner.path("error").path("code").asText()).isEqualTo("INVALID_DEFAULT_OWNER");
        assertThat(noOwner.path("error").path("field").asText()).isEqualTo("hubspotOwnerId");
        assertThat(noOwner.path("error").path("message").asText()).contains("99999", "/crm/v3/owners");

        JsonNode noUser = api("PUT", "/settings/default-owners", null,
                "{\"salesforceUserId\":\"0055g00000ZZZZZAAA\"}", 400);
        assertThat(noUser.path("error").path("field").asText()).isEqualTo("salesforceUserId");

        assertThat(api("GET", "/settings/default-owners", null, null, 200).path("hubspotOwnerId").isNull()).isTrue();
    }

    private void pollAndSyncThroughFunctions() throws Exception {
        functions.invoke("poll", JSON.writeValueAsString(LambdaEvents.scheduled(Instant.now().toString())));
        drain().forEach(worker::process);
    }

    private List<SyncError> openErrors(String object, String hubspotId) {
        return errors.listOpen(object, Optional.empty(), Optional.empty(), 100).items().stream()
                .filter(e -> hubspotId.equals(e.hubspotId())).toList();
    }
}

package io.crmsync.settings;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The settings API through the {@code api} function, against the sandboxes' real describe and property schemas. */
@QuarkusTest
class SettingsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HubSpotClient hubspot;

    @Test
    void getSettings_listsDefaultMappingsPerObject_andLeadAsContactCreation() throws Exception {
        // when
        JsonNode body = call("GET", "/settings", null, 200);

        // then
        assertThat(body.path("mappings").path("deal").findValuesAsText("salesforceField"))
                .contains("Name", "Amount", "CloseDate");
        assertThat(body.path("mappings").path("contact").get(0).path("rule").asText())
                .isEqualTo("PREFER_SALESFORCE_UNLESS_BLANK");
        assertThat(body.path("inclusionSegments").has("ticket")).isTrue();
    }

    @Test
    void putMappings_storesThem_andGetShowsTheNewRules() throws Exception {
        // when
        call("PUT", "/settings/mappings/company", """
                {"mappings":[{"hubspotProperty":"name","salesforceField":"Name","rule":"TWO_WAY"},
                             {"hubspotProperty":"annualrevenue","salesforceField":"AnnualRevenue","rule":"ALWAYS_SALESFORCE"},
                             {"hubspotProperty":"city","salesforceField":"BillingCity"}]}""", 200);

        // then
        JsonNode company = call("GET", "/settings", null, 200).path("mappings").path("company");
        assertThat(company).hasSize(3);
        assertThat(company.get(0).path("rule").asText()).isEqualTo("TWO_WAY");
        assertThat(company.get(2).path("rule").asText()).isEqualTo("PREFER_SALESFORCE_UNLESS_BLANK");
    }

    @Test
    void putMappings_incompatibleTypes_answers400_namingTheField() throws Exception {
        // when: a HubSpot number into a Salesforce text field
        JsonNode error = call("PUT", "/settings/mappings/company",
                "{\"mappings\":[{\"hubspotProperty\":\"annualrevenue\",\"salesforceField\":\"Name\"}]}", 400);

        // then
        assertThat(error.path("error").path("field").asText()).isEqualTo("Name");
        assertThat(error.path("error").path("message").asText()).contains("annualrevenue", "number", "string");
    }

    @Test
    void putMappings_formulaFieldReceivingHubSpotValues_answers400_butAlwaysSalesforceIsAccepted() throws Exception {
        // when: Lead.Full_Name__c is a formula; Prefer-Salesforce-unless-blank could write HubSpot values into it
        JsonNode error = call("PUT", "/settings/mappings/contact",
                "{\"mappings\":[{\"hubspotProperty\":\"company\",\"salesforceField\":\"Full_Name__c\"}]}", 400);

        // then
        assertThat(error.path("error").path("field").asText()).isEqualTo("Full_Name__c");
        assertThat(error.path("error").path("message").asText()).contains("formula");
        call("PUT", "/settings/mappings/contact", """
                {"mappings":[{"hubspotProperty":"company","salesforceField":"Full_Name__c","rule":"ALWAYS_SALESFORCE"}]}""",
                200);
        call("PUT", "/settings/mappings/contact", "{\"mappings\":" + JSON.writeValueAsString(
                DefaultMappings.forObject("contact")) + "}", 200);
    }

    @Test
    void putMappings_unknownFieldsRulesAndDuplicates_answer400_namingTheField() throws Exception {
        assertThat(call("PUT", "/settings/mappings/deal",
                "{\"mappings\":[{\"hubspotProperty\":\"dealname\",\"salesforceField\":\"Nmae\"}]}", 400)
                .path("error").path("field").asText()).isEqualTo("Nmae");
        assertThat(call("PUT", "/settings/mappings/deal",
                "{\"mappings\":[{\"hubspotProperty\":\"dealnam\",\"salesforceField\":\"Name\"}]}", 400)
                .path("error").path("field").asText()).isEqualTo("dealnam");
        assertThat(call("PUT", "/settings/mappings/deal",
                "{\"mappings\":[{\"hubspotProperty\":\"dealname\",\"salesforceField\":\"Name\",\"rule\":\"SOMETIMES\"}]}",
                400).path("error").path("field").asText()).isEqualTo("mappings[0].rule");
        assertThat(call("PUT", "/settings/mappings/deal", """
                {"mappings":[{"hubspotProperty":"dealname","salesforceField":"Name"},
                             {"hubspotProperty":"pipeline","salesforceField":"Name"}]}""", 400)
                .path("error").path("field").asText()).isEqualTo("Name");
        assertThat(call("PUT", "/settings/mappings/deal", """
                {"mappings":[{"hubspotProperty":"hubspot_owner_id","salesforceField":"OwnerId",
                  "rule":"PREFER_SALESFORCE_UNLESS_BLANK"}]}""", 400)
                .path("error").path("message").asText()).contains("TWO_WAY");
        call("PUT", "/settings/mappings/planet", "{\"mappings\":[]}", 404);
    }

    @Test
    void putInclusionSegment_acceptsOnlyActiveListsOfTheObjectsType_andQueuesNoSync() throws Exception {
        // given
        HubSpotList dynamic = hubspot.lists().create("Customers " + System.nanoTime(), "0-1",
                HubSpotList.ProcessingType.DYNAMIC, customersFilter());
        HubSpotList manual = hubspot.lists().create("Hand-picked " + System.nanoTime(), "0-1",
                HubSpotList.ProcessingType.MANUAL, null);
        int queuedBefore = queuedSyncBatches();

        // when
        call("PUT", "/settings/inclusion-segments/contact", "{\"listId\":\"" + dynamic.listId() + "\"}", 200);
        JsonNode refusedManual = call("PUT", "/settings/inclusion-segments/contact",
                "{\"listId\":\"" + manual.listId() + "\"}", 400);
        JsonNode refusedMissing = call("PUT", "/settings/inclusion-segments/contact", "{\"listId\":\"99999999\"}", 400);
        JsonNode refusedType = call("PUT", "/settings/inclusion-segments/company",
                "{\"listId\":\"" + dynamic.listId() + "\"}", 400);
        JsonNode refusedDeal = call("PUT", "/settings/inclusion-segments/deal",
                "{\"listId\":\"" + dynamic.listId() + "\"}", 400);

        // then
        assertThat(refusedManual.path("error").path("message").asText()).contains("MANUAL", "DYNAMIC");
        assertThat(refusedManual.path("error").path("field").asText()).isEqualTo("listId");
        assertThat(refusedMissing.path("error").path("message").asText()).contains("no list");
        assertThat(refusedType.path("error").path("message").asText()).contains("0-1");
        assertThat(refusedDeal.path("error").path("message").asText()).contains("not to deal");
        assertThat(call("GET", "/settings", null, 200).path("inclusionSegments").path("contact").asText())
                .isEqualTo(dynamic.listId());
        assertThat(queuedSyncBatches()).isEqualTo(queuedBefore);
        call("PUT", "/settings/inclusion-segments/contact", "{\"listId\":null}", 200);
    }

    @Test
    void putContactCreation_switchesBetweenLeadAndContact_andRefusesOthers() throws Exception {
        call("PUT", "/settings/contact-creation", "{\"createAs\":\"CONTACT\"}", 200);
        assertThat(call("GET", "/settings", null, 200).path("contactCreation").path("createAs").asText())
                .isEqualTo("CONTACT");
        assertThat(call("PUT", "/settings/contact-creation", "{\"createAs\":\"ACCOUNT\"}", 400)
                .path("error").path("field").asText()).isEqualTo("createAs");
        assertThat(call("PUT", "/settings/contact-creation", "{\"createAs\":\"OPPORTUNITY\"}", 400)
                .path("error").path("field").asText()).isEqualTo("createAs");
        call("PUT", "/settings/contact-creation", "{\"createAs\":\"LEAD\"}", 200);
    }

    @Test
    void putContactDeletion_choosesWhatADeletionInSalesforceDoesToTheHubSpotContact_andRefusesOthers() throws Exception {
        assertThat(call("GET", "/settings", null, 200).path("contactDeletion").path("whenDeletedInSalesforce").asText())
                .isEqualTo("KEEP_IN_HUBSPOT");
        call("PUT", "/settings/contact-deletion", "{\"whenDeletedInSalesforce\":\"ARCHIVE_IN_HUBSPOT\"}", 200);
        assertThat(call("GET", "/settings", null, 200).path("contactDeletion").path("whenDeletedInSalesforce").asText())
                .isEqualTo("ARCHIVE_IN_HUBSPOT");
        assertThat(call("PUT", "/settings/contact-deletion", "{}", 400).path("error").path("field").asText())
                .isEqualTo("whenDeletedInSalesforce");
        assertThat(call("PUT", "/settings/contact-deletion", "{\"whenDeletedInSalesforce\":\"PURGE\"}", 400)
                .path("error").path("message").asText()).contains("PURGE");
        call("PUT", "/settings/contact-deletion", "{\"whenDeletedInSalesforce\":\"KEEP_IN_HUBSPOT\"}", 200);
    }

    private static JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        var response = invoke(httpRequest(method, path, null, body)).then().statusCode(200).extract();
        assertThat(response.path("statusCode").toString()).as(response.asString()).isEqualTo(String.valueOf(expectedStatus));
        return JSON.readTree(response.path("body").toString());
    }

    private static int queuedSyncBatches() {
        var aws = EmbeddedAwsTestResource.aws();
        try (var sqs = aws.newSqsClient()) {
            String count = sqs.getQueueAttributes(r -> r.queueUrl(aws.queueUrl("SyncBatchesQueue"))
                    .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                    .get("ApproximateNumberOfMessages");
            return Integer.parseInt(count);
        }
    }

    private static JsonNode customersFilter() throws Exception {
        return JSON.readTree("""
                {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                  {"filterType":"PROPERTY","property":"lifecyclestage",
                   "operation":{"operationType":"MULTISTRING","operator":"IS_EQUAL_TO","values":["customer"]}}]}]}
                """);
    }
}

package io.crmsync.settings;

import static io.crmsync.testing.LambdaEvents.apiBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList.ProcessingType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** What the console's settings editors offer: the fields a mapping can name, the lists a segment can be. */
@QuarkusTest
class SettingsChoicesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HubSpotClient hubspot;

    @Test
    void mappingOptions_forContacts_listBothCrmsFields_withTheSalesforceObjectsThatHaveThem() {
        JsonPath options = call("/settings/mappings/contact/options", 200);

        assertThat(options.getList("salesforceObjects")).containsExactly("Lead", "Contact");
        assertThat(options.getList("rules")).containsExactly("PREFER_SALESFORCE_UNLESS_BLANK", "ALWAYS_SALESFORCE",
                "TWO_WAY", "DONT_SYNC");
        assertThat(options.getList("hubspotProperties.name")).contains("email", "jobtitle");
        assertThat(field(options, "Email").get("objects")).isEqualTo(java.util.List.of("Lead", "Contact"));
        assertThat(field(options, "Company").get("objects")).isEqualTo(java.util.List.of("Lead"));
        assertThat(field(options, "Full_Name__c").get("formula")).isEqualTo(true);
    }

    @Test
    void mappingOptions_ofAnUnknownObject_answer404() {
        assertThat(call("/settings/mappings/widget/options", 404).getString("error.code")).isEqualTo("UNKNOWN_OBJECT");
    }

    @Test
    void segmentChoices_offerOnlyActiveListsOfTheObjectsRecords() throws Exception {
        // given a static contact list and an active company list beside the contact lists
        String suffix = String.valueOf(System.nanoTime());
        hubspot.lists().create("Static " + suffix, "0-1", ProcessingType.MANUAL, null);
        hubspot.lists().create("Companies " + suffix, "0-2", ProcessingType.DYNAMIC, JSON.readTree("""
                {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[{"filterType":"PROPERTY",
                "property":"name","operation":{"operationType":"STRING","operator":"IS_EQUAL_TO","value":"x"}}]}]}"""));

        // when
        JsonPath contact = call("/settings/inclusion-segments/contact/choices", 200);
        JsonPath company = call("/settings/inclusion-segments/company/choices", 200);

        // then
        assertThat(contact.getList("lists.name")).doesNotContain("Static " + suffix, "Companies " + suffix);
        assertThat(company.getList("lists.name")).contains("Companies " + suffix);
        for (String listId : contact.getList("lists.listId", String.class)) {
            assertThat(hubspot.lists().get(listId).processingType()).isEqualTo(ProcessingType.DYNAMIC);
            assertThat(hubspot.lists().get(listId).objectTypeId()).isEqualTo("0-1");
        }
    }

    @Test
    void segmentChoices_forDeals_answer400_asDealsHaveNoInclusionSegment() {
        assertThat(call("/settings/inclusion-segments/deal/choices", 400).getString("error.field")).isEqualTo("object");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(JsonPath options, String name) {
        return options.getList("salesforceFields", Map.class).stream().filter(f -> name.equals(f.get("name")))
                .findFirst().orElseThrow();
    }

    private static JsonPath call(String path, int status) {
        return apiBody("GET", path, null, null, status);
    }
}

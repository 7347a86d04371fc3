package io.crmsync.imports;

import static io.crmsync.testing.LambdaEvents.apiBody;
import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.settings.CustomObjects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the import wizard builds a definition from: objects, filterable fields with their operators, campaigns. */
@QuarkusTest
class ImportOptionsApiTest {

    @jakarta.inject.Inject
    CustomObjects customObjects;

    @Test
    void fieldsOfContacts_carryTheOperatorsTheirTypeAllows() {
        JsonPath fields = call("/imports/fields", "object=contacts", 200);

        assertThat(fields.getList("salesforceObjects")).containsExactly("Contact");
        assertThat(operatorsOf(fields, "Email")).contains("eq", "contains", "starts_with", "is_blank")
                .doesNotContain("lt");
        assertThat(operatorsOf(fields, "CreatedDate")).contains("lt", "gte").doesNotContain("contains");
    }

    @Test
    void everyOfferedOperator_isOneTheImportAccepts() {
        // given a field and operator the wizard offers, with a value of the field's type
        JsonPath fields = call("/imports/fields", "object=leads", 200);
        assertThat(operatorsOf(fields, "LeadSource")).contains("in");

        // when reviewed, the import takes it
        var answer = invoke(httpRequest("POST", "/imports/review", null, """
                {"object":"leads","filters":[{"field":"LeadSource","operator":"in","value":["Web","Partner Referral"]}]}"""))
                .then().extract().jsonPath();
        assertThat(answer.getInt("statusCode")).as(answer.getString("body")).isEqualTo(200);
    }

    @Test
    void fieldsOfLeadsAndContacts_areOnlyThoseBothObjectsHave() {
        JsonPath fields = call("/imports/fields", "object=leads_and_contacts", 200);

        assertThat(fields.getList("salesforceObjects")).containsExactly("Lead", "Contact");
        assertThat(fields.getList("fields.name")).contains("Email", "LastName").doesNotContain("Company", "AccountId");
    }

    @Test
    void fieldsOfAnUnknownObject_orACustomImportWithoutItsObject_answer400NamingTheParameter() {
        assertThat(call("/imports/fields", "object=widgets", 400).getString("error.field")).isEqualTo("object");
        assertThat(call("/imports/fields", "", 400).getString("error.code")).isEqualTo("MISSING_OBJECT");
        assertThat(call("/imports/fields", "object=custom", 400).getString("error.field")).isEqualTo("customObject");
        assertThat(call("/imports/fields", "object=custom&customObject=Nope__c", 400).getString("error.field"))
                .isEqualTo("customObject");
    }

    @Test
    void campaigns_areOnlyTheActiveOnes() {
        // given an active and an inactive campaign
        String suffix = String.valueOf(System.nanoTime());
        String active = SalesforceSandboxTestResource.sandbox().insert("Campaign", Map.of("Name", "Webinar " + suffix,
                "IsActive", true));
        SalesforceSandboxTestResource.sandbox().insert("Campaign", Map.of("Name", "Conference " + suffix, "IsActive", false));

        // when
        JsonPath campaigns = call("/imports/campaigns", null, 200);

        // then
        assertThat(campaigns.getList("campaigns.name")).contains("Webinar " + suffix).doesNotContain("Conference " + suffix);
        assertThat(campaigns.getList("campaigns.id")).contains(active);
    }

    @Test
    void objects_listEveryImportableObject_andTheConfiguredCustomObjects() {
        // given
        customObjects.replace(List.of(new CustomObjects.Pair("Invoice__c", "2-1000002")));
        try {
            // when
            JsonPath objects = call("/imports/objects", null, 200);

            // then
            assertThat(objects.getList("objects")).contains("leads", "contacts", "leads_and_contacts", "campaign",
                    "custom");
            assertThat(objects.getList("customObjects")).containsExactly("Invoice__c");
        } finally {
            customObjects.replace(List.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> operatorsOf(JsonPath fields, String name) {
        return fields.getList("fields", Map.class).stream().filter(f -> name.equals(f.get("name")))
                .map(f -> (List<String>) f.get("operators")).findFirst().orElseThrow();
    }

    private static JsonPath call(String path, String query, int status) {
        return apiBody("GET", path, query, null, status);
    }
}

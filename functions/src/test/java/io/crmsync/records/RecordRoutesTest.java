package io.crmsync.records;

import static io.crmsync.testing.LambdaEvents.apiBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The record page's routes: search by email or either id, and one record with both CRMs' current values. */
@QuarkusTest
class RecordRoutesTest {

    @Inject
    HubSpotClient hubspot;

    @Inject
    SalesforceClient salesforce;

    @Inject
    PairingRepository pairings;

    @Test
    void pairedRecord_byEitherId_showsBothSidesCurrentValues_nextToTheLastSynced() {
        // given a paired contact whose title differs between the CRMs
        String email = "record-view-" + System.nanoTime() + "@example.com";
        String salesforceId = salesforce.create(List.of(SObject.of("Contact", Map.of("LastName", "Lovelace",
                "Email", email, "Title", "Engineer")))).get(0).id();
        String hubspotId = hubspot.batchCreate("contacts", List.of(new ObjectInput(Map.of("email", email,
                "lastname", "Lovelace", "jobtitle", "CTO"), null))).results().get(0).id();
        pairings.create(Pairing.of("contact", hubspotId, salesforceId, SalesforceType.CONTACT));

        // when
        JsonPath byHubSpot = call("/records/contact/" + hubspotId, 200);
        JsonPath bySalesforce = call("/records/contact/" + salesforceId, 200);

        // then
        assertThat(byHubSpot.getBoolean("paired")).isTrue();
        assertThat(byHubSpot.getString("salesforceId")).isEqualTo(salesforceId);
        assertThat(byHubSpot.getString("salesforceObject")).isEqualTo("Contact");
        Map<String, Object> title = row(byHubSpot, "jobtitle");
        assertThat(title).containsEntry("hubspotValue", "CTO").containsEntry("salesforceValue", "Engineer")
                .containsEntry("salesforceField", "Title").containsEntry("rule", "PREFER_SALESFORCE_UNLESS_BLANK");
        assertThat(bySalesforce.getString("hubspotId")).isEqualTo(hubspotId);
    }

    @Test
    void searchByEmail_findsAnUnpairedSalesforceRecord_andOpeningItShowsOnlyThatSide() {
        String email = "record-search-" + System.nanoTime() + "@example.com";
        String salesforceId = salesforce.create(List.of(SObject.of("Lead", Map.of("LastName", "Hopper",
                "Company", "Navy", "Email", email)))).get(0).id();

        JsonPath found = call("/records/search", "object=contact&q=" + email.replace("@", "%40"), 200);

        assertThat(found.getList("matches.salesforceId")).containsExactly(salesforceId);
        assertThat(found.getList("matches.paired")).containsExactly(false);
        JsonPath record = call("/records/contact/" + salesforceId, 200);
        assertThat(record.getString("hubspotId")).isNull();
        assertThat(record.getString("salesforceObject")).isEqualTo("Lead");
        assertThat(row(record, "email")).containsEntry("salesforceValue", email).containsEntry("hubspotValue", null);
    }

    @Test
    void searchWithNoMatch_answersAnEmptyList_notAnError() {
        assertThat(call("/records/search", "object=contact&q=nobody-" + System.nanoTime() + "%40example.com", 200)
                .getList("matches")).isEmpty();
        assertThat(call("/records/search", "object=contact&q=999999999999", 200).getList("matches")).isEmpty();
    }

    @Test
    void searchByEmail_ofAnObjectWithoutAnEmailMapping_answers400_sayingToSearchById() {
        JsonPath answer = call("/records/search", "object=deal&q=a%40b.com", 400);

        assertThat(answer.getString("error.code")).isEqualTo("UNSUPPORTED_SEARCH");
        assertThat(answer.getString("error.field")).isEqualTo("q");
    }

    @Test
    void badSearches_andIds_answer400NamingTheInput() {
        assertThat(call("/records/search", "object=contact&q=not+an+id", 400).getString("error.field")).isEqualTo("q");
        assertThat(call("/records/search", "object=contact", 400).getString("error.code")).isEqualTo("INVALID_QUERY");
        assertThat(call("/records/search", "q=1", 400).getString("error.code")).isEqualTo("MISSING_OBJECT");
        assertThat(call("/records/search", "object=widget&q=1", 400).getString("error.code")).isEqualTo("UNKNOWN_OBJECT");
        assertThat(call("/records/contact/12345678901234567890", 400).getString("error.field")).isEqualTo("id");
        assertThat(call("/records/widget/1", 400).getString("error.field")).isEqualTo("object");
    }

    @Test
    void unknownRecords_answer404() {
        assertThat(call("/records/contact/999999999999", 404).getString("error.code")).isEqualTo("RECORD_NOT_FOUND");
        assertThat(call("/records/contact/0035g00000ZZZZZAAA", 404).getString("error.code")).isEqualTo("RECORD_NOT_FOUND");
        assertThat(call("/records/contact/001000000000000AAA", 404).getString("error.code")).isEqualTo("RECORD_NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath record, String property) {
        return record.getList("fields", Map.class).stream().filter(f -> property.equals(f.get("hubspotProperty")))
                .findFirst().orElseThrow();
    }

    private static JsonPath call(String path, int status) {
        return apiBody("GET", path, null, null, status);
    }

    private static JsonPath call(String path, String query, int status) {
        return apiBody("GET", path, query, null, status);
    }
}

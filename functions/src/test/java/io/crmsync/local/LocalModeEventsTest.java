package io.crmsync.local;

import static io.crmsync.testing.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.crmsync.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Event-driven sync in local mode, over HTTP only, with the poll at 15 minutes: an edit in the Salesforce sandbox
 * travels as a change event (relay stand-in -> change-events queue -> changeEvents -> sync queue -> syncBatch) and
 * one in the HubSpot sandbox as a signed webhook (-> the api function's route -> sync queue -> syncBatch), each
 * readable on the other side long before any poll; crm-sync's own writes coming back as events write nothing.
 */
@QuarkusTest
@TestProfile(LocalModeEventsProfile.class)
class LocalModeEventsTest {

    private static final String EMAIL = "contact8@eu.example.com";

    @ConfigProperty(name = "crmsync.local.api-port")
    int apiPort;

    @ConfigProperty(name = "crmsync.salesforce.login-url")
    URI salesforce;

    @ConfigProperty(name = "crmsync.hubspot.base-url")
    URI hubspot;

    @Test
    void salesforceEdit_isReadableInHubSpot_withinSeconds_andItsEchoWritesNothingBack() {
        // given a demo contact imported (paired) over the HTTP API
        importAndWait("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"eq\",\"value\":\""
                + EMAIL + "\"}]}");
        String contactId = salesforceQuery("SELECT Id FROM Contact WHERE Email = '" + EMAIL + "'")
                .getString("records[0].Id");

        // when a person edits the title in Salesforce
        given().port(salesforce.getPort()).auth().oauth2("someone").contentType("application/json")
                .body("{\"Title\":\"Head of Events\"}").patch("/services/data/v62.0/sobjects/Contact/" + contactId)
                .then().statusCode(204);
        String modifiedAfterEdit = salesforceQuery("SELECT LastModifiedDate FROM Contact WHERE Id = '" + contactId
                + "'").getString("records[0].LastModifiedDate");

        // then HubSpot has it (the poll is 15 minutes away)
        eventually(() -> "Head of Events".equals(hubspotContact(EMAIL).getString("results[0].properties.jobtitle"))
                ? true : null);
        // and crm-sync's write to HubSpot, back as a webhook, is recognised as its own: Salesforce is not written
        Eventually.sleep(Duration.ofSeconds(3));
        assertThat(salesforceQuery("SELECT LastModifiedDate FROM Contact WHERE Id = '" + contactId + "'")
                .getString("records[0].LastModifiedDate")).isEqualTo(modifiedAfterEdit);
    }

    @Test
    void hubSpotEdit_ofATwoWayField_isReadableInSalesforce_withinSeconds() {
        // given an imported account whose city syncs both ways
        importAndWait("{\"object\":\"accounts\",\"filters\":[{\"field\":\"Name\",\"operator\":\"eq\","
                + "\"value\":\"Company 7\"}]}");
        given().port(apiPort).body("""
                {"mappings":[{"hubspotProperty":"name","salesforceField":"Name"},
                 {"hubspotProperty":"city","salesforceField":"BillingCity","rule":"TWO_WAY"}]}""")
                .put("/settings/mappings/company").then().statusCode(200);
        String companyId = eventually(() -> given().port(hubspot.getPort()).auth().oauth2("someone")
                .contentType("application/json").body("""
                        {"filterGroups":[{"filters":[{"propertyName":"name","operator":"EQ","value":"Company 7"}]}]}""")
                .post("/crm/v3/objects/companies/search").jsonPath().getString("results[0].id"));

        // when a person edits the city in HubSpot
        given().port(hubspot.getPort()).auth().oauth2("someone").contentType("application/json")
                .body("{\"properties\":{\"city\":\"Lisbon\"}}").patch("/crm/v3/objects/companies/" + companyId)
                .then().statusCode(200);

        // then Salesforce has it, through the signed webhook
        eventually(() -> "Lisbon".equals(salesforceQuery("SELECT BillingCity FROM Account WHERE Name = 'Company 7'")
                .getString("records[0].BillingCity")) ? true : null);
    }

    private void importAndWait(String definition) {
        String importId = given().port(apiPort).body(definition).post("/imports").then().statusCode(202).extract()
                .path("importId");
        eventually(() -> "COMPLETED".equals(given().port(apiPort).get("/imports/" + importId).jsonPath()
                .getString("status")) ? true : null);
    }

    private JsonPath salesforceQuery(String soql) {
        return given().port(salesforce.getPort()).auth().oauth2("someone").queryParam("q", soql)
                .get("/services/data/v62.0/query").jsonPath();
    }

    private JsonPath hubspotContact(String email) {
        return given().port(hubspot.getPort()).auth().oauth2("someone").contentType("application/json").body("""
                {"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"%s"}]}],
                 "properties":["jobtitle"]}""".formatted(email))
                .post("/crm/v3/objects/contacts/search").jsonPath();
    }
}

package io.crmsync.picklists;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The value-map settings through the {@code api} function, checked against the sandboxes' real describe (restricted
 * picklist values) and HubSpot property options: a value either CRM would refuse is a 400 naming it.
 */
@QuarkusTest
class ValueMapsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ValueMapCatalog catalog;

    private List<ValueMap> before;

    @BeforeEach
    void remember() {
        before = catalog.maps("deal");
    }

    @AfterEach
    void restore() {
        catalog.replace("deal", before);
    }

    @Test
    void getValueMaps_listsTheDefaultStageMap() throws Exception {
        JsonNode body = call("GET", "/settings/value-maps/deal", null, 200);

        assertThat(body.path("maps").get(0).path("hubspotProperty").asText()).isEqualTo("dealstage");
        assertThat(body.path("maps").get(0).path("values").findValuesAsText("salesforce"))
                .contains("Prospecting", "Closed Won");
    }

    @Test
    void putValueMap_withAValueSalesforceDoesNotHave_is400NamingTheValueAndTheAllowedOnes() throws Exception {
        JsonNode body = call("PUT", "/settings/value-maps/deal", """
                {"maps":[{"hubspotProperty":"dealstage","salesforceField":"StageName",
                  "values":[{"salesforce":"Closed Won","hubspot":"closedwon"},{"salesforce":"Signed","hubspot":"closedlost"}]}]}
                """, 400);

        assertThat(body.path("error").path("code").asText()).isEqualTo("INVALID_VALUE_MAP");
        assertThat(body.path("error").path("field").asText()).isEqualTo("maps[0].values[1].salesforce");
        assertThat(body.path("error").path("message").asText()).contains("'Signed'", "StageName", "Closed Lost");
    }

    @Test
    void putValueMap_withAnOptionHubSpotDoesNotHave_is400() throws Exception {
        JsonNode body = call("PUT", "/settings/value-maps/deal", """
                {"maps":[{"hubspotProperty":"dealstage","salesforceField":"StageName",
                  "values":[{"salesforce":"Closed Won","hubspot":"won"}]}]}
                """, 400);

        assertThat(body.path("error").path("field").asText()).isEqualTo("maps[0].values[0].hubspot");
        assertThat(body.path("error").path("message").asText()).contains("'won'", "dealstage", "closedwon");
    }

    @Test
    void putValueMap_mappingOneValueTwice_is400_andAValidMapIsStored() throws Exception {
        assertThat(call("PUT", "/settings/value-maps/deal", """
                {"maps":[{"hubspotProperty":"dealstage","salesforceField":"StageName",
                  "values":[{"salesforce":"Closed Won","hubspot":"closedwon"},{"salesforce":"Closed Lost","hubspot":"closedwon"}]}]}
                """, 400).path("error").path("message").asText()).contains("'closedwon' is mapped twice");

        call("PUT", "/settings/value-maps/deal", """
                {"maps":[{"hubspotProperty":"dealstage","salesforceField":"StageName",
                  "values":[{"salesforce":"Closed Won","hubspot":"closedwon"}]}]}
                """, 200);
        assertThat(call("GET", "/settings/value-maps/deal", null, 200).path("maps").get(0).path("values"))
                .hasSize(1);
    }

    private static JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        var response = invoke(httpRequest(method, path, null, body)).then().statusCode(200).extract();
        assertThat(response.path("statusCode").toString()).as(response.asString())
                .isEqualTo(String.valueOf(expectedStatus));
        return JSON.readTree(response.path("body").toString());
    }
}

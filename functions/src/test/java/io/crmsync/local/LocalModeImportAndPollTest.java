package io.crmsync.local;

import static io.crmsync.testing.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The README's walkthrough as a test, through the local mode's own wiring: the HTTP API, the queues delivered to the
 * functions, the scheduled poller, and both sandboxes with the demo data. Nothing is invoked directly.
 */
@QuarkusTest
@TestProfile(LocalModeProfile.class)
class LocalModeImportAndPollTest {

    private static final String EMAIL = "contact4@eu.example.com";

    // The ports as the application was given them: Quarkus may load LocalModeProfile (and run its static port picks)
    // in a class loader other than this test's.
    @ConfigProperty(name = "crmsync.local.api-port")
    int apiPort;

    @ConfigProperty(name = "crmsync.salesforce.login-url")
    URI salesforce;

    @ConfigProperty(name = "crmsync.hubspot.base-url")
    URI hubspot;

    @Test
    void importThenSalesforceChange_reachHubSpot_throughTheLocalQueuesAndSchedule() {
        // given an import of one demo contact (in the demo inclusion segment) started over HTTP
        String importId = given().port(apiPort).body("""
                {"object":"contacts","filters":[{"field":"Email","operator":"eq","value":"%s"}]}""".formatted(EMAIL))
                .post("/imports").then().statusCode(202).extract().path("importId");

        // when the local SQS event source runs its chunks
        JsonPath job = eventually(() -> {
            JsonPath view = given().port(apiPort).get("/imports/" + importId).jsonPath();
            return "COMPLETED".equals(view.getString("status")) ? view : null;
        });

        // then the contact is in HubSpot, paired
        assertThat(job.getInt("processed")).isEqualTo(1);
        assertThat(job.getInt("created")).isEqualTo(1);

        // and when its title changes in Salesforce, the scheduled poll brings it to HubSpot
        String salesforceId = given().port(salesforce.getPort()).auth().oauth2("local")
                .queryParam("q", "SELECT Id FROM Contact WHERE Email = '" + EMAIL + "'")
                .get("/services/data/v62.0/query").jsonPath().getString("records[0].Id");
        given().port(salesforce.getPort()).auth().oauth2("local").contentType("application/json")
                .body("{\"Title\":\"VP Engineering\"}").patch("/services/data/v62.0/sobjects/Contact/" + salesforceId)
                .then().statusCode(204);
        String title = eventually(() -> {
            String current = given().port(hubspot.getPort()).auth().oauth2("local")
                    .contentType("application/json").body("""
                            {"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"%s"}]}],
                             "properties":["jobtitle"]}""".formatted(EMAIL))
                    .post("/crm/v3/objects/contacts/search").jsonPath().getString("results[0].properties.jobtitle");
            return "VP Engineering".equals(current) ? current : null;
        });
        assertThat(title).isEqualTo("VP Engineering");
    }
}

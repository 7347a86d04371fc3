package io.crmsync.integrity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The faults the Java tests inject, driven over HTTP as any client (local mode, a shell) can. */
@QuarkusTest
class SandboxFaultRoutesTest {

    @AfterEach
    void clear() {
        hubspot().faults().clear();
        salesforce().faults().clear();
        // The sandbox is shared by every test class: the budget this test spends must come back whole.
        salesforce().resetBudget();
    }

    @Test
    void hubspot_failNextAndLostAnswers_overHttp_thenClear() {
        // given
        given().baseUri(hubspot().baseUrl()).contentType("application/json")
                .body("{\"failNext\":{\"calls\":1,\"status\":503,\"code\":\"UNAVAILABLE\"}}")
                .put("/sandbox/faults").then().statusCode(204);

        // when / then: the next call fails as told, the one after is served
        properties().then().statusCode(503);
        properties().then().statusCode(200);

        // given: the next create is served but its answer lost
        given().baseUri(hubspot().baseUrl()).contentType("application/json")
                .body("{\"loseNextAnswers\":{\"calls\":1,\"path\":\"/crm/v3/objects/companies\"}}")
                .put("/sandbox/faults").then().statusCode(204);
        int before = hubspot().count("companies");
        given().baseUri(hubspot().baseUrl()).header("Authorization", "Bearer t").contentType("application/json")
                .body("{\"properties\":{\"name\":\"lost answer\"}}").post("/crm/v3/objects/companies")
                .then().statusCode(504);
        assertThat(hubspot().count("companies")).isEqualTo(before + 1);

        // when: cleared
        given().baseUri(hubspot().baseUrl()).delete("/sandbox/faults").then().statusCode(204);
        assertThat(hubspot().faults().nextFault()).isNull();
    }

    @Test
    void salesforce_exhaustedBudgetAndLatency_overHttp_andABadBodyIsA400() {
        // when
        given().baseUri(salesforce().baseUrl()).contentType("application/json")
                .body("{\"exhaustBudget\":true,\"latencyMs\":5}").put("/sandbox/faults").then().statusCode(204);

        // then
        assertThat(salesforce().remaining()).isZero();
        assertThat(salesforce().faults().latency().toMillis()).isEqualTo(5);
        String refused = given().baseUri(salesforce().baseUrl()).contentType("application/json")
                .body("{\"failNext\":{\"calls\":-1,\"status\":500}}").put("/sandbox/faults").then().statusCode(400)
                .extract().asString();
        assertThat(refused).contains("calls must be a non-negative whole number");
    }

    private static io.restassured.response.Response properties() {
        return given().baseUri(hubspot().baseUrl()).header("Authorization", "Bearer t")
                .get("/crm/v3/properties/companies");
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}

package io.crmsync.sandbox.hubspot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The sandbox over raw HTTP, checked against the shapes, limits and status codes of the real API. */
class HubSpotSandboxHttpTest {

    static HubSpotSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = HubSpotSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    RequestSpecification api() {
        return given().baseUri(sandbox.baseUrl()).header("Authorization", "Bearer test-token").contentType(ContentType.JSON);
    }

    @Test
    void batchUpsert_answersNewFlag_isoTimestamps_andRateLimitHeaders() {
        api().body("""
                {"inputs":[{"idProperty":"email","id":"a@example.com","properties":{"firstname":"A"}}]}""")
                .post("/crm/v3/objects/contacts/batch/upsert")
                .then().statusCode(200)
                .header("X-HubSpot-RateLimit-Max", "190")
                .header("X-HubSpot-RateLimit-Remaining", "189")
                .header("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .body("status", equalTo("COMPLETE"))
                .body("results[0].new", equalTo(true))
                .body("results[0].properties.email", equalTo("a@example.com"))
                .body("results[0].createdAt", notNullValue())
                .body("results[0].archived", equalTo(false));
    }

    @Test
    void batchOver100Inputs_isA400ValidationError() {
        String inputs = IntStream.range(0, 101).mapToObj(i -> "{\"properties\":{\"email\":\"x" + i + "@example.com\"}}")
                .collect(Collectors.joining(",", "{\"inputs\":[", "]}"));

        api().body(inputs).post("/crm/v3/objects/contacts/batch/create")
                .then().statusCode(400)
                .body("status", equalTo("error"))
                .body("category", equalTo("VALIDATION_ERROR"))
                .body("correlationId", notNullValue());
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void missingToken_is401_andRequiredTokenIsEnforced() {
        given().baseUri(sandbox.baseUrl()).get("/crm/v3/properties/contacts")
                .then().statusCode(401).body("category", equalTo("INVALID_AUTHENTICATION"));
        sandbox.requireToken("right-test-token");
        api().get("/crm/v3/properties/contacts").then().statusCode(401);
        given().baseUri(sandbox.baseUrl()).header("Authorization", "Bearer right-test-token")
                .get("/crm/v3/properties/contacts").then().statusCode(200);
    }

    @Test
    void tenSecondlyWindow_exceeded_answersTheReal429Body() {
        sandbox.rateLimits().window(Duration.ofSeconds(10), 2);
        api().get("/crm/v3/properties/contacts").then().statusCode(200);
        api().get("/crm/v3/properties/contacts").then().statusCode(200);

        api().get("/crm/v3/properties/contacts").then().statusCode(429)
                .header("X-HubSpot-RateLimit-Remaining", "0")
                .body("status", equalTo("error"))
                .body("errorType", equalTo("RATE_LIMIT"))
                .body("policyName", equalTo("TEN_SECONDLY_ROLLING"))
                .body("message", equalTo("You have reached your ten_secondly_rolling limit."));
    }

    @Test
    void searchOverFivePerSecond_answersSecondly_withoutRateLimitHeaders() {
        for (int i = 0; i < 5; i++) {
            api().body("{}").post("/crm/v3/objects/contacts/search").then().statusCode(200)
                    .header("X-HubSpot-RateLimit-Max", nullValue());
        }
        api().body("{}").post("/crm/v3/objects/contacts/search").then().statusCode(429)
                .body("policyName", equalTo("SECONDLY"));
    }

    @Test
    void searchLimits_pageSize_and_theTenThousandCap() {
        api().body("{\"limit\":201}").post("/crm/v3/objects/contacts/search").then().statusCode(400);
        api().body("{\"after\":\"10000\"}").post("/crm/v3/objects/contacts/search").then().statusCode(400);
        api().body("{\"after\":\"abc\"}").post("/crm/v3/objects/contacts/search").then().statusCode(400);
    }

    @Test
    void search_excludesArchived_andPagesWithIntegerAfter() {
        List<String> ids = sandbox.seed("tickets", 3, i -> Map.of("subject", "T" + i));
        api().body("{\"inputs\":[{\"id\":\"" + ids.get(1) + "\"}]}").post("/crm/v3/objects/tickets/batch/archive")
                .then().statusCode(204);

        api().body("{\"limit\":1,\"properties\":[\"subject\"]}").post("/crm/v3/objects/tickets/search")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("results[0].properties.subject", equalTo("T0"))
                .body("paging.next.after", equalTo("1"));
    }

    @Test
    void dailyLimit_exhausted_answersDaily429() {
        sandbox.rateLimits().exhaustDaily();
        api().get("/crm/v3/properties/contacts").then().statusCode(429)
                .body("policyName", equalTo("DAILY"))
                .body("message", equalTo("You have reached your daily limit."));
    }

    @Test
    void associations_defaultAndRead_areVisibleFromBothSides() {
        String contact = sandbox.seed("contacts", List.of(Map.of("email", "c@example.com"))).get(0);
        String company = sandbox.seed("companies", List.of(Map.of("name", "Acme"))).get(0);

        api().body("{\"inputs\":[{\"from\":{\"id\":\"" + contact + "\"},\"to\":{\"id\":\"" + company + "\"}}]}")
                .post("/crm/v4/associations/contacts/companies/batch/associate/default")
                .then().statusCode(200)
                .body("results[0].associationSpec.associationTypeId", equalTo(279));

        api().body("{\"inputs\":[{\"id\":\"" + company + "\"}]}")
                .post("/crm/v4/associations/companies/contacts/batch/read")
                .then().statusCode(200)
                .body("results[0].to", hasSize(1))
                .body("results[0].to[0].toObjectId", equalTo(Integer.parseInt(contact)))
                .body("results[0].to[0].associationTypes[0].typeId", equalTo(280));
    }

    @Test
    void properties_describeTypesFieldTypesAndUniqueness() {
        api().get("/crm/v3/properties/contacts").then().statusCode(200)
                .body("results.find { it.name == 'email' }.hasUniqueValue", equalTo(true))
                .body("results.find { it.name == 'lifecyclestage' }.type", equalTo("enumeration"))
                .body("results.find { it.name == 'lifecyclestage' }.fieldType", equalTo("select"))
                .body("results.find { it.name == 'lastmodifieddate' }.modificationMetadata.readOnlyValue", equalTo(true));
    }

    @Test
    void scriptedFault_answersTheScriptedError_forTheNextNCallsOnly() {
        sandbox.faults().failNext(2, HubSpotError.migrationInProgress(3));
        api().get("/crm/v3/properties/deals").then().statusCode(477).header("Retry-After", "3");
        api().get("/crm/v3/properties/deals").then().statusCode(477);
        api().get("/crm/v3/properties/deals").then().statusCode(200);
    }

    @Test
    void singleRecordEndpoints_createGetByEmailPatchListAndArchive() {
        String id = api().body("{\"properties\":{\"email\":\"Solo@Example.com\",\"firstname\":\"Solo\"}}")
                .post("/crm/v3/objects/contacts").then().statusCode(201).extract().path("id");
        api().body("{\"properties\":{\"email\":\"solo@example.com\"}}").post("/crm/v3/objects/contacts")
                .then().statusCode(409).body("message", equalTo("Contact already exists. Existing ID: " + id));

        api().get("/crm/v3/objects/contacts/solo@example.com?idProperty=email&properties=firstname,phone")
                .then().statusCode(200).body("id", equalTo(id)).body("properties.firstname", equalTo("Solo"))
                .body("properties.phone", nullValue());
        api().body("{\"properties\":{\"phone\":\"+1 555\"}}").patch("/crm/v3/objects/contacts/" + id)
                .then().statusCode(200).body("properties.phone", equalTo("+1 555"));
        sandbox.seed("contacts", 14, i -> Map.of("email", "p" + i + "@example.com"));
        api().get("/crm/v3/objects/contacts?limit=10").then().statusCode(200)
                .body("results", hasSize(10)).body("paging.next.after", notNullValue());

        api().delete("/crm/v3/objects/contacts/" + id).then().statusCode(204);
        api().get("/crm/v3/objects/contacts/" + id).then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
    }

    @Test
    void upsertByUniqueCustomProperty_onTheCustomObject() {
        api().body("""
                {"inputs":[{"idProperty":"vin","id":"VIN1","properties":{"model":"T"}},
                           {"idProperty":"vin","id":"VIN2","properties":{"model":"S"}}]}""")
                .post("/crm/v3/objects/vehicles/batch/upsert").then().statusCode(200)
                .body("results.new", org.hamcrest.Matchers.contains(true, true));
        api().body("""
                {"inputs":[{"idProperty":"vin","id":"VIN1","properties":{"year":"2020"}}]}""")
                .post("/crm/v3/objects/2-1000001/batch/upsert").then().statusCode(200)
                .body("results[0].new", equalTo(false))
                .body("results[0].properties.model", equalTo("T"));
        api().body("""
                {"inputs":[{"idProperty":"model","id":"T","properties":{}}]}""")
                .post("/crm/v3/objects/vehicles/batch/upsert").then().statusCode(400);
    }

    @Test
    void dynamicListEvaluation_canBeDeferred_toModelEventualConsistency() {
        java.util.List<Runnable> pending = new java.util.ArrayList<>();
        sandbox.listEvaluation(pending::add);
        String listId = api().body("""
                {"name":"Known phones","objectTypeId":"0-1","processingType":"DYNAMIC","filterBranch":
                 {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                  {"filterType":"PROPERTY","property":"phone","operation":{"operationType":"ALL_PROPERTY","operator":"IS_KNOWN"}}]}]}}""")
                .post("/crm/v3/lists/").then().statusCode(200).extract().path("list.listId");
        sandbox.seed("contacts", List.of(Map.of("email", "p@example.com", "phone", "1")));

        api().get("/crm/v3/lists/" + listId + "/memberships").then().body("results", hasSize(0));
        pending.forEach(Runnable::run);
        api().get("/crm/v3/lists/" + listId + "/memberships").then().body("results", hasSize(1));
        api().body("[\"1\"]").put("/crm/v3/lists/" + listId + "/memberships/add").then().statusCode(400);
    }

    @Test
    void injectedLatencyAndServerErrorRate_applyToEveryCall() {
        sandbox.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        api().get("/crm/v3/properties/tasks").then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        sandbox.faults().clear();
        sandbox.faults().serverErrorRate(1.0);
        api().get("/crm/v3/properties/tasks").then().statusCode(502).body("status", equalTo("error"));
        assertThat(sandbox.statuses().count("502")).isEqualTo(1);
    }

    @Test
    void searchVisibilityDelay_hidesFreshWrites_untilTheIndexCatchesUp() throws Exception {
        sandbox.searchVisibilityDelay(Duration.ofMillis(400));
        api().body("{\"properties\":{\"email\":\"fresh@example.com\"}}").post("/crm/v3/objects/contacts")
                .then().statusCode(201);

        api().body("{}").post("/crm/v3/objects/contacts/search").then().body("total", equalTo(0));
        Thread.sleep(450);
        api().body("{}").post("/crm/v3/objects/contacts/search").then().body("total", equalTo(1));
    }

    @Test
    void manualList_addAndRemove_inOneCall() {
        List<String> ids = sandbox.seed("contacts", 3, i -> Map.of("email", "l" + i + "@example.com"));
        String listId = api().body("{\"name\":\"Manual\",\"objectTypeId\":\"0-1\",\"processingType\":\"MANUAL\"}")
                .post("/crm/v3/lists/").then().statusCode(200).extract().path("list.listId");
        api().body("[\"" + ids.get(0) + "\"]").put("/crm/v3/lists/" + listId + "/memberships/add").then().statusCode(200);

        api().body("{\"recordIdsToAdd\":[\"" + ids.get(1) + "\",\"5\"],\"recordIdsToRemove\":[\"" + ids.get(0) + "\"]}")
                .put("/crm/v3/lists/" + listId + "/memberships/add-and-remove").then().statusCode(200)
                .body("recordIdsAdded", org.hamcrest.Matchers.contains(ids.get(1)))
                .body("recordIdsRemoved", org.hamcrest.Matchers.contains(ids.get(0)))
                .body("recordsIdsMissing", org.hamcrest.Matchers.contains("5"));
        api().get("/crm/v3/lists/" + listId + "/memberships").then()
                .body("results.recordId", org.hamcrest.Matchers.contains(ids.get(1)));
    }
}

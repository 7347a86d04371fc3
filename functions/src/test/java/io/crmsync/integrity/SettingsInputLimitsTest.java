package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.api.ApiError;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRouter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;

/**
 * Settings written at once from two consoles, and documents too big to store: each is a clear 4xx that says what to
 * do, never a 500 with the cause only in the function's log.
 */
@QuarkusTest
class SettingsInputLimitsTest {

    private static final int WRITERS = 6;

    @Inject
    ApiRouter router;

    @AfterEach
    void restoreDefaults() {
        put("/settings/contact-creation", "{\"createAs\":\"LEAD\"}");
    }

    @Test
    void concurrentSettingsPuts_loserGets409_sayingToReloadAndRetry_neverA500() throws Exception {
        // given several consoles saving the same settings document at the same moment, round after round (through the
        // router, as the local mode's HTTP server and Lambda's concurrent instances do: the test harness's Lambda
        // event server hands the function one event at a time)
        List<ApiResponse> answers = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < 15 && answers.stream().noneMatch(a -> a.status() == 409); round++) {
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                List<CompletableFuture<ApiResponse>> puts = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String createAs = w % 2 == 0 ? "CONTACT" : "LEAD";
                    puts.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return router.handle("PUT", "/settings/contact-creation", null,
                                "{\"createAs\":\"" + createAs + "\"}");
                    }, pool));
                }
                puts.forEach(p -> answers.add(p.join()));
            }
        } finally {
            pool.shutdownNow();
        }

        // then each writer either won (200) or was told of the conflict (409), and what is stored is one of them
        for (ApiResponse answer : answers) {
            assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(200, 409);
            if (answer.status() == 409) {
                ApiError.Body error = ((ApiError) answer.body()).error();
                assertThat(error.code()).isEqualTo("CONCURRENT_CHANGE");
                assertThat(error.message()).contains("changed at the same time").contains("send your change again");
            }
        }
        assertThat(answers).anyMatch(a -> a.status() == 409);
        String stored = new JsonPath(invoke(httpRequest("GET", "/settings", null, null)).then().extract().jsonPath()
                .getString("body")).getString("contactCreation.createAs");
        assertThat(stored).isIn("LEAD", "CONTACT");
    }

    @Test
    void importDefinitionOver400KB_answers413_namingTheLimit() {
        // given an import whose filter lists more values than any definition crm-sync can store or query with
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            values.append(i == 0 ? "" : ",").append("\"someone-").append(i).append("@example.com\"");
        }
        String body = "{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"in\",\"value\":["
                + values + "]}]}";
        assertThat(body.length()).isGreaterThan(400_000);

        for (String route : List.of("/imports", "/imports/review")) {
            // when
            JsonPath answer = invoke(httpRequest("POST", route, null, body)).then().extract().jsonPath();

            // then
            assertThat(answer.getInt("statusCode")).as(route + ": " + answer.getString("body")).isEqualTo(413);
            JsonPath error = new JsonPath(answer.getString("body"));
            assertThat(error.getString("error.code")).isEqualTo("DEFINITION_TOO_LARGE");
            assertThat(error.getString("error.message")).contains("100,000 characters");
        }
    }

    @Test
    void valueMapsOverTheSettingsDocumentLimit_answers413_namingTheSettingAndTheLimit_andNothingIsSaved() {
        // given: a value map between two free-text fields (no picklist values to check against) with 3,000 pairs
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            pairs.append(i == 0 ? "" : ",").append("{\"salesforce\":\"Salesforce title number ").append(i)
                    .append("\",\"hubspot\":\"HubSpot job title number ").append(i).append("\"}");
        }
        String body = "{\"maps\":[{\"hubspotProperty\":\"jobtitle\",\"salesforceField\":\"Title\",\"values\":["
                + pairs + "]}]}";
        String before = invoke(httpRequest("GET", "/settings/value-maps/contact", null, null)).then().extract()
                .jsonPath().getString("body");

        // when
        JsonPath answer = invoke(httpRequest("PUT", "/settings/value-maps/contact", null, body)).then().extract()
                .jsonPath();

        // then
        assertThat(answer.getInt("statusCode")).as(answer.getString("body")).isEqualTo(413);
        JsonPath error = new JsonPath(answer.getString("body"));
        assertThat(error.getString("error.code")).isEqualTo("SETTINGS_TOO_LARGE");
        assertThat(error.getString("error.message")).contains("value maps of contact").contains("100,000 bytes");
        assertThat(invoke(httpRequest("GET", "/settings/value-maps/contact", null, null)).then().extract()
                .jsonPath().getString("body")).isEqualTo(before);
    }

    private static JsonPath put(String path, String body) {
        return invoke(httpRequest("PUT", path, null, body)).then().statusCode(200).extract().jsonPath();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

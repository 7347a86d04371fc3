package io.crmsync.sandbox.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.crmsync.events.hubspot.WebhookSignature;
import io.restassured.RestAssured;

/**
 * The HubSpot sandbox's webhooks as HubSpot sends them: signed (v3) batches of API writes to the subscribed URL,
 * retried with a rising attemptNumber (same eventId) until the endpoint answers 2xx; the app's own writes marked
 * INTEGRATION with its app id; seeding sends nothing.
 */
class HubSpotSandboxWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "sandbox-webhook-secret";

    private HubSpotSandbox hubspot;
    private HttpServer endpoint;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private String url;

    @BeforeEach
    void subscribe() throws Exception {
        hubspot = HubSpotSandbox.start(0);
        endpoint = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body,
                    "timestamp", exchange.getRequestHeaders().getFirst("X-HubSpot-Request-Timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("X-HubSpot-Signature-v3")));
            int status = failFirst.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        url = "http://localhost:" + endpoint.getAddress().getPort() + "/hook";
        hubspot.webhooks().retryDelay(Duration.ofMillis(50)).batchingDelay(Duration.ofMillis(20))
                .subscribe(new Webhooks.Subscription(URI.create(url), "4242", SECRET, Set.of("app-token"),
                        Set.of("contact"), 62515));
    }

    @AfterEach
    void stop() {
        hubspot.close();
        endpoint.stop(0);
    }

    @Test
    void apiWrites_areDeliveredSigned_retriedWithRisingAttemptNumber_ownWritesMarked() throws Exception {
        // given the endpoint fails the first delivery
        failFirst.set(1);

        // when a person creates a contact and the app updates it; seeding sends nothing
        hubspot.seed("contacts", List.of(Map.of("email", "seeded@example.com")));
        String id = RestAssured.given().baseUri(hubspot.baseUrl()).auth().oauth2("a-person").contentType("application/json")
                .body("{\"properties\":{\"email\":\"hook@example.com\"}}").post("/crm/v3/objects/contacts")
                .then().statusCode(201).extract().path("id");
        waitFor(2);
        RestAssured.given().baseUri(hubspot.baseUrl()).auth().oauth2("app-token").contentType("application/json")
                .body("{\"properties\":{\"jobtitle\":\"CTO\"}}").patch("/crm/v3/objects/contacts/" + id)
                .then().statusCode(200);
        waitFor(3);

        // then: every request verifies with the app secret; the retry repeats the eventId with attemptNumber 1
        for (Map<String, String> request : received) {
            WebhookSignature.verify("POST", url, request.get("body"), request.get("timestamp"), request.get("signature"),
                    SECRET, Instant.now(), Duration.ofMinutes(5));
        }
        JsonNode first = JSON.readTree(received.get(0).get("body")).get(0);
        JsonNode retry = JSON.readTree(received.get(1).get("body")).get(0);
        assertThat(first.path("subscriptionType").asText()).isEqualTo("contact.creation");
        assertThat(first.path("objectId").asText()).isEqualTo(id);
        assertThat(retry.path("eventId").asLong()).isEqualTo(first.path("eventId").asLong());
        assertThat(first.path("attemptNumber").asInt()).isZero();
        assertThat(retry.path("attemptNumber").asInt()).isEqualTo(1);
        assertThat(first.path("changeSource").asText()).isEqualTo("CRM_UI");
        JsonNode update = JSON.readTree(received.get(2).get("body")).get(0);
        assertThat(update.path("subscriptionType").asText()).isEqualTo("contact.propertyChange");
        assertThat(update.path("propertyName").asText()).isEqualTo("jobtitle");
        assertThat(update.path("propertyValue").asText()).isEqualTo("CTO");
        assertThat(update.path("changeSource").asText()).isEqualTo("INTEGRATION");
        assertThat(update.path("sourceId").asText()).isEqualTo("4242");
        assertThat(received).hasSize(3);
    }

    @Test
    void associationAddedAndRemoved_isAnAssociationChangeFromTheSubscribedEnd_namingBothRecords() throws Exception {
        // given: a contact and a company (seeded: no events)
        String contact = hubspot.seed("contacts", List.of(Map.of("email", "moved@example.com"))).get(0);
        String company = hubspot.seed("companies", List.of(Map.of("name", "Initech"))).get(0);
        String pair = "{\"inputs\":[{\"from\":{\"id\":\"" + company + "\"},\"to\":{\"id\":\"" + contact
                + "\"}}]}";
        String removal = "{\"inputs\":[{\"from\":{\"id\":\"" + company + "\"},\"to\":[{\"id\":\"" + contact
                + "\"}]}]}";

        // when: a person associates the company with the contact, then removes it (only contacts are subscribed)
        RestAssured.given().baseUri(hubspot.baseUrl()).auth().oauth2("a-person").contentType("application/json")
                .body(pair).post("/crm/v4/associations/companies/contacts/batch/associate/default")
                .then().statusCode(200);
        waitFor(1);
        RestAssured.given().baseUri(hubspot.baseUrl()).auth().oauth2("a-person").contentType("application/json")
                .body(removal).post("/crm/v4/associations/companies/contacts/batch/archive").then().statusCode(204);
        waitFor(2);

        // then: each is the contact's side of it
        JsonNode added = JSON.readTree(received.get(0).get("body")).get(0);
        assertThat(added.path("subscriptionType").asText()).isEqualTo("contact.associationChange");
        assertThat(added.path("fromObjectId").asText()).isEqualTo(contact);
        assertThat(added.path("toObjectId").asText()).isEqualTo(company);
        assertThat(added.path("associationType").asText()).isEqualTo("CONTACT_TO_COMPANY");
        assertThat(added.path("associationRemoved").asBoolean()).isFalse();
        JsonNode removed = JSON.readTree(received.get(1).get("body")).get(0);
        assertThat(removed.path("associationRemoved").asBoolean()).isTrue();
        assertThat(received).hasSize(2);
    }

    private void waitFor(int requests) throws InterruptedException {
        for (int i = 0; i < 200 && received.size() < requests; i++) {
            Thread.sleep(25);
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(requests);
    }
}

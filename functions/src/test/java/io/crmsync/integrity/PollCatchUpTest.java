package io.crmsync.integrity;

import static io.restassured.RestAssured.given;
import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.CrmSide;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.LambdaEvents;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A mass update larger than one poll run can read (here: more than 2 pages of 5 records) is read over several runs
 * from a checkpoint, through the poll function, the queue and the sync worker against both sandboxes: every change is
 * queued and synced once, no page is read twice, and the poll's answer shows the read catching up.
 */
@QuarkusTest
@TestProfile(SmallPollBudgetProfile.class)
class PollCatchUpTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int MAX_RUNS = 15;

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    PairingRepository pairings;
    @Inject
    FunctionDispatcher functions;
    @Inject
    SalesforceClient salesforceClient;
    @Inject
    HubSpotClient hubspotClient;

    private SettingsSnapshot settings;

    @BeforeEach
    void quietStart() {
        settings = SettingsSnapshot.take(mappings, segments, "contact", "company");
        segments.choose("contact", null);
        segments.choose("company", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact", "company.Account")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        watermarks.reset(new Watermark("company", CrmSide.HUBSPOT, now, null, now));
        SyncQueue.drain();
    }

    @AfterEach
    void restore() {
        salesforce().faults().clear();
        hubspot().faults().clear();
        salesforce().clock(Clock.systemUTC());
        settings.restore();
        SyncQueue.drain();
        // no catch-up left behind for the tests after these
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact", "company.Account")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        watermarks.reset(new Watermark("company", CrmSide.HUBSPOT, now, null, now));
    }

    @Test
    void massUpdateLargerThanOneRun_isReadOverSeveralPolls_eachChangeSyncedOnce_noPageReadTwice() throws Exception {
        // given: 23 leads saved in one Salesforce transaction (one SystemModstamp: only the Id orders them) and 17
        // HubSpot contacts changed three to a millisecond (HubSpot orders such ties as it likes)
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        salesforce().clock(Clock.fixed(t, ZoneOffset.UTC));
        List<String> leads = salesforce().seed("Lead", 23, i -> Map.of("LastName", "Mass" + i, "Company", "Co",
                "Email", unique("mass-lead") + "@example.com"));
        salesforce().clock(Clock.systemUTC());
        List<String> hsContacts = hubspot().seed("contact", 17, i -> Map.of("email", unique("mass-hs") + "@example.com",
                "lastname", "Mass" + i, "company", "Co", "lastmodifieddate", t.plusMillis(i / 3).toString(),
                "createdate", t.toString()));
        long leadPagesBefore = salesforceClient.calls().count("query");

        // when: polls run, each followed by the sync batches it queued, until no read is catching up
        List<JsonNode> answers = new ArrayList<>();
        Map<String, Integer> timesQueued = new HashMap<>();
        JsonNode statusAfterFirstRun = null;
        do {
            answers.add(JSON.readTree(invoke(scheduled(Instant.now().toString())).then().statusCode(200).extract()
                    .asString()));
            statusAfterFirstRun = statusAfterFirstRun == null ? pollStatus() : statusAfterFirstRun;
            syncQueued(timesQueued);
        } while (contact(answers.get(answers.size() - 1)).path("outcome").asText().equals("CATCHING_UP")
                && answers.size() < MAX_RUNS);
        long queries = salesforceClient.calls().count("query") - leadPagesBefore;

        // then: the first run read its budget (2 pages of 5 per read) and said it is catching up, since when
        JsonNode first = contact(answers.get(0));
        assertThat(first.path("outcome").asText()).isEqualTo("CATCHING_UP");
        JsonNode leadRead = progress(first, "contact.Lead");
        assertThat(leadRead.path("readSoFar").asLong()).isEqualTo(10);
        assertThat(leadRead.path("since").asText()).isNotEmpty();
        // ... and GET /poll-status showed it as catching up, how much read, since when
        JsonNode shown = readStatus(statusAfterFirstRun, "contact.Lead");
        assertThat(shown.path("state").asText()).isEqualTo("CATCHING_UP");
        assertThat(shown.path("readSoFar").asLong()).isEqualTo(10);
        assertThat(shown.path("catchingUpSince").asText()).isEqualTo(leadRead.path("since").asText());
        // ... later runs resumed from the checkpoint until the reads reached the end
        assertThat(answers).hasSizeGreaterThanOrEqualTo(3);
        assertThat(contact(answers.get(answers.size() - 1)).path("outcome").asText()).isEqualTo("POLLED");
        assertThat(watermarks.find("contact.Lead", CrmSide.SALESFORCE).orElseThrow().catchingUp()).isEmpty();
        assertThat(readStatus(pollStatus(), "contact.Lead").path("state").asText()).isEqualTo("CURRENT");
        assertThat(watermarks.find("contact", CrmSide.HUBSPOT).orElseThrow().catchingUp()).isEmpty();
        // every change was queued exactly once (a page read twice would queue its records again)
        assertThat(leads).allSatisfy(id -> assertThat(timesQueued.get(id)).as("lead %s queued", id).isEqualTo(1));
        assertThat(hsContacts).allSatisfy(id -> assertThat(timesQueued.get(id)).as("contact %s", id).isEqualTo(1));
        // no read took more pages per run than its budget: 3 sObjects (Account, Lead, Contact), 2 pages each
        assertThat(queries).isLessThanOrEqualTo(6L * answers.size());
        // both sides agree: each lead has exactly one HubSpot contact, each HubSpot contact one Salesforce record
        assertThat(pairings.findBySalesforceIds("contact", leads)).hasSize(leads.size());
        assertThat(pairings.findByHubspotIds("contact", hsContacts)).hasSize(hsContacts.size());
        for (String lead : leads) {
            String email = (String) salesforce().record("Lead", lead).get("Email");
            assertThat(hubspot().find("contact", "email", email)).as(email).hasSize(1);
        }
        for (String id : hsContacts) {
            String email = hubspot().record("contact", id).orElseThrow().get("email");
            long inSalesforce = salesforceClient.count(Soql.count().from("Lead").where(Condition.eq("Email", email)))
                    + salesforceClient.count(Soql.count().from("Contact").where(Condition.eq("Email", email)));
            assertThat(inSalesforce).as(email).isEqualTo(1);
        }
    }

    @Test
    void pollMeetingSlowCallsAnd429s_stopsBeforeTheFunctionTimeout_withACheckpoint_andTheNextRunsFinish()
            throws Exception {
        // given: a mass update on both sides; every Salesforce call takes 0.7 s and HubSpot answers the contacts'
        // searches with its 10-second rolling-window 429 (each retry waits ~10 s), both set over the sandboxes' HTTP
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        salesforce().clock(Clock.fixed(t, ZoneOffset.UTC));
        List<String> leads = salesforce().seed("Lead", 23, i -> Map.of("LastName", "Slow" + i, "Company", "Co",
                "Email", unique("slow-lead") + "@example.com"));
        salesforce().clock(Clock.systemUTC());
        List<String> hsContacts = hubspot().seed("contact", 17, i -> Map.of("email", unique("slow-hs") + "@example.com",
                "lastname", "Slow" + i, "company", "Co", "lastmodifieddate", t.plusMillis(i).toString(),
                "createdate", t.toString()));
        given().baseUri(salesforce().baseUrl()).contentType("application/json").body("{\"latencyMs\":700}")
                .put("/sandbox/faults").then().statusCode(204);
        given().baseUri(hubspot().baseUrl()).contentType("application/json")
                .body("{\"failNext\":{\"calls\":20,\"status\":429,\"code\":\"RATE_LIMIT\",\"path\":\"/contacts/search\","
                        + "\"message\":\"You have reached your ten_secondly_rolling limit.\"}}")
                .put("/sandbox/faults").then().statusCode(204);

        // when: the poll function runs (its timeout here: 14 s; no page after 8 s, no call attempt after 11 s)
        Instant started = Instant.now();
        JsonNode firstRun = JSON.readTree(invoke(scheduled(started.toString())).then().statusCode(200).extract()
                .asString());
        Duration took = elapsedSince(started);

        // then: it answered before the function's timeout, the contacts' read is catching up from a checkpoint
        // (without the budget and the call deadline it would have retried the 429s for over a minute)
        assertThat(took).isLessThan(Duration.ofSeconds(14));
        JsonNode contactRun = contact(firstRun);
        assertThat(contactRun.path("outcome").asText()).isEqualTo("CATCHING_UP");
        assertThat(progress(contactRun, "contact.Lead").path("readSoFar").asLong()).isPositive();
        assertThat(watermarks.find("contact.Lead", CrmSide.SALESFORCE).orElseThrow().catchingUp()).isPresent();

        // when: the faults pass and the next scheduled runs continue
        given().baseUri(salesforce().baseUrl()).delete("/sandbox/faults").then().statusCode(204);
        given().baseUri(hubspot().baseUrl()).delete("/sandbox/faults").then().statusCode(204);
        // (what the first run queued is synced now, not under the faults: the worker's retries are not this test's
        // subject, and under 0.7 s per Salesforce call and HubSpot's 429s they cost seconds)
        Map<String, Integer> timesQueued = new HashMap<>();
        syncQueued(timesQueued);
        List<JsonNode> answers = new ArrayList<>();
        do {
            answers.add(JSON.readTree(invoke(scheduled(Instant.now().toString())).then().statusCode(200).extract()
                    .asString()));
            syncQueued(timesQueued);
        } while (contact(answers.get(answers.size() - 1)).path("outcome").asText().equals("CATCHING_UP")
                && answers.size() < MAX_RUNS);

        // then: the reads finished, and every change was queued once and synced: nothing lost, nothing twice
        assertThat(contact(answers.get(answers.size() - 1)).path("outcome").asText()).isEqualTo("POLLED");
        assertThat(leads).allSatisfy(id -> assertThat(timesQueued.get(id)).as("lead %s queued", id).isEqualTo(1));
        assertThat(hsContacts).allSatisfy(id -> assertThat(timesQueued.get(id)).as("contact %s", id).isEqualTo(1));
        assertThat(pairings.findBySalesforceIds("contact", leads)).hasSize(leads.size());
        assertThat(pairings.findByHubspotIds("contact", hsContacts)).hasSize(hsContacts.size());
    }

    @Test
    void catchUpWithoutProgressForAnHour_isShownAsStalled_withAWarning() throws Exception {
        // given: a catch-up of leads whose checkpoint last moved an hour ago (the polls since failed)
        Instant now = Instant.now();
        watermarks.reset(new Watermark("contact.Lead", CrmSide.SALESFORCE, now.minus(Duration.ofHours(2)), "00Q1",
                now.minus(Duration.ofHours(1)), new Watermark.CatchUp(now.minus(Duration.ofHours(3)), 40_000,
                        now.minus(Duration.ofHours(1)))));

        // when
        JsonNode lead = readStatus(pollStatus(), "contact.Lead");

        // then: it is not shown as progressing, and the warning says what is stuck and where to look
        assertThat(lead.path("state").asText()).isEqualTo("STALLED");
        assertThat(lead.path("readSoFar").asLong()).isEqualTo(40_000);
        assertThat(lead.path("warning").asText()).contains("No progress for 60 minutes", "contact.Lead", "40000");
        assertThat(readStatus(pollStatus(), "contact.Contact").path("state").asText()).isEqualTo("CURRENT");
    }

    private JsonNode pollStatus() throws Exception {
        var response = (APIGatewayV2HTTPResponse) functions.invoke("api",
                JSON.writeValueAsString(LambdaEvents.httpRequest("GET", "/poll-status", null, null)));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    static JsonNode readStatus(JsonNode status, String read) {
        for (JsonNode r : status.path("reads")) {
            if (r.path("read").asText().equals(read)) {
                return r;
            }
        }
        throw new AssertionError("No read " + read + " in " + status);
    }

    /** Hands every queued batch to the sync function, counting how often each record was queued by a poll. */
    private void syncQueued(Map<String, Integer> timesQueued) throws Exception {
        for (SyncBatchMessage message : SyncQueue.drain()) {
            if (message.reason().equals("POLL")) {
                message.records().forEach(r -> timesQueued.merge(
                        r.salesforceId() != null ? r.salesforceId() : r.hubspotId(), 1, Integer::sum));
            }
            functions.invoke("syncBatch", JSON.writeValueAsString(message));
        }
    }

    static JsonNode contact(JsonNode answer) {
        for (JsonNode o : answer.path("objects")) {
            if (o.path("object").asText().equals("contact")) {
                return o;
            }
        }
        throw new AssertionError("No contact result in " + answer);
    }

    static JsonNode progress(JsonNode objectResult, String read) {
        for (JsonNode p : objectResult.path("catchingUp")) {
            if (p.path("read").asText().equals(read)) {
                return p;
            }
        }
        throw new AssertionError("No catch-up of " + read + " in " + objectResult);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }

    static Duration elapsedSince(Instant start) {
        return Duration.between(start, Instant.now());
    }
}

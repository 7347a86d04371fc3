package io.crmsync.sandbox.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The sandbox over plain HTTP, as any Salesforce client sees it. */
class SalesforceSandboxTest {

    private static SalesforceSandbox sandbox;
    private SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = new SalesforceSandbox("client-1", "secret-1", "integration@example.com", null).start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void login() {
        sandbox.reset();
        http = new SandboxHttp(sandbox.baseUrl());
        assertThat(http.login("client-1", "secret-1").status()).isEqualTo(200);
    }

    @Test
    void clientCredentials_wrongSecret_answersInvalidClient() {
        // when
        SandboxHttp.Answer answer = new SandboxHttp(sandbox.baseUrl()).login("client-1", "nope");
        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void query_pagesOf2000_followNextRecordsUrl_untilDone() {
        // given
        sandbox.seed("Lead", 4500, i -> Map.of("LastName", "L" + i, "Company", "C"));
        // when
        List<JsonNode> pages = new ArrayList<>();
        SandboxHttp.Answer page = http.query("SELECT Id, LastName FROM Lead");
        pages.add(page.body());
        while (!page.body().get("done").asBoolean()) {
            page = http.get(page.body().get("nextRecordsUrl").asText());
            pages.add(page.body());
        }
        // then
        assertThat(pages).extracting(p -> p.get("records").size()).containsExactly(2000, 2000, 500);
        assertThat(pages.get(0).get("totalSize").asInt()).isEqualTo(4500);
        assertThat(pages.get(0).get("records").get(0).get("attributes").get("type").asText()).isEqualTo("Lead");
        assertThat(page.header("Sforce-Limit-Info")).isEqualTo("api-usage=3/100000");
    }

    @Test
    void malformedQuery_answersMalformedQueryArray() {
        // when
        SandboxHttp.Answer answer = http.query("SELECT Id FROM Lead WHERE");
        // then
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(answer.body().get(0).get("message").asText()).contains("ERROR at Row:1:Column:26");
    }

    @Test
    void mixedAndOrWithoutParentheses_isMalformed() {
        SandboxHttp.Answer answer = http.query(
                "SELECT Id FROM Lead WHERE LastName = 'a' AND Company = 'b' OR Email = null");
        assertThat(answer.body().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void unknownField_answersInvalidField() {
        SandboxHttp.Answer answer = http.query("SELECT Id, FullName FROM Account");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(answer.body().get(0).get("message").asText()).contains("No such column 'FullName' on entity 'Account'");
    }

    @Test
    void taskSubtype_isSetOnInsertOnly_asTheRealApiHasIt() {
        // given: a call logged over REST
        SandboxHttp.Answer created = http.send("POST", "/services/data/v62.0/sobjects/Task",
                "{\"Subject\":\"Call\",\"TaskSubtype\":\"Call\",\"CallType\":\"Outbound\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();

        // when: a caller tries to turn it into a plain task
        SandboxHttp.Answer update = http.send("PATCH", "/services/data/v62.0/sobjects/Task/" + id,
                "{\"TaskSubtype\":\"Task\"}");

        // then
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(count("SELECT COUNT() FROM Task WHERE TaskSubtype = 'Call'")).isEqualTo(1);
        JsonNode subtype = null;
        for (JsonNode f : http.get("/services/data/v62.0/sobjects/Task/describe").body().get("fields")) {
            if (f.get("name").asText().equals("TaskSubtype")) {
                subtype = f;
            }
        }
        assertThat(subtype).isNotNull();
        assertThat(subtype.get("createable").asBoolean()).isTrue();
        assertThat(subtype.get("updateable").asBoolean()).isFalse();
    }

    @Test
    void whereClause_filtersWithTypedLiteralsAndEscapes() {
        // given
        sandbox.insert("Account", Map.of("Name", "Bob's BBQ", "NumberOfEmployees", 10L));
        sandbox.insert("Account", Map.of("Name", "Other", "NumberOfEmployees", 500L));
        sandbox.insert("Account", Map.of("Name", "100% Juice_Co", "NumberOfEmployees", 50L));
        // then
        assertThat(count("SELECT COUNT() FROM Account WHERE Name = 'Bob\\'s BBQ'")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Account WHERE NumberOfEmployees >= 50")).isEqualTo(2);
        assertThat(count("SELECT COUNT() FROM Account WHERE NOT (Name IN ('other', 'x') OR NumberOfEmployees < 20)"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Account WHERE Name LIKE '100\\% Juice\\_%'")).isEqualTo(1);
        assertThat(count("SELECT COUNT() FROM Account WHERE Name LIKE '100_ Juice%'")).isEqualTo(1);
        assertThat(http.query("SELECT Id FROM Account WHERE NumberOfEmployees = '5'").body().get(0)
                .get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void collections_create_reportsPerRecordFailuresInOrder() {
        // when
        SandboxHttp.Answer answer = http.send("POST", "/services/data/v62.0/composite/sobjects", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Lead"},"LastName":"Ok","Company":"C"},
                  {"attributes":{"type":"Lead"},"Company":"C"},
                  {"attributes":{"type":"Lead"},"LastName":"Bad","Company":"C","Email":"not-an-email"}]}""");
        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get(0).get("success").asBoolean()).isTrue();
        assertThat(answer.body().get(1).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(answer.body().get(2).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("INVALID_EMAIL_ADDRESS");
        assertThat(sandbox.count("Lead")).isEqualTo(1);
    }

    @Test
    void collections_allOrNone_rollsBackTheValidRecords() {
        SandboxHttp.Answer answer = http.send("POST", "/services/data/v62.0/composite/sobjects", """
                {"allOrNone":true,"records":[
                  {"attributes":{"type":"Lead"},"LastName":"Ok","Company":"C"},
                  {"attributes":{"type":"Lead"},"Company":"C"}]}""");
        assertThat(answer.body().get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(sandbox.count("Lead")).isZero();
    }

    @Test
    void collections_delete_reportsEachIdInOrder_andAllOrNoneRestoresTheDeleted() {
        // given
        String kept = sandbox.insert("Lead", Map.of("LastName", "Kept", "Company", "C"));
        String deleted = sandbox.insert("Lead", Map.of("LastName", "Gone", "Company", "C"));

        // when: all or none, with one malformed id
        SandboxHttp.Answer rolledBack = http.send("DELETE",
                "/services/data/v62.0/composite/sobjects?allOrNone=true&ids=" + kept + ",nope", null);
        // then
        assertThat(rolledBack.body().get(0).get("id").asText()).isEqualTo(kept);
        assertThat(rolledBack.body().get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(rolledBack.body().get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("MALFORMED_ID");
        assertThat(sandbox.count("Lead")).isEqualTo(2);

        // when: record by record
        SandboxHttp.Answer answer = http.send("DELETE",
                "/services/data/v62.0/composite/sobjects?ids=" + deleted + ",nope", null);
        // then
        assertThat(answer.body().get(0).get("success").asBoolean()).isTrue();
        assertThat(answer.body().get(1).get("success").asBoolean()).isFalse();
        assertThat(sandbox.count("Lead")).isEqualTo(1);
    }

    @Test
    void crossObjectFormulaChange_doesNotMoveTheContactsModstamps() {
        // given
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));
        String contact = sandbox.insert("Contact", Map.of("LastName", "Doe", "AccountId", account,
                "SystemModstamp", Instant.parse("2026-01-01T00:00:00Z"),
                "LastModifiedDate", Instant.parse("2026-01-01T00:00:00Z")));
        // when
        http.send("PATCH", "/services/data/v62.0/sobjects/Account/" + account, "{\"Name\":\"Acme Corp\"}");
        JsonNode read = http.get("/services/data/v62.0/sobjects/Contact/" + contact).body();
        // then
        assertThat(read.get("Account_Name__c").asText()).isEqualTo("Acme Corp");
        assertThat(read.get("SystemModstamp").asText()).isEqualTo("2026-01-01T00:00:00.000+0000");
        JsonNode describe = http.get("/services/data/v62.0/sobjects/Contact/describe").body();
        assertThat(describe.findValues("name").stream().map(JsonNode::asText)).contains("Account_Name__c");
    }

    @Test
    void exhaustedBudget_answersRequestLimitExceeded() {
        // given
        sandbox.exhaustBudget();
        // when
        SandboxHttp.Answer answer = http.get("/services/data/v62.0/limits");
        // then
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(answer.header("Sforce-Limit-Info")).isEqualTo("api-usage=100000/100000");
    }

    @Test
    void getUpdatedAndDeleted_reportChangesInTheWindow() {
        // given
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        sandbox.clock(Clock.fixed(t0, ZoneOffset.UTC));
        String lead = sandbox.insert("Lead", Map.of("LastName", "A", "Company", "C"));
        String gone = sandbox.insert("Lead", Map.of("LastName", "B", "Company", "C"));
        sandbox.clock(Clock.fixed(t0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        http.send("DELETE", "/services/data/v62.0/sobjects/Lead/" + gone, null);
        sandbox.clock(Clock.fixed(t0.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        // when
        JsonNode updated = http.get("/services/data/v62.0/sobjects/Lead/updated?start=2026-11-20T09:59:00Z&end="
                + "2026-11-20T11:00:00Z").body();
        JsonNode deleted = http.get("/services/data/v62.0/sobjects/Lead/deleted?start=2026-11-20T09:59:00Z&end="
                + "2026-11-20T11:00:00Z").body();
        // then
        assertThat(updated.get("ids")).extracting(JsonNode::asText).containsExactly(lead);
        assertThat(updated.get("latestDateCovered").asText()).isEqualTo("2026-11-20T10:10:00.000+0000");
        assertThat(deleted.get("deletedRecords").get(0).get("id").asText()).isEqualTo(gone);
    }

    @Test
    void injectedLatency_delaysEveryDataCall() {
        // given
        sandbox.faults().latency(Duration.ofMillis(300));
        // when
        long t0 = System.nanoTime();
        SandboxHttp.Answer answer = http.get("/services/data/v62.0/limits");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void serverErrorRate_one_answersEveryCallWith503() {
        sandbox.faults().serverErrorRate(1.0);
        SandboxHttp.Answer answer = http.query("SELECT Id FROM Lead");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().get(0).get("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
    }

    @Test
    void upsertByExternalIdPath_createsThenUpdates() {
        SandboxHttp.Answer created = http.send("PATCH", "/services/data/v62.0/sobjects/Account/HubSpot_Id__c/hs-9",
                "{\"Name\":\"Acme\"}");
        SandboxHttp.Answer updated = http.send("PATCH", "/services/data/v62.0/sobjects/Account/HubSpot_Id__c/hs-9",
                "{\"Name\":\"Acme 2\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("created").asBoolean()).isTrue();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("id").asText()).isEqualTo(created.body().get("id").asText());
        assertThat(sandbox.record("Account", created.body().get("id").asText()).get("Name")).isEqualTo("Acme 2");
    }

    @Test
    void unknownApiVersionShape_and_missingToken_answerLikeSalesforce() {
        assertThat(http.get("/services/data/62/limits").status()).isEqualTo(404);
        SandboxHttp.Answer anonymous = new SandboxHttp(sandbox.baseUrl()).get("/services/data/v58.0/limits");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    }

    private int count(String soql) {
        SandboxHttp.Answer answer = http.query(soql);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().get("totalSize").asInt();
    }
}

package io.crmsync.crm;

import static io.crmsync.resync.ResyncFixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.store.CrmSide;
import io.crmsync.store.Watermark;
import io.crmsync.testing.LambdaEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Custom objects chosen at run time ({@code PUT /settings/custom-objects}, checked against Salesforce's describe and
 * HubSpot's schemas API), then synced both ways by the poll -> queue -> worker path, resynced one record at a time, and
 * gated by an inclusion segment of their own, as HubSpot's connector offers for custom objects.
 */
@QuarkusTest
class CustomObjectsSyncTest extends CrmPollSupport {

    private static final String INVOICES = "2-1000002";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FunctionDispatcher functions;

    @BeforeEach
    void invoicesPairedAtRunTime() {
        Instant now = Instant.now();
        watermarks.reset(new Watermark(INVOICES + ".Invoice__c", CrmSide.SALESFORCE, now, null, now));
        watermarks.reset(new Watermark(INVOICES, CrmSide.HUBSPOT, now, null, now));
    }

    @AfterEach
    void noCustomObjects() {
        segments.choose(INVOICES, null);
        api("PUT", "/settings/custom-objects", null, "{\"customObjects\":[]}", 200);
    }

    @Test
    void customObjectChosenThroughTheSettingsApi_isSyncedBothWays_andResyncedOnDemand() throws Exception {
        // when: Invoice__c is paired with the HubSpot custom object named "invoices", and its fields mapped
        JsonNode chosen = pairInvoices();

        // then: stored by type id, and listed
        assertThat(chosen.path("customObjects").get(0).path("hubspotObject").asText()).isEqualTo(INVOICES);
        assertThat(api("GET", "/settings/custom-objects", null, null, 200).path("customObjects").get(0)
                .path("salesforceObject").asText()).isEqualTo("Invoice__c");

        // when: an invoice is created in Salesforce
        String invoice = salesforce().insert("Invoice__c", Map.of("Name", unique("INV"), "Amount__c",
                new BigDecimal("99.00")));
        pollAndSyncThroughFunctions();

        // then: the poll found it and the worker created its HubSpot record
        String hubspotId = pairings.findBySalesforceId(INVOICES, invoice).orElseThrow().hubspotId();
        Map<String, String> record = hubspot().record(INVOICES, hubspotId).orElseThrow();
        assertThat(record).containsEntry("salesforce_id", invoice);
        assertThat(new BigDecimal(record.get("amount"))).isEqualByComparingTo("99");

        // when: corrected in HubSpot
        hubspotClient.batchUpdate(INVOICES, List.of(new ObjectUpdate(hubspotId, Map.of("amount", "95"))));
        pollAndSyncThroughFunctions();

        // then
        assertThat((BigDecimal) salesforce().record("Invoice__c", invoice).get("Amount__c"))
                .isEqualByComparingTo("95");

        // when: a record resync after a change the poll has not seen yet
        editSalesforce("Invoice__c", invoice, Map.of("Amount__c", new BigDecimal("120.00")));
        JsonNode resync = api("POST", "/resync", null,
                "{\"object\":\"" + INVOICES + "\",\"hubspotId\":\"" + hubspotId + "\"}", 200);

        // then
        assertThat(resync.path("outcome").asText()).as(resync.toString()).isEqualTo("SYNCED");
        assertThat(new BigDecimal(hubspot().record(INVOICES, hubspotId).orElseThrow().get("amount")))
                .isEqualByComparingTo("120");
    }

    @Test
    void customObjectSegment_onlyItsMembersGetTheirSalesforceChanges() throws Exception {
        // given: two invoices synced a while ago, and an active list of key-account invoices as the segment
        pairInvoices();
        hubspot().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        String paid = salesforce().insert("Invoice__c", Map.of("Name", unique("INV") + "-key"));
        String sent = salesforce().insert("Invoice__c", Map.of("Name", unique("INV")));
        pollAndSyncThroughFunctions();
        hubspot().clock(Clock.systemUTC());
        HubSpotList list = hubspotClient.lists().create(unique("Key account invoices"), INVOICES,
                HubSpotList.ProcessingType.DYNAMIC, JSON.readTree("""
                        {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                          {"filterType":"PROPERTY","property":"name",
                           "operation":{"operationType":"MULTISTRING","operator":"ENDS_WITH","values":["-key"]}}]}]}
                        """));
        api("PUT", "/settings/inclusion-segments/" + INVOICES, null, "{\"listId\":\"" + list.listId() + "\"}", 200);

        // when: both change in Salesforce
        editSalesforce("Invoice__c", paid, Map.of("Amount__c", new BigDecimal("10.00")));
        editSalesforce("Invoice__c", sent, Map.of("Amount__c", new BigDecimal("20.00")));
        pollAndSyncThroughFunctions();

        // then
        String paidId = pairings.findBySalesforceId(INVOICES, paid).orElseThrow().hubspotId();
        String sentId = pairings.findBySalesforceId(INVOICES, sent).orElseThrow().hubspotId();
        assertThat(new BigDecimal(hubspot().record(INVOICES, paidId).orElseThrow().get("amount")))
                .isEqualByComparingTo("10");
        assertThat(hubspot().record(INVOICES, sentId).orElseThrow()).doesNotContainKey("amount");
    }

    @Test
    void customObjectsTheCrmsDoNotHave_areRefusedNamingTheEntry() {
        JsonNode notCustom = api("PUT", "/settings/custom-objects", null,
                "{\"customObjects\":[{\"salesforceObject\":\"Account\",\"hubspotObject\":\"invoices\"}]}", 400);
        assertThat(notCustom.path("error").path("code").asText()).isEqualTo("INVALID_CUSTOM_OBJECT");
        assertThat(notCustom.path("error").path("field").asText()).isEqualTo("customObjects[0].salesforceObject");

        JsonNode unknown = api("PUT", "/settings/custom-objects", null,
                "{\"customObjects\":[{\"salesforceObject\":\"Nope__c\",\"hubspotObject\":\"invoices\"}]}", 400);
        assertThat(unknown.path("error").path("message").asText()).contains("Nope__c");

        JsonNode noSchema = api("PUT", "/settings/custom-objects", null,
                "{\"customObjects\":[{\"salesforceObject\":\"Invoice__c\",\"hubspotObject\":\"widgets\"}]}", 400);
        assertThat(noSchema.path("error").path("field").asText()).isEqualTo("customObjects[0].hubspotObject");
        assertThat(noSchema.path("error").path("message").asText()).contains("widgets", INVOICES);

        assertThat(api("GET", "/settings/custom-objects", null, null, 200).path("customObjects")).isEmpty();
    }

    private JsonNode pairInvoices() {
        JsonNode chosen = api("PUT", "/settings/custom-objects", null,
                "{\"customObjects\":[{\"salesforceObject\":\"Invoice__c\",\"hubspotObject\":\"invoices\"}]}", 200);
        api("PUT", "/settings/mappings/" + INVOICES, null, """
                {"mappings":[{"hubspotProperty":"name","salesforceField":"Name","rule":"TWO_WAY"},
                  {"hubspotProperty":"amount","salesforceField":"Amount__c","rule":"TWO_WAY"}]}""", 200);
        return chosen;
    }

    private void pollAndSyncThroughFunctions() throws Exception {
        functions.invoke("poll", JSON.writeValueAsString(LambdaEvents.scheduled(Instant.now().toString())));
        drain().forEach(worker::process);
    }
}

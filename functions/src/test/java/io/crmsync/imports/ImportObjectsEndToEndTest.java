package io.crmsync.imports;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.drainImportQueue;
import static io.crmsync.imports.ImportTestSupport.startClean;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.settings.CustomObjects;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ImportObjectsEndToEndTest {

    @Inject
    CustomObjects customObjects;

    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    ImportsConfig imports;

    SalesforceSandbox salesforce;
    HubSpotSandbox hubspot;

    @BeforeEach
    void reset() {
        startClean();
        salesforce = SalesforceSandboxTestResource.sandbox();
        hubspot = HubSpotSandboxTestResource.sandbox();
    }

    @Test
    void accountsThenOpportunities_becomeCompaniesAndDeals_withStageMapped_andTheDealAssociatedWithItsCompany() {
        // given
        String account = salesforce.insert("Account", Map.of("Name", "Acme", "Website", "https://www.acme.example/x",
                "NumberOfEmployees", 42L));
        String opportunity = salesforce.insert("Opportunity", Map.of("Name", "Acme renewal", "StageName",
                "Closed Won", "CloseDate", "2026-12-01", "Amount", new BigDecimal("1200.50"), "AccountId", account));

        // when
        runImport("{\"object\":\"accounts\"}");
        runImport("{\"object\":\"opportunities\"}");

        // then
        Map<String, String> company = hubspotRecord("companies", "company", account);
        assertThat(company).containsEntry("name", "Acme").containsEntry("domain", "www.acme.example")
                .containsEntry("numberofemployees", "42").containsEntry("salesforce_id", account);
        Pairing deal = pairing("deal", opportunity);
        assertThat(deal.salesforceType()).isEqualTo(SalesforceType.OPPORTUNITY);
        Map<String, String> dealProperties = hubspot.record("deals", deal.hubspotId()).orElseThrow();
        assertThat(dealProperties).containsEntry("dealname", "Acme renewal").containsEntry("dealstage", "closedwon")
                .containsEntry("pipeline", "default");
        assertThat(new BigDecimal(dealProperties.get("amount"))).isEqualByComparingTo("1200.50");
        assertThat(hubspotClient.associations().read("deals", "companies", List.of(deal.hubspotId())))
                .containsKey(deal.hubspotId());
    }

    @Test
    void casesTasksAndEvents_becomeTicketsTasksAndMeetings_associatedWithThePairedContact() {
        // given a contact imported first
        String contact = salesforce.insert("Contact", Map.of("LastName", "Ng", "Email", "ng@example.com"));
        runImport("{\"object\":\"contacts\"}");
        String caseId = salesforce.insert("Case", Map.of("Subject", "Broken widget", "Status", "Escalated",
                "Priority", "High", "ContactId", contact));
        String task = salesforce.insert("Task", Map.of("Subject", "Call back", "Status", "In Progress",
                "Priority", "Normal", "ActivityDate", "2026-12-24", "WhoId", contact));
        String event = salesforce.insert("Event", Map.of("Subject", "Demo", "StartDateTime", "2026-12-02T10:00:00Z",
                "EndDateTime", "2026-12-02T11:00:00Z", "DurationInMinutes", 60L, "WhoId", contact));
        String call = salesforce.insert("Task", Map.of("Subject", "Discovery call", "TaskSubtype", "Call",
                "CallType", "Inbound", "CallDurationInSeconds", 300L, "Status", "Completed", "WhoId", contact));

        // when
        runImport("{\"object\":\"cases\"}");
        runImport("{\"object\":\"tasks\"}");
        runImport("{\"object\":\"events\"}");

        // then
        String contactHubSpotId = pairing("contact", contact).hubspotId();
        assertThat(hubspotRecord("tickets", "ticket", caseId)).containsEntry("subject", "Broken widget")
                .containsEntry("hs_pipeline_stage", "3").containsEntry("hs_ticket_priority", "HIGH");
        assertThat(hubspotRecord("tasks", "task", task)).containsEntry("hs_task_subject", "Call back")
                .containsEntry("hs_task_status", "IN_PROGRESS").containsEntry("hs_task_priority", "MEDIUM")
                .containsEntry("hs_timestamp", "2026-12-24T00:00:00Z");
        assertThat(hubspotRecord("meetings", "meeting", event)).containsEntry("hs_meeting_title", "Demo");
        // a Task logged as a call is a HubSpot call, not a task
        assertThat(hubspotRecord("calls", "call", call)).containsEntry("hs_call_title", "Discovery call")
                .containsEntry("hs_call_direction", "INBOUND").containsEntry("hs_call_duration", "300000")
                .containsEntry("hs_call_status", "COMPLETED");
        assertThat(pairings.findBySalesforceIds("task", List.of(call))).isEmpty();
        for (String[] kind : new String[][] {{"tickets", "ticket", caseId}, {"tasks", "task", task},
                {"meetings", "meeting", event}, {"calls", "call", call}}) {
            String id = pairing(kind[1], kind[2]).hubspotId();
            assertThat(hubspotClient.associations().read(kind[0], "contacts", List.of(id)).get(id))
                    .as(kind[0]).extracting(a -> a.toId()).containsExactly(contactHubSpotId);
        }
    }

    @Test
    void taskImport_translatesThroughTheEditedTaskValueMaps_asTheSyncDoes() throws Exception {
        // given: task value maps edited over the API (Normal is LOW here, In Progress is WAITING, Email is TODO)
        String shipped = "{\"maps\":" + new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(api("GET", "/settings/value-maps/task", null, null).raw()).path("maps") + "}";
        var edited = api("PUT", "/settings/value-maps/task", null, """
                {"maps":[{"hubspotProperty":"hs_task_status","salesforceField":"Status","values":[
                   {"salesforce":"Not Started","hubspot":"NOT_STARTED"},{"salesforce":"In Progress","hubspot":"WAITING"},
                   {"salesforce":"Completed","hubspot":"COMPLETED"}]},
                 {"hubspotProperty":"hs_task_priority","salesforceField":"Priority","values":[
                   {"salesforce":"High","hubspot":"HIGH"},{"salesforce":"Normal","hubspot":"LOW"},
                   {"salesforce":"Low","hubspot":"NONE"}]},
                 {"hubspotProperty":"hs_task_type","salesforceField":"Type","values":[
                   {"salesforce":"Email","hubspot":"TODO"},{"salesforce":"Other","hubspot":"EMAIL"}]}]}
                """);
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        try {
            String task = salesforce.insert("Task", Map.of("Subject", "Send the deck", "Status", "In Progress",
                    "Priority", "Normal", "Type", "Email"));

            // when
            runImport("{\"object\":\"tasks\"}");

            // then
            assertThat(hubspotRecord("tasks", "task", task)).containsEntry("hs_task_status", "WAITING")
                    .containsEntry("hs_task_priority", "LOW").containsEntry("hs_task_type", "TODO");
        } finally {
            assertThat(api("PUT", "/settings/value-maps/task", null, shipped).status()).isEqualTo(200);
        }
    }

    @Test
    void customObjects_importIntoTheirConfiguredHubSpotObject() {
        // given: Invoice__c paired with the HubSpot custom object 2-1000002 at run time
        customObjects.replace(List.of(new CustomObjects.Pair("Invoice__c", "invoices")));
        String invoice = salesforce.insert("Invoice__c", Map.of("Name", "INV-1", "Amount__c", new BigDecimal("99.00"),
                "Status__c", "Sent"));

        // when
        runImport("{\"object\":\"custom\",\"customObject\":\"Invoice__c\"}");

        // then
        Map<String, String> properties = hubspotRecord("invoices", "2-1000002", invoice);
        assertThat(properties).containsEntry("name", "INV-1").containsEntry("status", "Sent")
                .containsEntry("salesforce_id", invoice);
        assertThat(new BigDecimal(properties.get("amount"))).isEqualByComparingTo("99");
        customObjects.replace(List.of());
    }

    @Test
    void anActiveCampaign_setsSalesforceCampaignsOnItsMembersContacts() {
        // given
        String campaign = salesforce.insert("Campaign", Map.of("Name", "Launch", "IsActive", true));
        String lead = salesforce.insert("Lead", Map.of("LastName", "L", "Company", "C", "Email", "lead@example.com"));
        String contact = salesforce.insert("Contact", Map.of("LastName", "K", "Email", "kay@example.com"));
        salesforce.insert("Contact", Map.of("LastName", "Not a member", "Email", "out@example.com"));
        salesforce.insert("CampaignMember", Map.of("CampaignId", campaign, "LeadId", lead, "Status", "Sent"));
        salesforce.insert("CampaignMember", Map.of("CampaignId", campaign, "ContactId", contact, "Status", "Sent"));

        // when
        String id = runImport("{\"object\":\"campaign\",\"campaignId\":\"" + campaign + "\"}");

        // then
        assertThat(hubspot.count("contacts")).isEqualTo(2);
        assertThat(hubspotRecord("contacts", "contact", lead)).containsEntry("email", "lead@example.com")
                .containsEntry("salesforce_campaigns", "Launch");
        assertThat(pairing("contact", lead).salesforceType()).isEqualTo(SalesforceType.LEAD);
        assertThat(pairing("contact", contact).salesforceType()).isEqualTo(SalesforceType.CONTACT);
        assertThat(api("GET", "/imports/" + id, null, null).body().getInt("created")).isEqualTo(2);
    }

    @Test
    void aSecondCampaign_isAddedToTheContactsCampaigns_andImportingOneAgainChangesNothing() {
        // given: a contact that is a member of two active campaigns, the first one already imported
        String launch = salesforce.insert("Campaign", Map.of("Name", "Launch", "IsActive", true));
        String webinar = salesforce.insert("Campaign", Map.of("Name", "Webinar", "IsActive", true));
        String contact = salesforce.insert("Contact", Map.of("LastName", "K", "Email", "kay@example.com"));
        salesforce.insert("CampaignMember", Map.of("CampaignId", launch, "ContactId", contact, "Status", "Sent"));
        salesforce.insert("CampaignMember", Map.of("CampaignId", webinar, "ContactId", contact, "Status", "Sent"));
        runImport("{\"object\":\"campaign\",\"campaignId\":\"" + launch + "\"}");

        // when: the second campaign is imported, then the first one again
        runImport("{\"object\":\"campaign\",\"campaignId\":\"" + webinar + "\"}");
        runImport("{\"object\":\"campaign\",\"campaignId\":\"" + launch + "\"}");

        // then
        assertThat(hubspot.count("contacts")).isEqualTo(1);
        assertThat(hubspotRecord("contacts", "contact", contact)).containsEntry("salesforce_campaigns", "Launch;Webinar");
    }

    @Test
    void leadsAndContacts_importInTwoPhases_intoOneJob() {
        // given
        // (leads over two pages: a page and 100)
        int leads = imports.pageSize() + 100;
        salesforce.seed("Lead", leads, i -> Map.of("LastName", "L" + i, "Company", "C", "Email", "l" + i + "@example.com"));
        salesforce.seed("Contact", 30, i -> Map.of("LastName", "C" + i, "Email", "c" + i + "@example.com"));

        // when
        String id = runImport("{\"object\":\"leads_and_contacts\"}");

        // then
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("total")).isEqualTo(leads + 30);
        assertThat(job.getInt("created")).isEqualTo(leads + 30);
        assertThat(hubspot.count("contacts")).isEqualTo(leads + 30);
    }

    @Test
    void filtersNarrowTheSet_andHostileValuesAreMatchedLiterally() {
        // given
        salesforce.seed("Contact", 20, i -> Map.of("LastName", "O'Brien " + i, "Email", "o" + i + "@example.com",
                "LeadSource", i < 5 ? "Web" : "Other"));
        salesforce.insert("Contact", Map.of("LastName", "x' OR LastName != '", "Email", "literal@example.com"));

        // when
        String web = runImport("{\"object\":\"contacts\",\"filters\":[{\"field\":\"LeadSource\",\"operator\":\"eq\","
                + "\"value\":\"Web\"},{\"field\":\"LastName\",\"operator\":\"starts_with\",\"value\":\"O'Brien\"}]}");
        String hostile = runImport("{\"object\":\"contacts\",\"filters\":[{\"field\":\"LastName\",\"operator\":\"eq\","
                + "\"value\":\"x' OR LastName != '\"}]}");
        var injectionReview = api("POST", "/imports/review", null, "{\"object\":\"contacts\",\"filters\":[{\"field\":"
                + "\"Email\",\"operator\":\"contains\",\"value\":\"%' OR Email != '\"}]}");

        // then
        assertThat(api("GET", "/imports/" + web, null, null).body().getInt("created")).isEqualTo(5);
        assertThat(api("GET", "/imports/" + hostile, null, null).body().getInt("created")).isEqualTo(1);
        assertThat(hubspot.count("contacts")).isEqualTo(6);
        assertThat(injectionReview.status()).isEqualTo(200);
        assertThat(injectionReview.body().getInt("count")).isZero();
    }

    private String runImport(String definition) {
        var answer = api("POST", "/imports", null, definition);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        assertThat(drainImportQueue().failed()).isZero();
        String id = answer.body().getString("importId");
        assertThat(api("GET", "/imports/" + id, null, null).body().getString("status")).as(definition)
                .isEqualTo("COMPLETED");
        return id;
    }

    private Pairing pairing(String type, String salesforceId) {
        Pairing p = pairings.findBySalesforceIds(type, List.of(salesforceId)).get(salesforceId);
        assertThat(p).as("pairing of " + type + " " + salesforceId).isNotNull();
        return p;
    }

    private Map<String, String> hubspotRecord(String objectType, String pairingType, String salesforceId) {
        return hubspot.record(objectType, pairing(pairingType, salesforceId).hubspotId()).orElseThrow();
    }

}

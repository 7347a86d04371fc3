package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.editSalesforce;
import static io.crmsync.sync.SyncFixtures.hs;
import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.runSync;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.sf;
import static io.crmsync.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Each rule in both directions, deletes, echo, formulas, conflicts and failures, through the syncBatch function. */
@QuarkusTest
class SyncBatchRulesTest {

    @Inject
    HubSpotClient hubspotClient;
    @Inject
    SalesforceClient salesforceClient;
    @Inject
    MappingCatalog mappings;
    @Inject
    PairingRepository pairings;
    @Inject
    SyncErrorRepository errors;

    @AfterEach
    void realClocks() {
        salesforce().clock(Clock.systemUTC());
        hubspot().clock(Clock.systemUTC());
    }

    @Test
    void newSalesforceLead_createsHubSpotContact_andAnImmediateSecondSyncWritesNothing() {
        // given
        useContactMappings(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK);
        String email = unique("ada") + "@example.com";
        String leadId = salesforce().insert("Lead", Map.of("FirstName", "Ada", "LastName", "Lovelace",
                "Company", "Engines", "Email", email));

        // when
        assertThat(runSync("contact", "POLL", sf(leadId))).isEmpty();

        // then
        Pairing pairing = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow())
                .containsEntry("firstname", "Ada").containsEntry("lastname", "Lovelace").containsEntry("email", email);

        // when: redelivered / polled again right after crm-sync's own writes
        long hsWrites = hubspotWrites();
        long sfWrites = salesforceWrites();
        assertThat(runSync("contact", "POLL", hs(pairing.hubspotId()))).isEmpty();
        assertThat(runSync("contact", "POLL", sf(leadId))).isEmpty();

        // then: no echo
        assertThat(hubspotWrites()).isEqualTo(hsWrites);
        assertThat(salesforceWrites()).isEqualTo(sfWrites);
    }

    @Test
    void preferSalesforce_sfEditsAndDeletesFlowToHubSpot_hubSpotFillsOnlyBlankSalesforce() {
        // given
        useContactMappings(SyncRule.PREFER_SALESFORCE_UNLESS_BLANK);
        Pairing p = pairedLead(Map.of("FirstName", "Grace", "LastName", "Hopper", "Company", "Navy", "Title", "RAdm"));

        // when: SF edits first name and deletes the title
        editSalesforce("Lead", p.salesforceId(), new HashMap<>(Map.of("FirstName", "Amazing Grace")) {{ put("Title", null); }});
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("firstname", "Amazing Grace");
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow().get("jobtitle")).isNullOrEmpty();

        // when: HubSpot edits the last name (SF has one) and the phone (SF blank)
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(),
                Map.of("lastname", "Murray", "phone", "+1 555 0100"))));
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then: Salesforce's last name wins back in HubSpot; the blank SF phone is filled from HubSpot
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("lastname", "Hopper");
        assertThat(salesforce().record("Lead", p.salesforceId())).containsEntry("Phone", "+1 555 0100")
                .containsEntry("LastName", "Hopper");
    }

    @Test
    void alwaysSalesforce_neverWritesSalesforce_evenWhenBlank_andSfDeletesClearHubSpot() {
        // given
        useContactMappings(SyncRule.ALWAYS_SALESFORCE);
        Pairing p = pairedLead(Map.of("FirstName", "Alan", "LastName", "Turing", "Company", "NPL", "Title", "Dr"));
        long sfWrites = salesforceWrites();

        // when
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(), Map.of("phone", "+44 1"))));
        runSync("contact", "POLL", hs(p.hubspotId()));
        editSalesforce("Lead", p.salesforceId(), new HashMap<>() {{ put("Title", null); }});
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then
        assertThat(salesforce().record("Lead", p.salesforceId()).get("Phone")).isNull();
        assertThat(salesforceWrites()).isEqualTo(sfWrites);
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow().get("jobtitle")).isNullOrEmpty();
    }

    @Test
    void twoWay_eachSideEditAndDeleteFlows_andAConflictGoesToTheMostRecent_withTheLoserInHistory() {
        // given
        useContactMappings(SyncRule.TWO_WAY);
        Pairing p = pairedLead(Map.of("FirstName", "Edsger", "LastName", "Dijkstra", "Company", "TU", "Title", "Prof"));

        // when: HubSpot edits, then HubSpot deletes the title
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(), Map.of("firstname", "E.W."))));
        runSync("contact", "POLL", hs(p.hubspotId()));
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(), Map.of("jobtitle", ""))));
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then
        assertThat(salesforce().record("Lead", p.salesforceId())).containsEntry("FirstName", "E.W.");
        assertThat(salesforce().record("Lead", p.salesforceId()).get("Title")).isNull();

        // when: both sides change the last name; Salesforce's edit is 5 minutes more recent
        hubspot().clock(Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC));
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(), Map.of("lastname", "From HubSpot"))));
        salesforce().clock(Clock.fixed(Instant.parse("2030-01-01T10:05:00Z"), ZoneOffset.UTC));
        editSalesforce("Lead", p.salesforceId(), Map.of("LastName", "From Salesforce"));
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("lastname", "From Salesforce");
        Pairing after = pairings.findByHubspotId("contact", p.hubspotId()).orElseThrow();
        assertThat(after.history()).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("lastname");
            assertThat(h.oldValue()).isEqualTo("From HubSpot");
            assertThat(h.note()).contains("conflict", "From HubSpot");
        });
    }

    @Test
    void dontSync_ignoresEditsOnBothSides() {
        // given
        useContactMappings(SyncRule.DONT_SYNC);
        String email = unique("dont") + "@example.com";
        String leadId = salesforce().insert("Lead", Map.of("LastName", "Still", "Company", "Co", "Email", email));
        runSync("contact", "POLL", sf(leadId));
        Pairing p = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);

        // when
        editSalesforce("Lead", leadId, Map.of("LastName", "Moved"));
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(), Map.of("firstname", "X"))));
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow().get("lastname")).isNotEqualTo("Moved");
        assertThat(salesforce().record("Lead", leadId).get("FirstName")).isNull();
    }

    @Test
    void formulaChangeAlone_triggersNothing_butAChangeToAMappedInputCarriesIt() {
        // given: Contact.Account_Name__c is a formula over the related Account, mapped Salesforce -> HubSpot
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                new FieldMapping("company", "Account_Name__c", SyncRule.ALWAYS_SALESFORCE)));
        String accountId = salesforce().insert("Account", Map.of("Name", "Initech"));
        String email = unique("peter") + "@example.com";
        String contactId = salesforce().insert("Contact", Map.of("LastName", "Gibbons", "FirstName", "Peter",
                "Email", email, "AccountId", accountId));
        runSync("contact", "POLL", sf(contactId));
        Pairing p = pairings.findBySalesforceIds("contact", List.of(contactId)).get(contactId);
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("company", "Initech");
        long hsWrites = hubspotWrites();

        // when: only the formula's input on another record changes
        editSalesforce("Account", accountId, Map.of("Name", "Initrode"));
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then
        assertThat(hubspotWrites()).isEqualTo(hsWrites);
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("company", "Initech");

        // when: a mapped field of the contact changes
        editSalesforce("Contact", contactId, Map.of("FirstName", "Pete"));
        runSync("contact", "POLL", hs(p.hubspotId()));

        // then: the formula's current value travels with it
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow())
                .containsEntry("firstname", "Pete").containsEntry("company", "Initrode");
    }

    @Test
    void validationRuleFailure_isRecordedAsCustomCodeError_andThePairingKeepsItsValues() {
        // given: deal amount is two-way; Salesforce refuses negative amounts by a validation rule
        mappings.replace("deal", List.of(FieldMapping.of("dealname", "Name"),
                new FieldMapping("amount", "Amount", SyncRule.TWO_WAY)));
        String oppId = salesforce().insert("Opportunity", Map.of("Name", unique("Deal"), "StageName", "Prospecting",
                "CloseDate", java.time.LocalDate.parse("2030-01-01"), "Amount", new BigDecimal("100")));
        runSync("deal", "POLL", sf(oppId));
        Pairing p = pairings.findBySalesforceIds("deal", List.of(oppId)).get(oppId);
        assertThat(hubspot().record("deal", p.hubspotId()).orElseThrow()).containsEntry("amount", "100");

        // when
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(p.hubspotId(), Map.of("amount", "-5"))));
        runSync("deal", "POLL", hs(p.hubspotId()));

        // then
        var error = errors.find("deal", p.hubspotId(), oppId, "CUSTOM_CODE").orElseThrow();
        assertThat(error.message()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(salesforce().record("Opportunity", oppId).get("Amount")).isEqualTo(new BigDecimal("100"));
        assertThat(pairings.findByHubspotId("deal", p.hubspotId()).orElseThrow().hubspotValues())
                .containsEntry("amount", "100");
    }

    private Pairing pairedLead(Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("Email", unique("lead") + "@example.com");
        String leadId = salesforce().insert("Lead", all);
        runSync("contact", "POLL", sf(leadId));
        return pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
    }

    private void useContactMappings(SyncRule rule) {
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("firstname", "FirstName", rule), new FieldMapping("lastname", "LastName", rule),
                new FieldMapping("phone", "Phone", rule), new FieldMapping("jobtitle", "Title", rule),
                FieldMapping.of("company", "Company")));
    }

    private long hubspotWrites() {
        return hubspotClient.calls().count("objects.batch.update") + hubspotClient.calls().count("objects.batch.create");
    }

    private long salesforceWrites() {
        return salesforceClient.calls().count("collections.update") + salesforceClient.calls().count("collections.create");
    }
}

package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.picklists.ValueMap;
import io.crmsync.picklists.ValuePair;
import io.crmsync.settings.FieldMapping;
import io.crmsync.store.SyncError;
import io.crmsync.sync.SyncBatchMessage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deals <-> opportunities and companies <-> accounts through the functions: a scheduled poll, the sync queue, the
 * worker, both sandboxes. Stages cross through the editable value map; companies find their partner by domain (or
 * name) before one is created.
 */
@QuarkusTest
class DealsAndCompaniesSyncTest extends CrmPollSupport {

    private List<ValueMap> dealMaps;

    @BeforeEach
    void defaultDealAndCompanyMappings() {
        dealMaps = valueMaps.maps("deal");
        mappings.replace("deal", List.of(FieldMapping.of("dealname", "Name"), FieldMapping.of("amount", "Amount"),
                FieldMapping.of("closedate", "CloseDate"), FieldMapping.of("dealstage", "StageName")));
        mappings.replace("company", List.of(FieldMapping.of("name", "Name"), FieldMapping.of("domain", "Website")));
    }

    @AfterEach
    void restoreValueMaps() {
        valueMaps.replace("deal", dealMaps);
    }

    @Test
    void opportunityStageChangedInSalesforce_movesTheDealStage_afterAPoll() {
        // given: a new opportunity, synced by a poll
        String opportunity = salesforce().insert("Opportunity", opportunity(unique("Renewal"), "Prospecting"));
        pollAndSync();
        String dealId = pairings.findBySalesforceId("deal", opportunity).orElseThrow().hubspotId();
        assertThat(hubspot().record("deals", dealId).orElseThrow()).containsEntry("dealstage", "appointmentscheduled")
                .containsEntry("pipeline", "default");

        // when: the stage moves in Salesforce
        editSalesforce("Opportunity", opportunity, Map.of("StageName", "Closed Won"));
        pollAndSync();

        // then
        assertThat(hubspot().record("deals", dealId).orElseThrow()).containsEntry("dealstage", "closedwon");
    }

    @Test
    void dealCreatedInHubSpot_createsAnOpportunityWithTheMappedStage() {
        // given: a deal made in HubSpot (Salesforce requires StageName and CloseDate)
        String name = unique("Inbound");
        String dealId = hubspot().seed("deals", List.of(Map.of("dealname", name, "dealstage", "qualifiedtobuy",
                "closedate", "2026-04-01", "amount", "2500", "pipeline", "default"))).get(0);

        // when
        pollAndSync();

        // then
        String opportunity = pairings.findByHubspotId("deal", dealId).orElseThrow().salesforceId();
        assertThat(salesforce().record("Opportunity", opportunity)).containsEntry("Name", name)
                .containsEntry("StageName", "Qualification").containsEntry("CloseDate", LocalDate.of(2026, 4, 1));
        assertThat(openErrors("deal", dealId)).isEmpty();
    }

    @Test
    void unmappedStage_isASyncHealthErrorNamingTheValue_andSyncsOnceMappedAndRetried() {
        // given: a stage map without "Negotiation/Review"
        List<ValuePair> without = new ArrayList<>(dealMaps.get(0).values());
        without.removeIf(v -> v.salesforce().equals("Negotiation/Review"));
        valueMaps.replace("deal", List.of(new ValueMap("dealstage", "StageName", without)));
        String name = unique("Haggle");
        String opportunity = salesforce().insert("Opportunity", opportunity(name, "Negotiation/Review"));

        // when
        pollAndSync();

        // then: the deal exists with its other fields; the stage waits, and Sync Health says why and how to fix it
        String dealId = pairings.findBySalesforceId("deal", opportunity).orElseThrow().hubspotId();
        assertThat(hubspot().record("deals", dealId).orElseThrow()).containsEntry("dealname", name)
                .doesNotContainKey("dealstage");
        assertThat(openErrors("deal", dealId)).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("PROPERTY_VALUE");
            assertThat(e.message()).contains("'Negotiation/Review'", "PUT /settings/value-maps/deal");
        });

        // when: the user maps the value and retries the error
        without.add(new ValuePair("Negotiation/Review", "contractsent"));
        valueMaps.replace("deal", List.of(new ValueMap("dealstage", "StageName", without)));
        worker.process(new SyncBatchMessage(unique("retry"), "deal", "RETRY",
                List.of(new SyncBatchMessage.RecordRef(dealId, null))));

        // then
        assertThat(hubspot().record("deals", dealId).orElseThrow()).containsEntry("dealstage", "contractsent");
        assertThat(openErrors("deal", dealId)).isEmpty();
    }

    @Test
    void companyCreatedInHubSpot_pairsWithTheAccountOfTheSameDomain_insteadOfCreatingOne() {
        // given: an Account that has been in Salesforce for a month, and a new HubSpot company with its domain
        String domain = unique("globex") + ".example.com";
        salesforce().clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)));
        String account = salesforce().insert("Account", Map.of("Name", "Globex Corporation",
                "Website", "https://www." + domain + "/"));
        salesforce().clock(Clock.systemUTC());
        String company = hubspot().seed("companies", List.of(Map.of("name", "Globex", "domain", domain))).get(0);

        // when
        pollAndSync();

        // then
        assertThat(pairings.findByHubspotId("company", company).orElseThrow().salesforceId()).isEqualTo(account);
        assertThat(accountsWithWebsiteContaining(domain)).isEqualTo(1);
        assertThat(hubspot().record("companies", company).orElseThrow()).containsEntry("domain", domain);
    }

    @Test
    void companyCreatedInHubSpot_pairsWithTheAccountOfTheSameName_whenNoDomainMatches() {
        // given
        String name = unique("Initech");
        salesforce().clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)));
        String account = salesforce().insert("Account", Map.of("Name", name));
        salesforce().clock(Clock.systemUTC());
        String company = hubspot().seed("companies", List.of(Map.of("name", name))).get(0);

        // when
        pollAndSync();

        // then
        assertThat(pairings.findByHubspotId("company", company).orElseThrow().salesforceId()).isEqualTo(account);
    }

    @Test
    void accountCreatedInSalesforce_pairsWithTheCompanyOfTheSameDomain_insteadOfCreatingOne() {
        // given: a HubSpot company from a month ago, and a new Account with its domain
        String domain = unique("umbrella") + ".example.com";
        hubspot().clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-30)));
        String company = hubspot().seed("companies", List.of(Map.of("name", "Umbrella", "domain", domain))).get(0);
        hubspot().clock(Clock.systemUTC());
        String account = salesforce().insert("Account", Map.of("Name", "Umbrella Corp", "Website", "http://" + domain));

        // when
        pollAndSync();

        // then: paired with the existing company, which takes the Account's name (Salesforce wins unless blank)
        assertThat(pairings.findBySalesforceId("company", account).orElseThrow().hubspotId()).isEqualTo(company);
        assertThat(hubspot().find("companies", "domain", domain)).hasSize(1);
        assertThat(hubspot().record("companies", company).orElseThrow()).containsEntry("name", "Umbrella Corp");
    }

    private static Map<String, Object> opportunity(String name, String stage) {
        return Map.of("Name", name, "StageName", stage, "CloseDate", LocalDate.of(2026, 3, 1),
                "Amount", new BigDecimal("1000"));
    }

    private List<SyncError> openErrors(String object, String hubspotId) {
        return errors.listOpen(object, Optional.empty(), Optional.empty(), 100).items().stream()
                .filter(e -> hubspotId.equals(e.hubspotId())).toList();
    }

    private static long accountsWithWebsiteContaining(String domain) {
        var store = salesforce().store();
        return store.table(store.schema().object("Account").orElseThrow()).values().stream()
                .filter(r -> r.get("Website") != null && r.get("Website").toString().contains(domain)).count();
    }
}

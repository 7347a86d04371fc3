package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.Association;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.settings.FieldMapping;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Associations through the functions: a Contact's or Opportunity's {@code AccountId} is the HubSpot record's
 * association with the company paired to that Account, kept in sync both ways by poll -> queue -> worker.
 */
@QuarkusTest
class AssociationsSyncTest extends CrmPollSupport {

    private String accountA;
    private String accountB;
    private String companyA;
    private String companyB;

    @BeforeEach
    void twoSyncedCompanies() {
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("jobtitle", "Title")));
        mappings.replace("company", List.of(FieldMapping.of("name", "Name"), FieldMapping.of("domain", "Website")));
        mappings.replace("deal", List.of(FieldMapping.of("dealname", "Name"), FieldMapping.of("amount", "Amount"),
                FieldMapping.of("closedate", "CloseDate"), FieldMapping.of("dealstage", "StageName")));
        accountA = salesforce().insert("Account", Map.of("Name", unique("Alpha")));
        accountB = salesforce().insert("Account", Map.of("Name", unique("Beta")));
        pollAndSync();
        companyA = pairings.findBySalesforceId("company", accountA).orElseThrow().hubspotId();
        companyB = pairings.findBySalesforceId("company", accountB).orElseThrow().hubspotId();
    }

    @Test
    void contactOfAnAccount_isAssociatedWithItsCompany_andMovesWhenItsAccountChanges() {
        // given: a new Contact of account A
        String contact = salesforce().insert("Contact", Map.of("LastName", "Shepard",
                "Email", unique("alan") + "@example.com", "AccountId", accountA));
        pollAndSync();
        String contactId = pairings.findBySalesforceId("contact", contact).orElseThrow().hubspotId();
        assertThat(companiesOf("contact", contactId)).containsExactly(companyA);

        // when: moved to account B in Salesforce
        editSalesforce("Contact", contact, Map.of("AccountId", accountB));
        pollAndSync();

        // then: the HubSpot association moved with it
        assertThat(companiesOf("contact", contactId)).containsExactly(companyB);
    }

    @Test
    void contactMovedToAnotherCompanyInHubSpot_getsThatAccountInSalesforce() {
        // given: a synced Contact of account A
        String contact = salesforce().insert("Contact", Map.of("LastName", "Glenn",
                "Email", unique("john") + "@example.com", "AccountId", accountA));
        pollAndSync();
        String contactId = pairings.findBySalesforceId("contact", contact).orElseThrow().hubspotId();

        // when: a HubSpot user moves the contact to company B (and edits it, which is what makes HubSpot report it)
        hubspotClient.associations().archive("contact", "company", List.of(new AssociationPair(contactId, companyA)));
        hubspotClient.associations().associateDefault("contact", "company",
                List.of(new AssociationPair(contactId, companyB)));
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(contactId, Map.of("firstname", "John"))));
        pollAndSync();

        // then
        assertThat(salesforce().record("Contact", contact)).containsEntry("AccountId", accountB);
    }

    @Test
    void opportunityOfAnAccount_isAssociatedWithItsCompany_andMovesWithIt() {
        // given
        String opportunity = salesforce().insert("Opportunity", Map.of("Name", unique("Mercury"),
                "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 6, 1), "Amount", new BigDecimal("10"),
                "AccountId", accountA));
        pollAndSync();
        String dealId = pairings.findBySalesforceId("deal", opportunity).orElseThrow().hubspotId();
        assertThat(companiesOf("deal", dealId)).containsExactly(companyA);

        // when
        editSalesforce("Opportunity", opportunity, Map.of("AccountId", accountB));
        pollAndSync();

        // then
        assertThat(companiesOf("deal", dealId)).containsExactly(companyB);
    }

    private List<String> companiesOf(String object, String id) {
        return hubspotClient.associations().read(object, "company", List.of(id)).getOrDefault(id, List.of()).stream()
                .map(Association::toId).toList();
    }
}

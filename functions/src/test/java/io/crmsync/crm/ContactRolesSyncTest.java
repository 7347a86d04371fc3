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
 * Opportunity contact roles are the deal's contacts, both ways, through poll -> queue -> worker: a role added in
 * Salesforce associates the HubSpot contact with the deal; a contact associated with the deal in HubSpot gets a role.
 */
@QuarkusTest
class ContactRolesSyncTest extends CrmPollSupport {

    private String account;
    private String contact;
    private String opportunity;

    @BeforeEach
    void syncedDealAndContact() {
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName")));
        mappings.replace("company", List.of(FieldMapping.of("name", "Name")));
        mappings.replace("deal", List.of(FieldMapping.of("dealname", "Name"), FieldMapping.of("amount", "Amount"),
                FieldMapping.of("closedate", "CloseDate"), FieldMapping.of("dealstage", "StageName")));
        account = salesforce().insert("Account", Map.of("Name", unique("Grumman")));
        contact = salesforce().insert("Contact", Map.of("LastName", "Kelly", "Email", unique("tk") + "@example.com",
                "AccountId", account));
        opportunity = salesforce().insert("Opportunity", Map.of("Name", unique("Lunar Module"),
                "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 6, 1), "Amount", new BigDecimal("10"),
                "AccountId", account));
        pollAndSync();
    }

    @Test
    void contactRoleAddedInSalesforce_associatesTheContactWithTheDeal_andItsRemovalRemovesIt() {
        // given
        String dealId = hubspotId("deal", opportunity);
        assertThat(contactsOf(dealId)).isEmpty();

        // when: a contact role is added to the opportunity (the Opportunity itself does not change)
        String role = salesforce().insert("OpportunityContactRole", Map.of("OpportunityId", opportunity,
                "ContactId", contact, "Role", "Decision Maker"));
        pollAndSync();

        // then
        assertThat(contactsOf(dealId)).containsExactly(hubspotId("contact", contact));

        // when: the role is removed and the opportunity edited
        salesforce().store().delete(salesforce().store().schema().object("OpportunityContactRole").orElseThrow(), role);
        editSalesforce("Opportunity", opportunity, Map.of("Amount", new BigDecimal("20")));
        pollAndSync();

        // then
        assertThat(contactsOf(dealId)).isEmpty();
    }

    @Test
    void contactAssociatedWithTheDealInHubSpot_getsAContactRoleOnTheOpportunity_once() {
        // given
        String dealId = hubspotId("deal", opportunity);
        String contactId = hubspotId("contact", contact);

        // when: a HubSpot user adds the contact to the deal (and edits the deal)
        hubspotClient.associations().associateDefault("deal", "contact", List.of(new AssociationPair(dealId,
                contactId)));
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(dealId, Map.of("amount", "30"))));
        pollAndSync();
        pollAndSync();

        // then: one role, for that contact
        assertThat(rolesOf(opportunity)).containsExactly(contact);
        assertThat(contactsOf(dealId)).containsExactly(contactId);
    }

    @Test
    void contactRoleOnOneOfManyChangedOpportunities_isSyncedWithTheWholeBatch() {
        // given: 150 opportunities changed at once (one batch reads the roles of all of them)
        List<String> many = salesforce().seed("Opportunity", 150, i -> Map.of("Name", unique("Gemini " + i),
                "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 6, 1), "Amount", new BigDecimal("5"),
                "AccountId", account));
        salesforce().insert("OpportunityContactRole", Map.of("OpportunityId", many.get(149), "ContactId", contact));

        // when
        pollAndSync();

        // then
        assertThat(contactsOf(hubspotId("deal", many.get(149)))).containsExactly(hubspotId("contact", contact));
    }

    private List<Object> rolesOf(String opportunityId) {
        var store = salesforce().store();
        return store.table(store.schema().object("OpportunityContactRole").orElseThrow()).values().stream()
                .filter(r -> opportunityId.equals(r.get("OpportunityId"))).map(r -> r.get("ContactId")).toList();
    }

    private String hubspotId(String object, String salesforceId) {
        return pairings.findBySalesforceId(object, salesforceId).orElseThrow().hubspotId();
    }

    private List<String> contactsOf(String dealId) {
        return hubspotClient.associations().read("deal", "contact", List.of(dealId)).getOrDefault(dealId, List.of())
                .stream().map(Association::toId).toList();
    }
}

package io.crmsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.model.SaveResult;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SalesforceClientWriteTest extends SalesforceClientTestSupport {

    @BeforeEach
    void warmDescribes() {
        warmUp("Lead", "Opportunity");
    }

    @Test
    void create_450Records_inThreeCalls_reportsEachFailureAtItsPosition() {
        // given: three records lack the required LastName, one has a malformed email
        List<SObject> leads = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Map<String, Object> fields = new HashMap<>(Map.of("Company", "Co", "Email", "lead" + i + "@example.com"));
            if (i != 10 && i != 250 && i != 449) {
                fields.put("LastName", "Lead " + i);
            }
            if (i == 300) {
                fields.put("Email", "not an email");
            }
            leads.add(SObject.of("Lead", fields));
        }
        // when
        List<SaveResult> results = client.collections().create(leads);
        // then
        assertThat(client.calls().count("collections.create")).isEqualTo(3);
        assertThat(results).hasSize(450);
        List<Integer> failed = IntStream.range(0, 450).filter(i -> !results.get(i).success()).boxed().toList();
        assertThat(failed).containsExactly(10, 250, 300, 449);
        assertThat(results.get(250).errors().get(0).statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(250).errors().get(0).fields()).containsExactly("LastName");
        assertThat(results.get(300).errors().get(0).statusCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
        assertThat(sandbox.count("Lead")).isEqualTo(446);
        assertThat(sandbox.record("Lead", results.get(0).id()).get("LastName")).isEqualTo("Lead 0");
    }

    @Test
    void update_changesFields_andAValidationRuleFailsOnlyItsRecord() {
        // given
        String a = sandbox.insert("Opportunity", Map.of("Name", "A", "StageName", "Prospecting",
                "CloseDate", java.time.LocalDate.of(2026, 12, 1)));
        String b = sandbox.insert("Opportunity", Map.of("Name", "B", "StageName", "Prospecting",
                "CloseDate", java.time.LocalDate.of(2026, 12, 1)));
        // when
        List<SaveResult> results = client.collections().update(List.of(
                SObject.of("Opportunity", a, Map.of("Amount", 1000, "Probability", 50)),
                SObject.of("Opportunity", b, Map.of("Amount", -5))));
        // then
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(1).errors().get(0).statusCode()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat((BigDecimal) sandbox.record("Opportunity", a).get("ExpectedRevenue"))
                .isEqualByComparingTo("500");
    }

    @Test
    void upsert_byExternalId_createsThenUpdates() {
        // given
        SObject first = SObject.of("Lead", Map.of("HubSpot_Id__c", "hs-1", "LastName", "One", "Company", "C"));
        // when
        SaveResult created = client.collections().upsert("Lead", "HubSpot_Id__c", List.of(first)).get(0);
        SaveResult updated = client.collections().upsert("Lead", "hubspot_id__c", List.of(
                SObject.of("Lead", Map.of("HubSpot_Id__c", "HS-1", "LastName", "Uno")))).get(0);
        // then
        assertThat(created.created()).isTrue();
        assertThat(updated.created()).isFalse();
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(sandbox.record("Lead", created.id()).get("LastName")).isEqualTo("Uno");
    }

    @Test
    void retrieve_keepsTheOrderAsked_andMarksUnknownIdsEmpty() {
        // given
        List<String> ids = sandbox.seed("Lead", 3, i -> Map.of("LastName", "L" + i, "Company", "C"));
        String unknown = "00Q5g0000zzzzzzAAA";
        // when
        List<Optional<SObject>> rows = client.collections().retrieve("Lead",
                List.of(ids.get(2), unknown, ids.get(0)), List.of("LastName", "Full_Name__c"));
        // then
        assertThat(rows.get(0)).hasValueSatisfying(r -> assertThat(r.get("LastName")).isEqualTo("L2"));
        assertThat(rows.get(1)).isEmpty();
        assertThat(rows.get(2)).hasValueSatisfying(r -> assertThat(r.get("Full_Name__c")).isEqualTo("L0"));
        assertThat(client.calls().count("collections.retrieve")).isEqualTo(1);
    }

    @Test
    void create_writesDatesAndDatetimesInSalesforceFormats() {
        // given
        java.time.Instant start = java.time.Instant.parse("2026-11-21T09:30:00Z");
        // when
        List<SaveResult> results = client.create(List.of(
                SObject.of("Opportunity", Map.of("Name", "Deal", "StageName", "Prospecting",
                        "CloseDate", java.time.LocalDate.of(2026, 12, 31))),
                SObject.of("Event", Map.of("Subject", "Call", "StartDateTime", start, "DurationInMinutes", 90))));
        // then
        assertThat(results).allMatch(SaveResult::success);
        assertThat(sandbox.record("Opportunity", results.get(0).id()).get("CloseDate"))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 31));
        assertThat(sandbox.record("Event", results.get(1).id()).get("StartDateTime")).isEqualTo(start);
        assertThat(client.calls().count("collections.create")).as("mixed types, one call").isEqualTo(1);
    }

    @Test
    void updatingAFormulaField_isRefusedForThatRecord() {
        String id = sandbox.insert("Lead", Map.of("LastName", "L", "Company", "C"));
        SaveResult result = client.collections().update(List.of(SObject.of("Lead", id,
                Map.of("Full_Name__c", "hack")))).get(0);
        assertThat(result.errors().get(0).statusCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    }
}

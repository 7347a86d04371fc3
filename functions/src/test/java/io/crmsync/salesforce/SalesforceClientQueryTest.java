package io.crmsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;
import io.crmsync.salesforce.model.QueryPage;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.salesforce.soql.SoqlValidationException;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SalesforceClientQueryTest extends SalesforceClientTestSupport {

    @BeforeEach
    void warmDescribes() {
        warmUp("Lead", "Contact");
    }

    @Test
    void query_5000Rows_followsNextRecordsUrl_inThreeCalls() {
        // given
        sandbox.seed("Lead", 5000, i -> Map.of("LastName", "Lead " + i, "Company", "Co " + (i % 7)));
        // when
        List<SObject> rows = client.query(Soql.select("Id", "LastName", "Company").from("Lead"));
        // then
        assertThat(rows).hasSize(5000);
        assertThat(rows).extracting(SObject::id).doesNotHaveDuplicates();
        assertThat(client.calls().count("query")).isEqualTo(1);
        assertThat(client.calls().count("queryMore")).isEqualTo(2);
    }

    @Test
    void queryPage_reportsTotalSizeAndALinkToTheNextPage() {
        // given
        sandbox.seed("Lead", 2001, i -> Map.of("LastName", "L" + i, "Company", "C"));
        // when
        QueryPage first = client.queryPage(Soql.select("Id").from("Lead"));
        QueryPage second = client.queryMore(first.nextRecordsUrl());
        // then
        assertThat(first.totalSize()).isEqualTo(2001);
        assertThat(first.records()).hasSize(2000);
        assertThat(second.records()).hasSize(1);
        assertThat(second.done()).isTrue();
    }

    @Test
    void keysetPaging_over10000Rows_visitsEveryRowOnceInIdOrder() {
        // given
        sandbox.seed("Contact", 10_000, i -> Map.of("LastName", "C" + i, "Email", "c" + i + "@example.com"));
        sandbox.seed("Contact", 50, i -> Map.of("LastName", "NoEmail" + i));
        // when
        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            List<SObject> page = client.keysetPage("Contact", List.of("LastName", "Email"),
                    Condition.ne("Email", null), after, 2000);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            page.forEach(r -> ids.add(r.id()));
            after = page.get(page.size() - 1).id();
        }
        // then
        assertThat(ids).hasSize(10_000).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(5);
        assertThat(client.calls().count("query")).as("5 full pages and 1 empty one").isEqualTo(6);
    }

    @Test
    void count_answersInOneCall() {
        sandbox.seed("Lead", 30, i -> Map.of("LastName", "L" + i, "Company", i % 3 == 0 ? "Acme" : "Other"));
        long acme = client.count(Soql.count().from("Lead").where(Condition.eq("Company", "acme")));
        assertThat(acme).isEqualTo(10);
        assertThat(client.calls().total()).isEqualTo(1);
    }

    @Test
    void describe_reportsFormulaFieldsAsCalculated_andIsCached() {
        // when
        Describe contact = client.describe("contact");
        // then
        assertThat(contact.formulaFields()).extracting(FieldDescribe::name).containsExactly("Account_Name__c");
        assertThat(contact.field("account_name__c").orElseThrow().createable()).isFalse();
        assertThat(client.calls().count("describe")).as("served from cache").isZero();
    }

    @Test
    void unknownField_isRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.query(Soql.select("Id", "FullName").from("Lead")))
                .isInstanceOf(SoqlValidationException.class).hasMessageContaining("FullName");
        assertThatThrownBy(() -> client.query(Soql.select("Id").from("Lead").where(Condition.eq("LastName", 5))))
                .isInstanceOf(SoqlValidationException.class);
        assertThat(client.calls().total()).isZero();
    }

    @Test
    void getUpdatedAndDeleted_coverWholeMinutesUpToNow_andLimitsReportTheBudget() {
        // given: Salesforce answers replication calls in whole minutes, so the clock moves past the changes
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        sandbox.clock(java.time.Clock.fixed(t, java.time.ZoneOffset.UTC));
        String lead = sandbox.insert("Lead", Map.of("LastName", "A", "Company", "C"));
        String gone = sandbox.insert("Lead", Map.of("LastName", "B", "Company", "C"));
        client.collections().delete(List.of(gone));
        String later = sandbox.insert("Lead", Map.of("LastName", "Later", "Company", "C",
                "SystemModstamp", t.plusSeconds(90), "LastModifiedDate", t.plusSeconds(90)));
        sandbox.clock(java.time.Clock.fixed(t.plusSeconds(90), java.time.ZoneOffset.UTC));
        // when
        var updated = client.getUpdated("Lead", t.minusSeconds(3600), t.plusSeconds(3600));
        var deleted = client.getDeleted("Lead", t.minusSeconds(3600), t.plusSeconds(3600));
        var limits = client.limits();
        // then
        assertThat(updated.ids()).containsExactly(lead).doesNotContain(later);
        assertThat(updated.latestDateCovered()).startsWith(t.plusSeconds(60).toString().substring(0, 16));
        assertThat(deleted.deletedRecords()).extracting(d -> d.id()).containsExactly(gone);
        assertThat(limits.get("DailyApiRequests").max()).isEqualTo(100_000);
        assertThat(client.remainingDailyCalls()).hasValue(sandbox.remaining());
    }
}

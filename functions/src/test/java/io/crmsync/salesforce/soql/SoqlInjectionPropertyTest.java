package io.crmsync.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.sandbox.salesforce.SandboxHttp;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The builder's queries mean what they say for any value: rendered by {@link Soql}, sent to the sandbox (whose
 * parser follows Salesforce's escape rules) and run, an equality on a hostile string returns exactly the records
 * holding that string, and a "contains" LIKE only records containing it - never a MALFORMED_QUERY, never more rows.
 */
class SoqlInjectionPropertyTest {

    private static final List<String> DECOY_NAMES = List.of("' OR Id != '", "a", "%", "_", "\\", "''", "x");
    private static SalesforceSandbox sandbox;
    private static SandboxHttp http;
    private static Describe invoice;

    @BeforeContainer
    static void start() throws Exception {
        sandbox = new SalesforceSandbox("c", "s", "u", null).start(0);
        http = new SandboxHttp(sandbox.baseUrl());
        http.login("c", "s");
        invoice = SandboxHttp.JSON.treeToValue(
                http.get("/services/data/v62.0/sobjects/Invoice__c/describe").body(), Describe.class);
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.any();
    }

    @Property(tries = 300)
    void equality_matchesExactlyTheRecordsHoldingTheValue(@ForAll("hostile") String value) {
        // given
        String target = seed(value);
        // when
        String soql = Soql.select("Id", "Name").from("Invoice__c").where(Condition.eq("Name", value)).render(invoice);
        SandboxHttp.Answer answer = http.query(soql);
        // then
        assertThat(answer.status()).as(soql + " -> " + answer.body()).isEqualTo(200);
        List<String> names = names(answer.body());
        assertThat(names).as(soql).allSatisfy(n -> assertThat(n).isEqualToIgnoringCase(value));
        assertThat(ids(answer.body())).contains(target);
    }

    @Property(tries = 300)
    void containsLike_matchesOnlyRecordsContainingTheValue(@ForAll("hostile") String value) {
        // given
        String target = seed(value);
        // when
        String soql = Soql.select("Id", "Name").from("Invoice__c")
                .where(Condition.like("Name", LikePattern.contains(value))).render(invoice);
        SandboxHttp.Answer answer = http.query(soql);
        // then
        assertThat(answer.status()).as(soql + " -> " + answer.body()).isEqualTo(200);
        assertThat(names(answer.body())).as(soql)
                .allSatisfy(n -> assertThat(HostileStrings.containsIgnoreCase(n, value)).isTrue())
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(ids(answer.body())).contains(target);
    }

    @Property(tries = 200)
    void notEqualInsideOr_neverWidensBeyondTheLogic(@ForAll("hostile") String value) {
        // given
        seed(value);
        // when: (Name = value AND Name != value) can match nothing, whatever value holds
        String soql = Soql.count().from("Invoice__c").where(Condition.and(Condition.eq("Name", value),
                Condition.ne("Name", value))).render(invoice);
        SandboxHttp.Answer answer = http.query(soql);
        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("totalSize").asInt()).as(soql).isZero();
    }

    /** The target, two decoys that contain it, and fixed decoys; returns the target's Id. */
    private static String seed(String value) {
        sandbox.clear("Invoice__c");
        String target = sandbox.insert("Invoice__c", Map.of("Name", value));
        sandbox.insert("Invoice__c", Map.of("Name", value + "x"));
        sandbox.insert("Invoice__c", Map.of("Name", "x" + value));
        DECOY_NAMES.forEach(n -> sandbox.insert("Invoice__c", Map.of("Name", n)));
        return target;
    }

    private static List<String> names(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("records").forEach(r -> out.add(r.get("Name").asText()));
        return out;
    }

    private static List<String> ids(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("records").forEach(r -> out.add(r.get("Id").asText()));
        return out;
    }
}

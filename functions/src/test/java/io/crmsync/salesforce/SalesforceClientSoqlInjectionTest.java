package io.crmsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.HostileStrings;
import io.crmsync.salesforce.soql.LikePattern;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The injection property again, end to end through the real REST client, so the query's URL encoding is covered
 * too ({@code + % & #} in values). jqwik cannot drive a @QuarkusTest, so its generator is sampled here.
 */
@QuarkusTest
class SalesforceClientSoqlInjectionTest {

    @Inject
    SalesforceClient client;

    private SalesforceSandbox sandbox;

    @BeforeEach
    void reset() {
        sandbox = SalesforceSandboxTestResource.sandbox();
        sandbox.reset();
    }

    @Test
    void hostileValues_matchExactlyTheirRecord_throughTheRealClient() {
        List<String> samples = HostileStrings.any().sampleStream().limit(150).toList();
        for (String value : samples) {
            // given
            sandbox.clear("Invoice__c");
            String target = sandbox.insert("Invoice__c", Map.of("Name", value));
            sandbox.insert("Invoice__c", Map.of("Name", value + "x"));
            sandbox.insert("Invoice__c", Map.of("Name", "' OR Id != '"));
            // when
            List<SObject> equal = client.query(Soql.select("Id", "Name").from("Invoice__c")
                    .where(Condition.eq("Name", value)));
            List<SObject> containing = client.query(Soql.select("Id", "Name").from("Invoice__c")
                    .where(Condition.like("Name", LikePattern.contains(value))));
            // then
            assertThat(equal).as("Name = %s", value).extracting(SObject::id).contains(target);
            assertThat(equal).as("Name = %s", value)
                    .allSatisfy(r -> assertThat(r.getString("Name")).isEqualToIgnoringCase(value));
            assertThat(containing).as("Name LIKE %%%s%%", value).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(HostileStrings.containsIgnoreCase(r.getString("Name"), value)).isTrue());
        }
    }
}

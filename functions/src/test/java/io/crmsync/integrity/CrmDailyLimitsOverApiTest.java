package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.apiBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.salesforce.model.SObject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A spent daily API budget is a state of the CRM account, not a fault of crm-sync: the API says which budget is spent
 * and when to try again (429), instead of a 500 that sends the user to the function's log.
 */
@QuarkusTest
class CrmDailyLimitsOverApiTest {

    @Inject
    SalesforceClient salesforce;

    @AfterEach
    void restoreBudgets() {
        // both sandboxes are shared by every test class: what this test spends must come back whole
        salesforce().resetBudget();
        hubspot().rateLimits().reset();
        hubspot().rateLimits().searchPerSecond(HubSpotSandboxTestResource.TEST_SEARCH_PER_SECOND);
    }

    @Test
    void recordPage_whileSalesforceDailyBudgetIsSpent_answers429_namingTheBudget() {
        // given a Salesforce record, then an org whose daily API requests are used up
        String id = salesforce.create(List.of(SObject.of("Contact", Map.of("LastName", "Budget",
                "Email", "budget-" + System.nanoTime() + "@example.com")))).get(0).id();
        salesforce().exhaustBudget();

        // when
        JsonPath answer = apiBody("GET", "/records/contact/" + id, null, null, 429);

        // then
        assertThat(answer.getString("error.code")).isEqualTo("SALESFORCE_DAILY_LIMIT");
        assertThat(answer.getString("error.message")).contains("daily API request limit");
    }

    @Test
    void recordSearch_whileHubSpotDailyLimitIsSpent_answers429_sayingWhenItResets() {
        // given a portal whose daily calls are used up
        hubspot().rateLimits().exhaustDaily();

        // when
        JsonPath answer = apiBody("GET", "/records/search", "object=contact&q=123456", null, 429);

        // then
        assertThat(answer.getString("error.code")).isEqualTo("HUBSPOT_DAILY_LIMIT");
        assertThat(answer.getString("error.message")).contains("resets at");
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}

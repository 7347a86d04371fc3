package io.crmsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.salesforce.error.DailyApiLimitExceededException;
import io.crmsync.salesforce.error.DuplicateRecordException;
import io.crmsync.salesforce.error.PermissionDeniedException;
import io.crmsync.salesforce.error.RowLockException;
import io.crmsync.salesforce.error.ValidationRuleException;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.sandbox.salesforce.SalesforceFault;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SalesforceClientErrorsTest {

    @Inject
    SalesforceClient client;

    private SalesforceSandbox sandbox;

    @BeforeEach
    void reset() {
        sandbox = SalesforceSandboxTestResource.sandbox();
        sandbox.reset();
        client.describe("Lead");
        client.limits();
        client.calls().reset();
    }

    @Test
    void exhaustedDailyBudget_surfacesAsTypedError_withoutRetrying() {
        // given
        sandbox.exhaustBudget();
        // when / then
        assertThatThrownBy(() -> client.count(Soql.count().from("Lead")))
                .isInstanceOf(DailyApiLimitExceededException.class)
                .hasMessageContaining("REQUEST_LIMIT_EXCEEDED");
        assertThat(client.calls().count("count")).isEqualTo(1);
        assertThat(client.remainingDailyCalls()).hasValue(0);
    }

    @Test
    void serverErrors_areRetriedTransparently() {
        // given
        sandbox.insert("Lead", Map.of("LastName", "L", "Company", "C"));
        sandbox.faults().failNext(2, SalesforceFault.serverUnavailable());
        // when
        long rows = client.count(Soql.count().from("Lead"));
        // then
        assertThat(rows).isEqualTo(1);
        assertThat(client.calls().count("count")).as("two 503s, then success").isEqualTo(3);
    }

    @Test
    void rowLock_isRetriedTransparently_onWrites() {
        // given
        sandbox.faults().failNext(1, SalesforceFault.rowLock());
        // when
        var results = client.collections().create(List.of(SObject.of("Lead", Map.of("LastName", "L", "Company", "C"))));
        // then
        assertThat(results.get(0).success()).isTrue();
        assertThat(sandbox.count("Lead")).isEqualTo(1);
        assertThat(client.calls().count("collections.create")).isEqualTo(2);
    }

    @Test
    void rowLock_thatOutlastsTheRetries_surfacesAsRowLockException() {
        sandbox.faults().failNext(10, SalesforceFault.rowLock());
        assertThatThrownBy(() -> client.count(Soql.count().from("Lead"))).isInstanceOf(RowLockException.class);
        assertThat(client.calls().count("count")).as("first try + 3 retries").isEqualTo(4);
    }

    @Test
    void nonTransientErrors_mapToTheirTypes_andAreNotRetried() {
        sandbox.faults().failNext(1, SalesforceFault.validationRule("Close date required"));
        assertThatThrownBy(() -> client.count(Soql.count().from("Lead"))).isInstanceOf(ValidationRuleException.class);
        sandbox.faults().failNext(1, SalesforceFault.duplicates());
        assertThatThrownBy(() -> client.count(Soql.count().from("Lead"))).isInstanceOf(DuplicateRecordException.class);
        sandbox.faults().failNext(1, SalesforceFault.permission());
        assertThatThrownBy(() -> client.count(Soql.count().from("Lead"))).isInstanceOf(PermissionDeniedException.class);
        assertThat(client.calls().count("count")).isEqualTo(3);
    }

    @Test
    void concurrentRequestLimit_isTransient_unlikeTheDailyLimit() {
        sandbox.faults().failNext(1, SalesforceFault.concurrentRequestLimit());
        assertThat(client.count(Soql.count().from("Lead"))).isZero();
        assertThat(client.calls().count("count")).isEqualTo(2);
    }
}

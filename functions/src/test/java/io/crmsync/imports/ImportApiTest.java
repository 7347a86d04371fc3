package io.crmsync.imports;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.purgeQueues;
import static io.crmsync.imports.ImportTestSupport.queue;
import static io.crmsync.imports.ImportTestSupport.receiveAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.store.ImportJobRepository;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ImportApiTest {

    @Inject
    ImportJobRepository jobs;

    SalesforceSandbox salesforce;

    @BeforeEach
    void seed() {
        salesforce = SalesforceSandboxTestResource.sandbox();
        salesforce.reset();
        purgeQueues();
        salesforce.seed("Contact", 30, i -> Map.of("LastName", "Person " + i, "Email", "p" + i + "@example.com",
                "LeadSource", i < 10 ? "Web" : "Other"));
    }

    @Test
    void review_countsMatchingRecords_withOneCountQuery_andWritesNothing() {
        // given
        long callsBefore = salesforce.apiCallsUsed();
        long jobsBefore = jobs.list(java.util.Optional.empty(), 100).items().size();

        // when
        var answer = api("POST", "/imports/review", null,
                "{\"object\":\"contacts\",\"filters\":[{\"field\":\"LeadSource\",\"operator\":\"eq\",\"value\":\"Web\"}]}");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().getInt("count")).isEqualTo(10);
        assertThat(answer.body().getString("object")).isEqualTo("contacts");
        assertThat(answer.body().getList("filters")).hasSize(1);
        assertThat(salesforce.apiCallsUsed() - callsBefore).isLessThanOrEqualTo(2); // COUNT() (+ describe once)
        assertThat(jobs.list(java.util.Optional.empty(), 100).items()).hasSize((int) jobsBefore);
        assertThat(receiveAll(queue("ImportChunksQueue"), 0)).isEmpty();
    }

    @Test
    void start_answers202_storesQueuedJob_andPutsFirstPageOnTheQueue() {
        // when
        var answer = api("POST", "/imports", null, "{\"object\":\"contacts\",\"filters\":[],\"campaignId\":null,"
                + "\"customObject\":null,\"syncToInclusionSegment\":false}");

        // then
        assertThat(answer.status()).isEqualTo(202);
        String id = answer.body().getString("importId");
        assertThat(answer.body().getString("status")).isEqualTo("QUEUED");
        assertThat(answer.body().getInt("total")).isEqualTo(30);
        assertThat(receiveAll(queue("ImportChunksQueue"), 0)).singleElement().satisfies(body ->
                assertThat(body).contains("\"importId\":\"" + id + "\"").contains("\"page\":1").contains("\"phase\":0"));
        var view = api("GET", "/imports/" + id, null, null);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().getString("status")).isEqualTo("QUEUED");
        assertThat(view.body().getString("object")).isEqualTo("contacts");
        assertThat(view.body().getInt("total")).isEqualTo(30);
        assertThat(view.body().getInt("percent")).isZero();
        var list = api("GET", "/imports", "limit=1", null);
        assertThat(list.body().getString("imports[0].importId")).isEqualTo(id);
        assertThat(list.body().getString("nextCursor")).isNotNull();
    }

    @Test
    void badDefinitions_areRefusedWithTheFieldNamed_andNothingIsWrittenOrQueued() {
        // given
        long jobsBefore = jobs.list(java.util.Optional.empty(), 100).items().size();

        // when / then
        assertRefused("{\"object\":\"planets\"}", 400, "UNKNOWN_OBJECT", "object");
        assertRefused("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Shoe_Size__c\",\"operator\":\"eq\","
                + "\"value\":\"x\"}]}", 400, "UNKNOWN_FIELD", "filters[0].field");
        assertRefused("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"gt\","
                + "\"value\":\"a\"}]}", 400, "OPERATOR_NOT_VALID_FOR_TYPE", "filters[0].operator");
        assertRefused("{\"object\":\"accounts\",\"filters\":[{\"field\":\"NumberOfEmployees\",\"operator\":\"gt\","
                + "\"value\":\"many\"}]}", 400, "INVALID_VALUE", "filters[0].value");
        assertRefused("{\"object\":\"contacts\",\"filters\":[{\"field\":\"Email\",\"operator\":\"like\"}]}", 400,
                "UNKNOWN_OPERATOR", "filters[0].operator");
        assertRefused("{\"object\":\"contacts\",", 400, "MALFORMED_JSON", null);
        assertRefused("{\"object\":\"contacts\",\"filterz\":[]}", 400, "UNKNOWN_PROPERTY", "filterz");
        assertRefused("{\"object\":\"campaign\",\"campaignId\":\"701000000009999AAA\"}", 404, "CAMPAIGN_NOT_FOUND",
                null);
        assertRefused("{\"object\":\"campaign\"}", 400, "MISSING_CAMPAIGNID", "campaignId");
        assertRefused("{\"object\":\"contacts\",\"campaignId\":\"701000000009999AAA\"}", 400, "NOT_APPLICABLE",
                "campaignId");
        assertRefused("{\"object\":\"custom\",\"customObject\":\"Spaceship__c\"}", 400, "UNKNOWN_CUSTOM_OBJECT",
                "customObject");
        assertThat(jobs.list(java.util.Optional.empty(), 100).items()).hasSize((int) jobsBefore);
        assertThat(receiveAll(queue("ImportChunksQueue"), 0)).isEmpty();
    }

    @Test
    void inactiveCampaign_isRefusedWith409_sayingItMustBeActive() {
        // given
        String campaign = salesforce.insert("Campaign", Map.of("Name", "Spring Webinar", "IsActive", false));

        // when
        var answer = api("POST", "/imports", null, "{\"object\":\"campaign\",\"campaignId\":\"" + campaign + "\"}");

        // then
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().getString("error.code")).isEqualTo("CAMPAIGN_NOT_ACTIVE");
        assertThat(answer.body().getString("error.message")).contains("Spring Webinar").contains("not Active");
        assertThat(receiveAll(queue("ImportChunksQueue"), 0)).isEmpty();
    }

    @Test
    void unknownImport_is404_andCancellingAFinishedImportIs409() {
        assertThat(api("GET", "/imports/no-such-import", null, null).status()).isEqualTo(404);
        assertThat(api("POST", "/imports/no-such-import/cancel", null, null).status()).isEqualTo(404);
        var started = api("POST", "/imports", null, "{\"object\":\"contacts\"}");
        String id = started.body().getString("importId");
        jobs.markCancelled(id, java.time.Instant.now());

        var again = api("POST", "/imports/" + id + "/cancel", null, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().getString("error.code")).isEqualTo("IMPORT_FINISHED");
    }

    private static void assertRefused(String body, int status, String code, String field) {
        var answer = api("POST", "/imports", null, body);
        assertThat(answer.status()).as(body).isEqualTo(status);
        assertThat(answer.body().getString("error.code")).as(body).isEqualTo(code);
        assertThat(answer.body().getString("error.field")).as(body).isEqualTo(field);
        assertThat(answer.body().getString("error.message")).as(body).isNotBlank();
    }
}

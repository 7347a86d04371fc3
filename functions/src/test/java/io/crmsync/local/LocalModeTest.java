package io.crmsync.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.crmsync.config.CrmSyncConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@QuarkusTest
@TestProfile(LocalModeProfile.class)
class LocalModeTest {

    @Inject
    SqsClient sqs;

    @Inject
    CrmSyncConfig config;

    // The port as the application was given it: Quarkus may load LocalModeProfile (and run its static port picks) in
    // a class loader other than this test's.
    @ConfigProperty(name = "crmsync.local.api-port")
    int apiPort;

    @Test
    void httpApi_servesTheApiFunction_withItsJsonErrors() {
        given().port(apiPort).get("/no-such-route")
                .then().statusCode(404)
                .contentType("application/json")
                .body("error.code", equalTo("ROUTE_NOT_FOUND"));
    }

    @Inject
    io.crmsync.segments.InclusionSegmentSettings inclusionSegments;

    @Inject
    io.crmsync.salesforce.SalesforceClient salesforce;

    @Test
    void sandboxes_startWithTheDemoData_andTheDemoSegmentIsChosen() {
        // the Salesforce client, configured for localhost, logs in to the sandbox local mode started
        long leads = salesforce.count(io.crmsync.salesforce.soql.Soql.count().from("Lead"));

        assertThat(leads).isEqualTo(2_000);
        assertThat(inclusionSegments.find("contact")).hasValueSatisfying(s -> assertThat(s.listId()).isNotBlank());
    }

    @Test
    void poisonMessage_isRetried_thenRedrivenToTheDeadLetterQueue() throws InterruptedException {
        // given a chunk message the importChunk function refuses
        String importQueue = config.queues().importChunksUrl();
        String deadLetters = importQueue + "-dlq";
        sqs.sendMessage(r -> r.queueUrl(importQueue).messageBody("{\"importId\":\"\",\"page\":0}"));

        // when the local SQS event source delivers it until the redrive policy gives up
        int inDeadLetterQueue = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (inDeadLetterQueue == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            inDeadLetterQueue = depth(deadLetters);
        }

        // then it waits, intact, in the dead-letter queue and nowhere else
        assertThat(inDeadLetterQueue).isEqualTo(1);
        assertThat(depth(importQueue)).isZero();
        // (importDeadLetter also reads this queue and refuses the invalid message, which leaves it there: with this
        // profile's 0 s retry visibility it is visible again at once, so a few receives find it)
        List<Message> parked = List.of();
        for (int attempt = 0; attempt < 50 && parked.isEmpty(); attempt++) {
            parked = sqs.receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(1)).messages();
        }
        assertThat(parked).singleElement().satisfies(m ->
                assertThat(m.body()).isEqualTo("{\"importId\":\"\",\"page\":0}"));
    }

    private int depth(String queueUrl) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void everyObjectSettings_overHttp_customObjectsAndDefaultOwners_answerTheirValuesAndFieldErrors() {
        // custom objects: what is configured, and a bad API name refused at its field
        given().port(apiPort).get("/settings/custom-objects").then().statusCode(200)
                .body("customObjects", org.hamcrest.Matchers.notNullValue());
        given().port(apiPort).contentType("application/json")
                .body("{\"customObjects\":[{\"salesforceObject\":\"Invoice\",\"hubspotObject\":\"invoices\"}]}")
                .put("/settings/custom-objects").then().statusCode(400)
                .body("error.code", equalTo("INVALID_CUSTOM_OBJECT"))
                .body("error.field", equalTo("customObjects[0].salesforceObject"));

        // default owners: the current choice, an unknown owner refused at its field, and the current choice saved
        java.util.Map<String, Object> owners = given().port(apiPort).get("/settings/default-owners").then()
                .statusCode(200).extract().jsonPath().getMap("");
        given().port(apiPort).contentType("application/json").body("{\"hubspotOwnerId\":\"987654321\"}")
                .put("/settings/default-owners").then().statusCode(400)
                .body("error.code", equalTo("INVALID_DEFAULT_OWNER"))
                .body("error.field", equalTo("hubspotOwnerId"))
                .body("error.message", org.hamcrest.Matchers.containsString("987654321"));
        given().port(apiPort).contentType("application/json").body(owners).put("/settings/default-owners").then()
                .statusCode(200);
        assertThat(given().port(apiPort).get("/settings/default-owners").then().statusCode(200).extract().jsonPath()
                .getMap("")).isEqualTo(owners);
    }
}

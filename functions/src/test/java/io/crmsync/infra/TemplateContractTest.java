package io.crmsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateContractTest {

    private static final Path TEMPLATE = TemplateDefinitions.locate();
    private static Set<String> funqNames;

    @TempDir
    Path temp;

    @BeforeAll
    static void indexFunctions() {
        funqNames = TemplateContract.funqNames(Path.of("target/classes"));
    }

    @Test
    void template_deploysEveryFunction_andKeepsEveryRule() {
        // given the template as committed
        TemplateDefinitions template = TemplateDefinitions.load(TEMPLATE);

        // when it is checked against the code
        var violations = TemplateContract.violations(template, funqNames);

        // then it is deployable as the code expects
        assertThat(funqNames).contains("api", "importChunk", "poll", "syncBatch", "changeEvents");
        assertThat(violations).isEmpty();
    }

    @Test
    void template_withAConsoleApiRouteOpenToAnyone_isRejected() throws IOException {
        String broken = read().replace("RouteKey: $default\n      AuthorizationType: JWT",
                "RouteKey: $default\n      AuthorizationType: NONE");

        assertThat(violationsOf(broken)).anySatisfy(v -> assertThat(v).contains("ConsoleApiRoute").contains("not protected"));
    }

    @Test
    void template_withAConsoleAuthorizerIgnoringTheAudience_isRejected() throws IOException {
        var violations = violationsOf(read().replace("Audience: [!Ref ConsoleAudience]", "Audience: [anyone]"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("ConsoleApiRoute").contains("ConsoleAudience"));
    }

    @Test
    void template_withAnotherRouteOutsideIam_isRejected_onlyTheSignedWebhookRouteMayBe() throws IOException {
        String broken = read().replace("Path: /webhooks/hubspot\n            Method: POST",
                "Path: /imports\n            Method: POST");

        assertThat(violationsOf(read())).isEmpty();
        assertThat(violationsOf(broken)).anySatisfy(v -> assertThat(v).contains("HubSpotWebhook").contains("not protected"));
    }

    @Test
    void template_withoutTheChangeEventsDeadLetterAlarm_isRejected() throws IOException {
        String broken = read().replace("          Value: !GetAtt SalesforceChangeEventsDeadLetterQueue.QueueName",
                "          Value: !GetAtt SyncBatchesDeadLetterQueue.QueueName");

        assertThat(violationsOf(broken)).anySatisfy(v -> assertThat(v).contains("SalesforceChangeEventsDeadLetterQueue"));
    }

    @Test
    void template_withExportNamingNoFunction_isRejected() throws IOException {
        var violations = violationsOf(read().replace("QUARKUS_FUNQY_EXPORT: poll", "QUARKUS_FUNQY_EXPORT: pol"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("PollFunction").contains("names no @Funq"));
    }

    @Test
    void template_withQueueLackingDeadLetterQueue_isRejected() throws IOException {
        String broken = read().replace("""
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt SyncBatchesDeadLetterQueue.Arn
                        maxReceiveCount: 5
                """, "");

        var violations = violationsOf(broken);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("SyncBatchesQueue").contains("no dead-letter"));
    }

    @Test
    void template_withConsumedDeadLetterQueueAlarmingOnDepth_isRejected() throws IOException {
        // given the import DLQ is drained by importDeadLetter, so its depth no longer shows failures
        String broken = read().replace("MetricName: NumberOfMessagesReceived", "MetricName: ApproximateNumberOfMessagesVisible");

        var violations = violationsOf(broken);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("ImportChunksDeadLetterQueue")
                .contains("NumberOfMessagesReceived"));
    }

    @Test
    void template_withIndexTheStoreDoesNotUse_isRejected() throws IOException {
        var violations = violationsOf(read().replace("IndexName: gsi2", "IndexName: byStatus"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("Table indexes"));
    }

    @Test
    void template_withShortVisibilityTimeout_isRejected() throws IOException {
        var violations = violationsOf(read().replaceFirst("VisibilityTimeout: 1800", "VisibilityTimeout: 60"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("below 6x the timeout"));
    }

    @Test
    void template_withPlainTokenInEnvironment_isRejected() throws IOException {
        var violations = violationsOf(read().replace("CRMSYNC_HUBSPOT_TOKEN_PARAMETER:", "CRMSYNC_HUBSPOT_TOKEN:"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("CRMSYNC_HUBSPOT_TOKEN carries a credential"));
    }

    @Test
    void template_withFunctionWithoutErrorAlarm_isRejected() throws IOException {
        // given the sync worker's error alarm points at another function
        String broken = read().replace(
                "MetricName: Errors\n      Dimensions:\n        - Name: FunctionName\n          Value: !Ref SyncBatchFunction",
                "MetricName: Errors\n      Dimensions:\n        - Name: FunctionName\n          Value: !Ref PollFunction");
        assertThat(broken).isNotEqualTo(read());

        var violations = violationsOf(broken);

        assertThat(violations).contains("SyncBatchFunction: no CloudWatch alarm on its Errors");
    }

    @Test
    void template_withPollDurationAlarmAboveItsTimeout_isRejected() throws IOException {
        var violations = violationsOf(read().replace("Threshold: 480000", "Threshold: 600000"));

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("PollFunction")
                .contains("no Duration alarm with a threshold below its timeout"));
    }

    @Test
    void shortFormTags_areReadAsTheirLongForm() {
        var queues = TemplateDefinitions.load(TEMPLATE).queues("prod");

        assertThat(queues).anySatisfy(q -> {
            assertThat(q.logicalId()).isEqualTo("ImportChunksQueue");
            assertThat(q.name()).isEqualTo("prod-import-chunks");
            assertThat(q.deadLetterQueue()).isEqualTo("ImportChunksDeadLetterQueue");
            assertThat(q.maxReceiveCount()).isEqualTo(5);
        });
    }

    private String read() throws IOException {
        return Files.readString(TEMPLATE);
    }

    private java.util.List<String> violationsOf(String templateText) throws IOException {
        Path file = temp.resolve("template.yaml");
        Files.writeString(file, templateText);
        return TemplateContract.violations(TemplateDefinitions.load(file), funqNames);
    }
}
